import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { runCli } from "@/lib/cli/main";
import { killHard, startChild, until } from "./child";

// Issue 14, faults: an import whose process is killed halfway (SIGKILL: no handler runs, the
// connection just drops) leaves nothing of itself behind, and the same file imports cleanly after.
const ITEMS = 6_000; // several chunks of writes, so the kill lands inside the transaction
const dir = mkdtempSync(path.join(os.tmpdir(), "consilium-killed-import-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const err: string[] = [];
  const code = await runCli(argv, { out: () => {}, err: (t) => err.push(t) });
  return { code, err: err.join("\n") };
}

/** Sessions of this database (other than ours) holding a transaction id: the import has written. */
async function writingSessions(): Promise<number> {
  const [row] = await getDb().$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL`;
  return row.n;
}

async function counts() {
  const db = getDb();
  return {
    items: await db.item.count(),
    responses: await db.response.count(),
    audits: await db.auditEvent.count({ where: { action: "items.import" } }),
  };
}

describe("an import killed halfway", () => {
  it("leaves nothing visible, and running it again imports every line", { timeout: 120_000 }, async () => {
    expect((await cli("create-user", "--email", "admin@x.org", "--name", "Admin", "--role", "ADMIN", "--password", "a-long-password")).code).toBe(0);
    expect((await cli("create-project", "--template", "med-palm-long-form", "--name", "Imp", "--as", "admin@x.org")).code).toBe(0);
    const file = path.join(dir, "items.jsonl");
    const line = (i: number) => JSON.stringify({ externalId: `q-${i}`, question: `Question ${i}?`, responses: [{ modelName: "a", content: `Answer ${i}` }, { modelName: "b", content: `Other ${i}` }] });
    writeFileSync(file, Array.from({ length: ITEMS }, (_, i) => line(i)).join("\n") + "\n");

    const child = startChild("lib/cli/main.ts", ["import", "imp", file, "--as", "admin@x.org"]);
    try {
      await until(async () => (await writingSessions()) > 0 || child.process.exitCode !== null, "the import writes");
      await killHard(child);
    } finally {
      child.process.kill("SIGKILL");
    }
    // PostgreSQL notices the dropped connection and rolls its transaction back.
    await until(async () => (await writingSessions()) === 0, "the killed import's transaction is gone");
    expect(await counts()).toEqual({ items: 0, responses: 0, audits: 0 });

    const again = await cli("import", "imp", file, "--as", "admin@x.org");
    expect(again).toEqual({ code: 0, err: "" });
    expect(await counts()).toEqual({ items: ITEMS, responses: 2 * ITEMS, audits: 1 });
  });
});
