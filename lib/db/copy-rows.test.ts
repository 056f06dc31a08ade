import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Prisma } from "@/lib/generated/prisma/client";
import { binaryCopyDecoder } from "./copy-rows";
import { inlineSql } from "./sql-literal";

/** A binary COPY stream (PostgreSQL's wire layout) of text fields, null as -1. */
function copyStream(rows: (string | null)[][]): Buffer {
  const parts = [Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), Buffer.from([0, 0, 0, 0, 0, 0, 0, 0])];
  for (const row of rows) {
    const count = Buffer.alloc(2);
    count.writeInt16BE(row.length);
    parts.push(count);
    for (const field of row) {
      const bytes = field === null ? Buffer.alloc(0) : Buffer.from(field, "utf8");
      const length = Buffer.alloc(4);
      length.writeInt32BE(field === null ? -1 : bytes.length);
      parts.push(length, bytes);
    }
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

const text = { sql: (c: string) => c, read: (t: string) => t };

describe("binaryCopyDecoder", () => {
  it("decodes the same rows however the stream is cut into chunks (multi-byte characters split too)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.option(fc.string({ unit: "grapheme" }), { nil: null }), fc.option(fc.string(), { nil: null })), { maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 30 }),
        (rows, cuts) => {
          const stream = copyStream(rows);
          const decoder = binaryCopyDecoder([text, text], ["a", "b"]);
          const got: unknown[] = [];
          let at = 0;
          for (let i = 0; at < stream.length; i++) {
            const next = Math.min(stream.length, at + cuts[i % cuts.length]);
            got.push(...decoder.push(stream.subarray(at, next)));
            at = next;
          }
          expect(got).toEqual(rows.map(([a, b]) => ({ a, b })));
          expect(decoder.finished()).toBe(true);
        },
      ),
    );
  });

  it("knows a stream that stopped in the middle of a row", () => {
    const stream = copyStream([["one", "two"]]);
    const decoder = binaryCopyDecoder([text, text], ["a", "b"]);
    expect(decoder.push(stream.subarray(0, stream.length - 5))).toEqual([]);
    expect(decoder.finished()).toBe(false);
  });

  it("refuses what is not a binary COPY stream", () => {
    expect(() => binaryCopyDecoder([text], ["a"]).push(Buffer.from("a\tb\nc\td\nmore than nineteen bytes"))).toThrow(/not a binary COPY/);
  });
});

describe("inlineSql", () => {
  it("writes each bound value as a quoted literal", () => {
    const when = new Date("2026-11-30T10:00:00.000Z");
    const sql = Prisma.sql`SELECT 1 WHERE a = ${"it's \\ here"} AND b = ANY(${["x", "y'"]}::text[]) AND c >= ${when} AND d = ${3} AND e = ${true}`;
    expect(inlineSql(sql)).toBe(
      "SELECT 1 WHERE a =  E'it''s \\\\ here' AND b = ANY(ARRAY['x', 'y''']::text[]) AND c >= '2026-11-30T10:00:00.000Z' AND d = 3 AND e = TRUE",
    );
  });

  it("refuses values it cannot write safely", () => {
    expect(() => inlineSql(Prisma.sql`SELECT ${{ a: 1 }}`)).toThrow(/cannot inline/);
    expect(() => inlineSql(Prisma.sql`SELECT ${Number.NaN}`)).toThrow(/finite/);
  });
});
