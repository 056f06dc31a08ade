import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decodeCursor, encodeCursor, pageOf } from "./cursor";
import { ApiError } from "./read-json-body";

const key = z.tuple([z.string()]);

describe("listing cursors", () => {
  it("round-trip the last row's sort key as URL-safe text", () => {
    const cursor = encodeCursor(["q-ü/+ 1"]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, key)).toEqual(["q-ü/+ 1"]);
  });

  it("refuse anything that is not a cursor of this listing with a 400", () => {
    for (const bad of ["not*base64", Buffer.from("{oops").toString("base64url"), encodeCursor([42]), encodeCursor(["a", "b"]), encodeCursor({ slug: "x" } as never), "A".repeat(2001)]) {
      let thrown: unknown;
      try {
        decodeCursor(bad, key);
      } catch (error) {
        thrown = error;
      }
      expect([bad.slice(0, 20), thrown instanceof ApiError && thrown.status]).toEqual([bad.slice(0, 20), 400]);
    }
  });

  it("hand out a next cursor only when the query found a row beyond the page", () => {
    const rows = ["a", "b", "c"].map((id) => ({ id }));
    expect(pageOf(rows, 2, (r) => [r.id], (r) => r.id)).toEqual({ data: ["a", "b"], nextCursor: encodeCursor(["b"]) });
    expect(pageOf(rows, 3, (r) => [r.id], (r) => r.id)).toEqual({ data: ["a", "b", "c"], nextCursor: null });
    expect(pageOf([], 3, (r: { id: string }) => [r.id], (r) => r.id)).toEqual({ data: [], nextCursor: null });
  });
});
