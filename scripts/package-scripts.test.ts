import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// `npm run db:migrate` once pointed at a script that did not exist. Every file an npm script or
// the bin runs must be in the repository.
const ROOT = path.resolve(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string>; bin: Record<string, string> };

describe("package.json", () => {
  it("runs only files that exist", () => {
    const files = Object.entries(pkg.scripts).flatMap(([name, command]) =>
      [...command.matchAll(/(?:^|\s)((?:\.\/)?[\w./-]+\.(?:ts|mts|mjs|js))(?=\s|$)/g)].map((m) => [name, m[1]]),
    );
    expect(files.map(([, f]) => f)).toContain("scripts/migrate.ts");
    for (const [name, file] of [...files, ...Object.entries(pkg.bin)]) expect([name, file, existsSync(path.join(ROOT, file))]).toEqual([name, file, true]);
  });
});
