import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { createApiToken } from "@/lib/auth/api-tokens";
import { scopesForRole } from "@/lib/auth/token-scopes";
import { runCli } from "@/lib/cli/main";
import { RESULTS_CSV_HEADER } from "@/lib/results/results-csv";
import { asActor, completeRatings, seedStudy } from "@/test/support/study";

// The judge-results import over HTTP (token auth, NDJSON answer, ?replace), the CLI command, and
// calibration in the results route's JSON (`judges`) and CSV (judge_* sections) and the CLI table.
vi.mock("@/lib/auth/session", () => ({ getActor: async () => null, requirePageActor: async () => null }));
const judgeRoute = await import("@/app/api/v1/projects/[slug]/judge-results/route");
const resultsRoute = await import("@/app/api/v1/projects/[slug]/results/route");

let study: Awaited<ReturnType<typeof seedStudy>>;
let adminToken: string;
let researcherToken: string;

beforeEach(async () => {
  study = await seedStudy({ items: 3 });
  adminToken = (await createApiToken(asActor(study.admin), { name: "t", scopes: scopesForRole("ADMIN") })).token;
  researcherToken = (await createApiToken(asActor(study.researcher), { name: "t", scopes: scopesForRole("RESEARCHER") })).token;
  for (const a of study.assignments) {
    const reviewer = study.reviewers.find((r) => r.id === a.reviewerId)!;
    const data = { ...emptyAnnotationData(), ...completeRatings(a.responseOrder, (axis) => (axis === 0 && reviewer.id === study.reviewers[1].id ? 1 : 0)) };
    expect(await saveAnnotation(asActor(reviewer), a.id, { baseVersion: 0, clientMutationId: `m-${a.id}`, data, submit: true })).toMatchObject({ status: "saved" });
  }
});

const line = (externalId: string, response: string, value: string, judge = "gpt-judge") => JSON.stringify({ externalId, response, axis: "scientific_consensus", value, judge, rationale: "because" });
const FILE = ["q-1", "q-2", "q-3"].flatMap((id) => [line(id, "model-alpha", "aligned"), line(id, "model-beta", "opposed")]).join("\n") + "\n";

async function post(body: string, query = "", token = adminToken) {
  const slug = study.project.slug;
  const req = new NextRequest(new URL(`/api/v1/projects/${slug}/judge-results${query}`, "http://localhost"), { method: "POST", body, headers: { authorization: `Bearer ${token}`, "content-type": "application/x-ndjson" } });
  const res = await judgeRoute.POST(req, { params: Promise.resolve({ slug }) });
  if (res.status !== 200) return { status: res.status, body: await res.json() };
  return { status: 200, result: (await res.text()).trim().split("\n").map((l) => JSON.parse(l)).at(-1) };
}

async function results(format: "json" | "csv", token = researcherToken) {
  const slug = study.project.slug;
  const res = await resultsRoute.GET(new NextRequest(new URL(`/api/v1/projects/${slug}/results?format=${format}`, "http://localhost"), { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ slug }) });
  expect(res.status).toBe(200);
  return format === "json" ? res.json() : res.text();
}

describe("POST /api/v1/projects/<slug>/judge-results", () => {
  it("imports with an admin's token, answers conflicts by line unless ?replace=true, and refuses researchers and bad parameters", async () => {
    expect((await results("json")).judges).toBeNull();
    expect((await post(FILE)).result).toMatchObject({ type: "result", ok: true, imported: 6, replaced: 0, judges: ["gpt-judge"] });
    const again = await post(FILE);
    expect(again.result).toMatchObject({ ok: false, errorCount: 6, errors: expect.arrayContaining([expect.objectContaining({ line: 1, field: "axis" })]) });
    expect((await post(FILE, "?replace=true")).result).toMatchObject({ ok: true, imported: 6, replaced: 6 });
    expect(await post(FILE, "?replace=yes")).toEqual({ status: 400, body: { error: "replace must be true or false." } });
    expect(await post(FILE, "?force=1")).toMatchObject({ status: 400 });
    expect(await post(FILE, "", researcherToken)).toMatchObject({ status: 403 });
    const bad = await post(`${line("q-9", "model-alpha", "aligned")}\n${line("q-1", "model-alpha", "maybe")}\n`);
    expect(bad.result).toMatchObject({ ok: false, errors: [{ line: 1, field: "externalId" }, { line: 2, field: "value" }] });
  });

  it("puts calibration in the results JSON (`judges`) and CSV (judge_agreement, judge_bias, judge_confusion), for researchers", async () => {
    expect((await post(FILE)).result).toMatchObject({ ok: true });
    const json = await results("json");
    const consensus = json.judges.targets.find((t: { target: string }) => t.target === "scientific_consensus");
    // Physicians: reviewer 1 "aligned" everywhere, reviewer 2 the second option; the judge says aligned for alpha and opposed for beta.
    expect(consensus).toMatchObject({ judge: "gpt-judge", units: 6, pairs: 12, physicians: 2, level: "nominal", bias: null });
    expect(consensus.confusion.counts[0]).toEqual([3, 3, 0]);
    expect(consensus.confusion.counts[2]).toEqual([3, 3, 0]);
    const csv = (await results("csv")) as string;
    const rows: string[][] = parse(csv); // an independent CSV reader
    expect(rows[0]).toEqual(RESULTS_CSV_HEADER);
    const judgeRows = rows.filter((r) => r[0].startsWith("judge_"));
    expect(new Set(judgeRows.map((r) => r[0]))).toEqual(new Set(["judge_agreement", "judge_confusion"]));
    expect(judgeRows.filter((r) => r[0] === "judge_confusion" && r[1] === "scientific_consensus").map((r) => [r[5], r[3], r[7]])).toEqual([
      ["aligned", "aligned", "3"], ["aligned", "no_consensus", "3"], ["aligned", "opposed", "0"],
      ["no_consensus", "aligned", "0"], ["no_consensus", "no_consensus", "0"], ["no_consensus", "opposed", "0"],
      ["opposed", "aligned", "3"], ["opposed", "no_consensus", "3"], ["opposed", "opposed", "0"],
    ]);
    expect(judgeRows.find((r) => r[0] === "judge_agreement" && r[4] === "cohen_kappa" && r[1] === "scientific_consensus")?.slice(7, 9)).toEqual(["12", "6"]);
  });

  it("the CLI imports a file (conflict exit 2, --replace) and shows calibration in `results`", async () => {
    const io = () => {
      const out: string[] = [];
      const err: string[] = [];
      return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
    };
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "consilium-judge-")), "judge.jsonl");
    writeFileSync(file, FILE);
    const first = io();
    expect(await runCli(["import-judge", study.project.slug, file, "--as", study.admin.email], first.io)).toBe(0);
    expect(first.out).toEqual([`Imported 6 judge values from gpt-judge into ${study.project.slug}.`]);
    const again = io();
    expect(await runCli(["import-judge", study.project.slug, file, "--as", study.admin.email], again.io)).toBe(2);
    expect(again.err[0]).toMatch(/^line 1, axis: judge "gpt-judge" already has a value/);
    expect(again.err.at(-1)).toMatch(/nothing was imported/);
    const replaced = io();
    expect(await runCli(["import-judge", study.project.slug, file, "--replace", "--as", study.admin.email], replaced.io)).toBe(0);
    expect(replaced.out[0]).toMatch(/^Imported 6 judge values \(6 earlier values replaced\) from gpt-judge/);
    expect(await runCli(["import-judge", study.project.slug, file, "--as", study.researcher.email], io().io)).toBe(1);
    const table = io();
    expect(await runCli(["results", study.project.slug, "--as", study.researcher.email], table.io)).toBe(0);
    expect(table.out.join("\n")).toMatch(/^judge\tgpt-judge\tscientific_consensus\tunits 6\tpairs 12\tkappa /m);
  });
});
