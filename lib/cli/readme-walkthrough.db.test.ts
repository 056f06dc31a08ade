import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { skipAssignment } from "@/lib/annotations/skip-assignment";
import { asActor, completeRatings } from "@/test/support/study";
import { runCli } from "./main";

// Runs the README's command-line walk-through (the bash block after <!-- cli-walkthrough -->) on
// a fresh database, line by line, through the real CLI entry point. The reviewer's step (a
// comment line) is done through the same lib functions the review page calls.

const ROOT = path.resolve(import.meta.dirname, "../..");

function walkthroughLines(): string[] {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const block = /<!-- cli-walkthrough -->\s*```bash\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error("README.md has no <!-- cli-walkthrough --> bash block.");
  return block[1].split("\n").map((l) => l.trim()).filter(Boolean);
}

/** Words as a POSIX shell splits this README's lines: plain words, '…' and "…" (no escapes, no expansion). */
function shellWords(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

async function reviewerWorks(email: string) {
  const reviewer = await getDb().user.findUniqueOrThrow({ where: { email } });
  const [first, second, ...rest] = await getDb().assignment.findMany({ where: { reviewerId: reviewer.id }, orderBy: { displayOrder: "asc" } });
  expect(rest).toEqual([]);
  expect(await saveAnnotation(asActor(reviewer), first.id, { baseVersion: 0, clientMutationId: "readme-submit", data: completeRatings(first.responseOrder), submit: true })).toMatchObject({ status: "saved" });
  expect(await skipAssignment(asActor(reviewer), second.id, { reason: "Outside my specialty" })).toEqual({ status: "skipped" });
}

describe("README command-line walk-through", () => {
  it("works on a fresh database, command by command", async () => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), "consilium-readme-"));
    const lines = walkthroughLines();
    expect(lines.length).toBeGreaterThan(5);
    const outputs: Record<string, string> = {};
    for (const line of lines) {
      if (line.startsWith("#")) {
        const reviewer = /^# (\S+@\S+) signs in/.exec(line);
        expect(reviewer, `unexpected comment in the walk-through: ${line}`).not.toBeNull();
        await reviewerWorks(reviewer![1]);
        continue;
      }
      const words = shellWords(line);
      expect(words.slice(0, 3), line).toEqual(["npm", "run", "cli"]);
      const argv = words.slice(4); // after "--"
      // Files the walk-through writes go to a temporary directory; files it reads are in the repository.
      const out = argv.indexOf("--out");
      if (out >= 0) argv[out + 1] = path.join(outDir, argv[out + 1]);
      const io = { out: [] as string[], err: [] as string[] };
      const code = await runCli(argv, { out: (t) => io.out.push(t), err: (t) => io.err.push(t) });
      expect({ line, code, err: io.err.join("\n") }).toEqual({ line, code: 0, err: expect.not.stringMatching(/Error/) });
      outputs[argv[0]] = io.out.join("\n");
    }

    const csv: Record<string, string>[] = parse(readFileSync(path.join(outDir, "my-study.csv")), { columns: true });
    expect(new Set(csv.map((r) => r.status))).toEqual(new Set(["submitted", "skipped"]));
    expect(csv.find((r) => r.status === "skipped")).toMatchObject({ target: "skip", value: "Outside my specialty", batch: "pilot" });
    expect(csv.filter((r) => r.target === "response")).toHaveLength(2 * 12); // two responses × Med-PaLM's 12 axes
    const skips = readFileSync(path.join(outDir, "my-study-skips.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(skips).toEqual([expect.objectContaining({ status: "skipped", skipReason: "Outside my specialty", project: "my-study" })]);
    expect(outputs.scores).toBe("No fully graded criteria yet.");
  });
});
