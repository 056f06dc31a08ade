import pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";

// COPY (query) TO STDOUT takes no bind parameters, so a query streamed through COPY carries its
// values inline. Only the value types our queries bind are accepted, each written as a quoted
// literal by pg's own escaping (standard_conforming_strings, on since PostgreSQL 9.1); anything
// else is refused rather than guessed.

function literalOf(value: unknown): string {
  if (typeof value === "string") return pg.escapeLiteral(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`sql-literal: not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  // timestamp(3) columns hold UTC wall-clock times: the ISO form's "Z" is ignored by the cast, as for a bound Date.
  if (value instanceof Date) return pg.escapeLiteral(value.toISOString());
  if (Array.isArray(value)) return `ARRAY[${value.map(literalOf).join(", ")}]`;
  throw new TypeError(`sql-literal: cannot inline a value of type ${value === null ? "null" : typeof value}`);
}

/** The statement with every bound value written inline (for COPY); the query's own casts still apply. */
export function inlineSql(sql: Prisma.Sql): string {
  const { strings, values } = sql;
  let text = strings[0];
  for (let i = 0; i < values.length; i++) text += literalOf(values[i]) + strings[i + 1];
  return text;
}
