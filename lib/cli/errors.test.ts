import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/auth/permissions";
import { reportCliError, UsageError } from "./errors";

const ROOT = path.resolve(import.meta.dirname, "../..");

function report(error: unknown, env: Record<string, string> = {}) {
  const lines: string[] = [];
  const code = reportCliError(error, (t) => lines.push(t), env);
  return { code, text: lines.join("\n") };
}

describe("CLI error reports", () => {
  it("gives one line and a hint for unexpected errors, never a stack trace unless DEBUG=1", () => {
    const prismaLike = Object.assign(new Error("\nInvalid `prisma.project.findFirst()` invocation in\n/app/lib/projects/access.ts:13:3\n\n  12 |\n→ 13 |   const p = …\n\nCan't reach database server at `db:5432`"), { name: "PrismaClientInitializationError" });
    expect(report(prismaLike)).toEqual({ code: 1, text: expect.stringMatching(/^Error: Can't reach database server at `db:5432`\nHint: check DATABASE_URL/) });
    const refused = Object.assign(new AggregateError([new Error("connect ECONNREFUSED ::1:5"), new Error("connect ECONNREFUSED 127.0.0.1:5")], ""), { code: "ECONNREFUSED" });
    expect(report(refused).text).toMatch(/^Error: connect ECONNREFUSED ::1:5; connect ECONNREFUSED 127\.0\.0\.1:5\nHint: check DATABASE_URL/);
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    expect(report(bug)).toEqual({ code: 1, text: "Error: Cannot read properties of undefined (reading 'id')\nHint: this is unexpected; run again with DEBUG=1 to see the details, and report it if it persists." });
    expect(report(bug, { DEBUG: "1" }).text).toMatch(/^TypeError: Cannot read properties[^\n]*\n\s+at /);
    for (const r of [report(prismaLike), report(refused), report(bug)]) expect(r.text).not.toMatch(/\n\s+at /);
  });

  it("exits 2 for usage errors and names that resolve to nothing", () => {
    expect(report(new UsageError("--format must be jsonl or csv."))).toEqual({ code: 2, text: "--format must be jsonl or csv." });
    expect(report(new NotFoundError('Batch "NOPE" not found.'))).toEqual({ code: 2, text: 'Error: Batch "NOPE" not found.' });
  });

  it("the real CLI process reports an unreachable database in one line with a hint, exit 1", async () => {
    const run = promisify(execFile);
    const tsx = path.join(ROOT, "node_modules/.bin/tsx");
    const env = { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", DEBUG: "" };
    const failed = await run(tsx, ["lib/cli/main.ts", "export", "any", "--as", "a@b.org"], { cwd: ROOT, env }).then(() => null, (e: { code: number; stderr: string }) => e);
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/^Error: connect ECONNREFUSED 127\.0\.0\.1:1\nHint: check DATABASE_URL[^\n]*\n$/);
  });
});
