import { z } from "zod";
import { ApiError } from "./read-json-body";

// Listings page by keyset (decision 018): the cursor is the last row's sort key as JSON, base64url
// encoded. It is opaque to clients (they pass back what they got) but not secret: decoding one
// shows only values the caller has already seen, and every query is scoped to what the caller may
// see, so a forged cursor can only move the starting point.

export const LIMIT_DEFAULT = 100;
export const LIMIT_MAX = 500;

/** A page of a listing: the rows, and the cursor of the next page (null on the last one). */
export type Page<T> = { data: T[]; nextCursor: string | null };

export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

const TAMPERED = "The cursor is not one this listing gave out: pass nextCursor exactly as received, or leave it out to start from the beginning.";

/** The sort key inside a cursor, checked against the listing's key shape; anything else is a 400. */
export function decodeCursor<K>(cursor: string, keySchema: z.ZodType<K>): K {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(cursor)) throw new ApiError(400, TAMPERED);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new ApiError(400, TAMPERED);
  }
  const key = keySchema.safeParse(parsed);
  if (!key.success) throw new ApiError(400, TAMPERED);
  return key.data;
}

/**
 * The first `limit` rows, and a cursor after the last of them when the query found one row more
 * (callers fetch limit + 1 rows, so "is there a next page" costs no second query).
 */
export function pageOf<R, T>(rows: R[], limit: number, keyOf: (row: R) => readonly unknown[], toData: (row: R) => T): Page<T> {
  const shown = rows.slice(0, limit);
  const nextCursor = rows.length > limit && shown.length ? encodeCursor(keyOf(shown[shown.length - 1])) : null;
  return { data: shown.map(toData), nextCursor };
}
