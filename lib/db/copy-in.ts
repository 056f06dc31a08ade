import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

// Rows written into a table in bulk on a caller's connection and transaction (issue 14: the import
// at a good share of raw COPY speed). PostgreSQL's COPY FROM STDIN in text format: one statement
// and one stream per batch, no per-row parameters for a client library to serialize. The embedded
// fallback database (PGlite, DATABASE_POOL_MAX=1) has no COPY from a client: there the same rows go
// through multi-row INSERTs. Every value arrives as text (or NULL) and is cast by its column.

/** A column and the SQL type its text is cast to in the INSERT fallback (COPY casts by itself). */
export type BulkColumn = { name: string; type: string };
export type BulkValue = string | null;

export type BulkTransport = "copy" | "insert";
export const defaultBulkTransport = (): BulkTransport => (process.env.DATABASE_POOL_MAX === "1" ? "insert" : "copy");

/** COPY's text format: backslash, tab, newline and carriage return escaped; \N is NULL. */
function copyField(value: BulkValue): string {
  if (value === null) return "\\N";
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r")) : value;
}

/** A text[] value in PostgreSQL's array literal syntax: every element quoted. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** PostgreSQL's limit on one statement's parameters. */
const MAX_PARAMETERS = 65_535;

export async function bulkInsert(client: pg.ClientBase, table: string, columns: readonly BulkColumn[], rows: readonly BulkValue[][], transport: BulkTransport = defaultBulkTransport()): Promise<void> {
  if (!rows.length) return;
  const names = columns.map((c) => quoted(c.name)).join(", ");
  if (transport === "copy") {
    let text = "";
    for (const row of rows) text += row.map(copyField).join("\t") + "\n";
    const stream = client.query(copyFrom(`COPY ${quoted(table)} (${names}) FROM STDIN`));
    await new Promise<void>((resolve, reject) => {
      stream.on("error", reject);
      stream.on("finish", resolve);
      stream.end(text);
    });
    return;
  }
  const perStatement = Math.floor(MAX_PARAMETERS / columns.length);
  for (let start = 0; start < rows.length; start += perStatement) {
    const slice = rows.slice(start, start + perStatement);
    const values = slice.map((_, r) => `(${columns.map((c, i) => `$${r * columns.length + i + 1}::${c.type}`).join(", ")})`).join(", ");
    await client.query(`INSERT INTO ${quoted(table)} (${names}) VALUES ${values}`, slice.flat());
  }
}
