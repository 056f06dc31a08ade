import { describe, expect, it } from "vitest";
import { getPgPool } from "./client";
import { bulkInsert, textArrayLiteral, type BulkColumn, type BulkTransport } from "./copy-in";

// Both transports (COPY, and the multi-row INSERT of the embedded fallback database) store the same
// values, whatever characters they hold: COPY's text format escapes, arrays, JSON and NULLs.
const COLUMNS: BulkColumn[] = [
  { name: "id", type: "text" },
  { name: "label", type: "text" },
  { name: "n", type: "integer" },
  { name: "tags", type: "text[]" },
  { name: "doc", type: "jsonb" },
  { name: "flag", type: "boolean" },
];
const AWKWARD = 'tab\there, line\nbreak, cr\r, back\\slash, "quotes", \\N, {braces}, ünïcode 🫀';

describe("bulkInsert", () => {
  for (const transport of ["copy", "insert"] as BulkTransport[]) {
    it(`stores awkward text, arrays, JSON and NULLs exactly (${transport})`, async () => {
      const client = await getPgPool().connect();
      try {
        await client.query(`CREATE TEMP TABLE bulk_probe (id text PRIMARY KEY, label text, n integer, tags text[], doc jsonb, flag boolean)`);
        const doc = { text: AWKWARD, nested: [1, "two", null] };
        await bulkInsert(
          client,
          "bulk_probe",
          COLUMNS,
          [
            ["a", AWKWARD, "7", textArrayLiteral([AWKWARD, "", "plain"]), JSON.stringify(doc), "t"],
            ["b", null, null, textArrayLiteral([]), null, "f"],
          ],
          transport,
        );
        const { rows } = await client.query(`SELECT * FROM bulk_probe ORDER BY id`);
        expect(rows).toEqual([
          { id: "a", label: AWKWARD, n: 7, tags: [AWKWARD, "", "plain"], doc, flag: true },
          { id: "b", label: null, n: null, tags: [], doc: null, flag: false },
        ]);
      } finally {
        await client.query(`DROP TABLE IF EXISTS bulk_probe`);
        client.release();
      }
    });
  }

  it("splits an INSERT that would pass PostgreSQL's parameter limit", async () => {
    const client = await getPgPool().connect();
    try {
      await client.query(`CREATE TEMP TABLE bulk_many (id text, label text)`);
      const rows = Array.from({ length: 40_000 }, (_, i) => [`r${i}`, `label ${i}`]);
      await bulkInsert(client, "bulk_many", [{ name: "id", type: "text" }, { name: "label", type: "text" }], rows, "insert");
      expect((await client.query(`SELECT count(*)::int AS n FROM bulk_many`)).rows[0].n).toBe(40_000);
    } finally {
      await client.query(`DROP TABLE IF EXISTS bulk_many`);
      client.release();
    }
  });
});
