import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedProject, seedUser } from "@/lib/seed/factories";
import { runCli } from "./main";

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const dir = mkdtempSync(path.join(tmpdir(), "consilium-rubric-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("consilium rubric", () => {
  it("exports a project's rubric as JSON and imports it into another; a broken file names the axis and writes nothing", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const analyst = await seedUser({ role: "RESEARCHER" });
    const source = await seedProject(admin.id, {});
    const target = await seedProject(admin.id, {});
    await getDb().projectMember.create({ data: { projectId: target.id, userId: analyst.id, role: "ANALYST" } });
    const file = path.join(dir, "rubric.json");

    expect(await cli("rubric", "export", source.slug, "--out", file, "--as", admin.email)).toMatchObject({ code: 0, err: `Wrote version 1 to ${file}.` });
    const shared = JSON.parse(readFileSync(file, "utf8"));
    expect(shared).toMatchObject({ format: "consilium-rubric/1", template: "med-palm-long-form" });
    writeFileSync(file, JSON.stringify({ ...shared, name: "Shared", axes: shared.axes.slice(0, 2) }));
    expect(await cli("rubric", "import", target.slug, file, "--as", admin.email)).toMatchObject({ code: 0, out: "Replaced version 1." });
    expect(await cli("rubric", "import", target.slug, file, "--as", admin.email)).toMatchObject({ code: 0, out: "Version 1 already is this rubric; nothing changed." });
    const printed = await cli("rubric", "export", target.slug, "--as", analyst.email);
    expect(JSON.parse(printed.out)).toEqual({ ...shared, name: "Shared", axes: shared.axes.slice(0, 2) });

    writeFileSync(file, JSON.stringify({ ...shared, axes: [shared.axes[0], { ...shared.axes[1], type: "SCALE", options: [] }] }));
    const broken = await cli("rubric", "import", target.slug, file, "--as", admin.email);
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/is not a rubric Consilium can use:\nAxis 2 \(max\): A scale needs whole-number min and max/);
    expect((await getDb().rubric.findFirstOrThrow({ where: { projectId: target.id } })).name).toBe("Shared");
    // An analyst exports; importing is the manager's.
    expect(await cli("rubric", "import", target.slug, path.join(dir, "rubric.json"), "--as", analyst.email)).toMatchObject({ code: 1, err: "Error: You do not have permission to do that." });
    expect(await cli("rubric", "export", target.slug, "--version", "4", "--as", admin.email)).toMatchObject({ code: 2, err: "Error: The project has no rubric version 4." });
    writeFileSync(file, "{ not json");
    expect(await cli("rubric", "import", target.slug, file, "--as", admin.email)).toMatchObject({ code: 2, err: `${file} is not valid JSON.` });
    expect((await cli("rubric", "frobnicate", target.slug, "--as", admin.email)).code).toBe(2);
  });
});
