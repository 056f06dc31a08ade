import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getPgPool } from "./client";
import { inlineSql } from "./sql-literal";

// A query's rows streamed through COPY (…) TO STDOUT (FORMAT binary) instead of fetched a page at
// a time (decision 028). PostgreSQL runs the query once and sends rows as it produces them; we
// decode each socket chunk's complete rows and hand them on at once, so a row lives for
// microseconds instead of surviving in a fetched page (which promoted every row to V8's old
// generation: most of the export's GC time and peak RSS), and PostgreSQL keeps producing while
// we write. Every column is sent as text: binary COPY frames each field with its length, so there
// is no escaping to undo, and text is the one binary format that is simply UTF-8.

/** How a result column travels (as text) and is read back, by PostgreSQL type oid. */
type Reader = { sql: (column: string) => string; read: (text: string) => unknown };

const asText: Reader = { sql: (c) => `${c}::text`, read: (t) => t };
const asInt: Reader = { sql: (c) => `${c}::text`, read: (t) => Number(t) };
const asJson: Reader = { sql: (c) => `${c}::text`, read: (t) => JSON.parse(t) };
/** Arrays as JSON arrays: the text form `{a,"b c"}` would need its own parser. */
const asArray: Reader = { sql: (c) => `to_json(${c})::text`, read: (t) => JSON.parse(t) };
/** timestamp(3) without time zone holds UTC (Prisma's convention): "2026-11-30 12:34:56.789". */
const asTimestamp: Reader = { sql: (c) => `${c}::text`, read: (t) => new Date(`${t.replace(" ", "T")}Z`) };

const READERS: Record<number, Reader> = {
  16: { sql: (c) => `${c}::text`, read: (t) => t === "true" },
  20: { sql: (c) => `${c}::text`, read: (t) => BigInt(t) },
  21: asInt,
  23: asInt,
  25: asText,
  700: asInt,
  701: asInt,
  1043: asText,
  114: asJson,
  3802: asJson,
  1114: asTimestamp,
  1009: asArray, // text[]
  1015: asArray, // varchar[]
  1007: asArray, // int4[]
};

/** Columns of other types (enums, mostly) are read as their text form. */
const readerOf = (oid: number) => READERS[oid] ?? asText;

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");

/**
 * Decodes binary COPY output chunk by chunk: `push` returns the rows a chunk completed, keeping
 * the unfinished rest for the next chunk.
 */
export function binaryCopyDecoder(readers: readonly Reader[], names: readonly string[]) {
  let carry: Buffer | null = null;
  let headerDone = false;
  let ended = false;
  return {
    push(chunk: Buffer): Record<string, unknown>[] {
      const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      let pos = 0;
      if (!headerDone) {
        if (buf.length < 19) return (carry = buf), [];
        if (!buf.subarray(0, 11).equals(SIGNATURE)) throw new Error("copy-rows: not a binary COPY stream");
        pos = 19 + buf.readInt32BE(15);
        headerDone = true;
      }
      const rows: Record<string, unknown>[] = [];
      for (;;) {
        if (buf.length - pos < 2) break;
        const fields = buf.readInt16BE(pos);
        if (fields === -1) {
          ended = true;
          pos += 2;
          break;
        }
        let at = pos + 2;
        const row: Record<string, unknown> = {};
        let complete = true;
        for (let f = 0; f < fields; f++) {
          if (buf.length - at < 4) { complete = false; break; }
          const length = buf.readInt32BE(at);
          at += 4;
          if (length === -1) { row[names[f]] = null; continue; }
          if (buf.length - at < length) { complete = false; break; }
          row[names[f]] = readers[f].read(buf.toString("utf8", at, at + length));
          at += length;
        }
        if (!complete) break;
        rows.push(row);
        pos = at;
      }
      carry = pos < buf.length ? buf.subarray(pos) : null;
      return rows;
    },
    /** True once the trailer was read and nothing is left over. */
    finished: () => ended && carry === null,
  };
}

/**
 * The rows of `query` (its ORDER BY kept), as the batches each chunk of the COPY stream
 * completed. One connection of the app's pool is held until the last row; a consumer that stops
 * early closes that connection (it is mid-COPY) instead of returning it to the pool.
 */
export async function* copyRowBatches<R>(query: Prisma.Sql): AsyncGenerator<R[]> {
  const statement = inlineSql(query);
  const client = await getPgPool().connect();
  let broken: Error | true | undefined = true;
  try {
    // The result's columns and types, without running the query.
    const { fields } = await client.query<Record<string, unknown>>(`SELECT * FROM (${statement}) q LIMIT 0`);
    const readers = fields.map((f: pg.FieldDef) => readerOf(f.dataTypeID));
    const names = fields.map((f) => f.name);
    const select = fields.map((f, i) => readers[i].sql(`q."${f.name.replaceAll('"', '""')}"`)).join(", ");
    const decoder = binaryCopyDecoder(readers, names);
    // The stream's pace is set by the one thread that writes the records, not by PostgreSQL: a
    // whole-table query is costly enough to be JIT-compiled (~2 s of compiling per export before
    // the first row, EXPLAIN ANALYZE at 100k) and to get parallel workers, and both only take
    // cores from the writer (100k records with texts: 20.9k → 24.5k rows/s on 2 cores).
    await client.query("SET jit = off; SET max_parallel_workers_per_gather = 0");
    const stream = client.query(copyTo(`COPY (SELECT ${select} FROM (${statement}) q) TO STDOUT (FORMAT binary)`));
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const rows = decoder.push(chunk);
      if (rows.length) yield rows as R[];
    }
    if (!decoder.finished()) throw new Error("copy-rows: the COPY stream ended in the middle of a row");
    await client.query("RESET jit; RESET max_parallel_workers_per_gather");
    broken = undefined;
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(broken);
  }
}
