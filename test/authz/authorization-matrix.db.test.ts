import { NextRequest } from "next/server";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { createApiToken } from "@/lib/auth/api-tokens";
import { scopesForRole } from "@/lib/auth/token-scopes";
import { asActor } from "@/test/support/study";
import { seedRoleCast, WHO, type SeededUser, type Study, type Who } from "./role-cast";

// Every route handler × every role (test/authz/role-cast.ts), through the real wrapper; server actions are in
// server-actions-matrix.db.test.ts.
// Only the session lookup is replaced (route handlers also get real bearer tokens); the database is real.
let sessionActor: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ getActor: async () => sessionActor, requirePageActor: async () => sessionActor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => import("@/test/support/next-headers-stub"));

const exportRoute = await import("@/app/api/v1/projects/[slug]/export/route");
const importRoute = await import("@/app/api/v1/projects/[slug]/import/route");
const annotationRoute = await import("@/app/api/v1/assignments/[id]/annotation/route");
const revisionsRoute = await import("@/app/api/v1/assignments/[id]/revisions/route");
const skipRoute = await import("@/app/api/v1/assignments/[id]/skip/route");
const imagesRoute = await import("@/app/api/v1/images/[...path]/route");
const itemImageRoute = await import("@/app/api/v1/items/[itemId]/images/[index]/route");
const itemAudioRoute = await import("@/app/api/v1/items/[itemId]/audio/route");
const uploadImageRoute = await import("@/app/api/v1/projects/[slug]/images/route");
const scoresRoute = await import("@/app/api/v1/projects/[slug]/scores/route");
const resultsRoute = await import("@/app/api/v1/projects/[slug]/results/route");
const reportRoute = await import("@/app/api/v1/projects/[slug]/report/route");
const exportJobsRoute = await import("@/app/api/v1/projects/[slug]/export-jobs/route");
const exportJobRoute = await import("@/app/api/v1/export-jobs/[id]/route");
const exportJobDownloadRoute = await import("@/app/api/v1/export-jobs/[id]/download/route");
const judgeRoute = await import("@/app/api/v1/projects/[slug]/judge-results/route");
const projectsListRoute = await import("@/app/api/v1/projects/route");
const itemsListRoute = await import("@/app/api/v1/projects/[slug]/items/route");
const annotationsListRoute = await import("@/app/api/v1/projects/[slug]/annotations/route");
const auditRoute = await import("@/app/api/v1/audit/route");
const rubricRoute = await import("@/app/api/v1/projects/[slug]/rubric/route");
const consensusRoute = await import("@/app/api/v1/projects/[slug]/consensus/route");
const qualificationRoute = await import("@/app/api/v1/projects/[slug]/qualification/route");
const ROUTES = { exportRoute: exportRoute.GET, importRoute: importRoute.POST, annotationRoute: annotationRoute.PUT, revisionsRoute: revisionsRoute.GET, skipRoute: skipRoute.POST, imagesRoute: imagesRoute.GET, itemAudioRoute: itemAudioRoute.GET, uploadImageRoute: uploadImageRoute.POST, scoresRoute: scoresRoute.GET, resultsRoute: resultsRoute.GET, exportJobsList: exportJobsRoute.GET, exportJobsStart: exportJobsRoute.POST, exportJob: exportJobRoute.GET, exportJobDownload: exportJobDownloadRoute.GET, judgeRoute: judgeRoute.POST, projectsList: projectsListRoute.GET, itemsList: itemsListRoute.GET, annotationsList: annotationsListRoute.GET, reportRoute: reportRoute.GET, auditRoute: auditRoute.GET, rubricRoute: rubricRoute.GET, consensusRoute: consensusRoute.GET, qualificationRoute: qualificationRoute.GET };

let study: Study;
let otherProjectSlug: string;
let userOf: (who: Who) => SeededUser | null;
afterAll(async () => (await import("@/lib/export-jobs/queue")).stopExportQueue());
const tokens = new Map<Who, string>();

function request(who: Who, url: string, init: { method?: string; body?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (who !== "anonymous") headers.authorization = `Bearer ${tokens.get(who)}`;
  return new NextRequest(new URL(url, "http://localhost"), { method: init.method ?? "GET", body: init.body, headers });
}

function withToken(token: string, url: string, method = "GET", body?: string) {
  return new NextRequest(new URL(url, "http://localhost"), { method, body, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } });
}

beforeEach(async () => {
  ({ study, otherProjectSlug, userOf } = await seedRoleCast());
  tokens.clear();
  for (const who of WHO) {
    const user = userOf(who);
    if (user) tokens.set(who, (await createApiToken(asActor(user), { name: "t", scopes: scopesForRole(user.role) })).token);
  }
  sessionActor = null;
});

describe("route handlers × roles", () => {
  it("GET export: admins, managers and analysts only", async () => {
    const expected: Record<Who, number> = { anonymous: 401, admin: 200, reviewer: 403, otherReviewer: 403, researcher: 200, outsider: 404, manager: 200, adjudicator: 403, otherManager: 404 };
    for (const who of WHO) {
      const res = await exportRoute.GET(request(who, `/api/v1/projects/${study.project.slug}/export?format=jsonl`), { params: Promise.resolve({ slug: study.project.slug }) });
      expect([who, res.status]).toEqual([who, expected[who]]);
      await res.body?.cancel();
    }
  });

  it("POST import: admins and the project's managers; no part in the project is not found", async () => {
    const expected: Record<Who, number> = { anonymous: 401, admin: 200, reviewer: 403, otherReviewer: 403, researcher: 403, outsider: 404, manager: 200, adjudicator: 403, otherManager: 404 };
    for (const who of WHO) {
      const body = JSON.stringify({ externalId: `new-${who}`, question: "q", responses: [{ modelName: "m", content: "c" }] });
      const res = await importRoute.POST(request(who, `/api/v1/projects/${study.project.slug}/import`, { method: "POST", body }), { params: Promise.resolve({ slug: study.project.slug }) });
      expect([who, res.status]).toEqual([who, expected[who]]);
      if (res.status === 200) expect(await res.text()).toContain('"ok":true');
    }
  });

  it("POST judge results: admins and the project's managers", async () => {
    const expected: Record<Who, number> = { anonymous: 401, admin: 200, reviewer: 403, otherReviewer: 403, researcher: 403, outsider: 404, manager: 200, adjudicator: 403, otherManager: 404 };
    const slug = study.project.slug;
    for (const who of WHO) {
      const body = JSON.stringify({ externalId: "q-1", response: "model-alpha", axis: "scientific_consensus", value: "aligned", judge: `judge-${who}` });
      const res = await judgeRoute.POST(request(who, `/api/v1/projects/${slug}/judge-results`, { method: "POST", body }), { params: Promise.resolve({ slug }) });
      expect([who, res.status]).toEqual([who, expected[who]]);
      if (res.status === 200) expect(await res.text()).toContain('"ok":true');
    }
  });

  it("POST image upload: admins and the project's managers", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const dir = mkdtempSync(path.join(tmpdir(), "consilium-upload-"));
    process.env.CONSILIUM_IMAGE_DIR = dir;
    const expected: Record<Who, number> = { anonymous: 401, admin: 201, reviewer: 403, otherReviewer: 403, researcher: 403, outsider: 404, manager: 201, adjudicator: 403, otherManager: 404 };
    try {
      for (const who of WHO) {
        const headers: Record<string, string> = { "content-type": "image/png", "x-file-name": `by-${who}.png` };
        if (who !== "anonymous") headers.authorization = `Bearer ${tokens.get(who)}`;
        const body = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
        const req = new NextRequest(new URL(`/api/v1/projects/${study.project.slug}/images`, "http://localhost"), { method: "POST", body, headers });
        const res = await uploadImageRoute.POST(req, { params: Promise.resolve({ slug: study.project.slug }) });
        expect([who, res.status]).toEqual([who, expected[who]]);
        if (res.status === 201) expect(await res.json()).toEqual({ src: `${study.project.slug}/by-${who}.png`, bytes: 12 });
      }
    } finally {
      delete process.env.CONSILIUM_IMAGE_DIR;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("PUT annotation: only the assigned reviewer", async () => {
    const mine = study.assignments.find((a) => a.reviewerId === study.reviewers[0].id)!;
    const expected: Record<Who, number> = { anonymous: 401, admin: 404, reviewer: 200, otherReviewer: 404, researcher: 404, outsider: 404, manager: 404, adjudicator: 404, otherManager: 404 };
    for (const who of WHO) {
      const body = JSON.stringify({ baseVersion: 0, clientMutationId: `save-by-${who}`, data: {} });
      const res = await annotationRoute.PUT(request(who, `/api/v1/assignments/${mine.id}/annotation`, { method: "PUT", body }), { params: Promise.resolve({ id: mine.id }) });
      expect([who, res.status]).toEqual([who, expected[who]]);
    }
  });

  it("GET scores: whoever may read the project; gold accuracy (reviewer names) for admins and managers only", async () => {
    const expected: Record<Who, number> = { anonymous: 401, admin: 200, reviewer: 403, otherReviewer: 403, researcher: 200, outsider: 404, manager: 200, adjudicator: 200, otherManager: 404 };
    for (const who of WHO) {
      const res = await scoresRoute.GET(request(who, `/api/v1/projects/${study.project.slug}/scores`), { params: Promise.resolve({ slug: study.project.slug }) });
      expect([who, res.status]).toEqual([who, expected[who]]);
      if (res.status === 200) expect([who, (await res.json()).goldAccuracy === null]).toEqual([who, !["admin", "manager"].includes(who)]);
    }
  });

  it("GET results: whoever may read the project; a bad filter is a 400 before the project is looked up", async () => {
    const expected: Record<Who, number> = { anonymous: 401, admin: 200, reviewer: 403, otherReviewer: 403, researcher: 200, outsider: 404, manager: 200, adjudicator: 200, otherManager: 404 };
    const slug = study.project.slug;
    for (const who of WHO) {
      const res = await resultsRoute.GET(request(who, `/api/v1/projects/${slug}/results?format=csv`), { params: Promise.resolve({ slug }) });
      expect([who, res.status]).toEqual([who, expected[who]]);
      const bad = await resultsRoute.GET(request(who, `/api/v1/projects/${slug}/results?gold=maybe`), { params: Promise.resolve({ slug }) });
      expect([who, bad.status]).toEqual([who, who === "anonymous" ? 401 : 400]);
    }
  });

  it("GET audit log: admins only, as JSON or CSV; a bad filter is a 400", async () => {
    const expected: Record<Who, number> = { anonymous: 401, admin: 200, reviewer: 403, otherReviewer: 403, researcher: 403, outsider: 403, manager: 403, adjudicator: 403, otherManager: 403 };
    for (const who of WHO) {
      const res = await auditRoute.GET(request(who, "/api/v1/audit?format=csv&action=batch."), { params: Promise.resolve({}) });
      expect([who, res.status]).toEqual([who, expected[who]]);
      if (res.status === 200) expect((await res.text()).split("\n")[0]).toBe("time,actor,action,entity_type,entity_id,project,data");
    }
    const json = await auditRoute.GET(request("admin", "/api/v1/audit?action=batch.assign"), { params: Promise.resolve({}) });
    expect((await json.json()).data.every((e: { action: string }) => e.action === "batch.assign")).toBe(true);
    for (const bad of ["/api/v1/audit?from=2026-02-30", "/api/v1/audit?format=csv&from=nope", "/api/v1/audit?format=xml", "/api/v1/audit?bogus=1"]) {
      expect([bad, (await auditRoute.GET(request("admin", bad), { params: Promise.resolve({}) })).status]).toEqual([bad, 400]);
    }
  });

  it("GET rubric: whoever may read the project, as a JSON document; an unknown version is 404", async () => {
    const slug = study.project.slug;
    const expected: Record<Who, number> = { anonymous: 401, admin: 200, reviewer: 403, otherReviewer: 403, researcher: 200, outsider: 404, manager: 200, adjudicator: 200, otherManager: 404 };
    for (const who of WHO) {
      const res = await rubricRoute.GET(request(who, `/api/v1/projects/${slug}/rubric?download=1`), { params: Promise.resolve({ slug }) });
      expect([who, res.status]).toEqual([who, expected[who]]);
      if (res.status === 200) expect(await res.json()).toMatchObject({ format: "consilium-rubric/1", template: "med-palm-long-form" });
    }
    expect((await rubricRoute.GET(request("admin", `/api/v1/projects/${slug}/rubric?version=9`), { params: Promise.resolve({ slug }) })).status).toBe(404);
    expect((await rubricRoute.GET(request("admin", `/api/v1/projects/${slug}/rubric?version=x`), { params: Promise.resolve({ slug }) })).status).toBe(400);
  });

  it("GET consensus: admins, managers and analysts, as JSONL; a bad parameter is a 400", async () => {
    const slug = study.project.slug;
    const expected: Record<Who, number> = { anonymous: 401, admin: 200, reviewer: 403, otherReviewer: 403, researcher: 200, outsider: 404, manager: 200, adjudicator: 403, otherManager: 404 };
    for (const who of WHO) {
      const res = await consensusRoute.GET(request(who, `/api/v1/projects/${slug}/consensus?drafts=true`), { params: Promise.resolve({ slug }) });
      expect([who, res.status]).toEqual([who, expected[who]]);
      if (res.status === 200) expect(res.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    }
    expect((await consensusRoute.GET(request("admin", `/api/v1/projects/${slug}/consensus?drafts=maybe`), { params: Promise.resolve({ slug }) })).status).toBe(400);
  });

  it("GET qualification: like the exports (admins, managers, analysts); emails only for those who may identify reviewers", async () => {
    const slug = study.project.slug;
    const expected: Record<Who, number> = { anonymous: 401, admin: 200, reviewer: 403, otherReviewer: 403, researcher: 200, outsider: 404, manager: 200, adjudicator: 403, otherManager: 404 };
    for (const who of WHO) {
      const res = await qualificationRoute.GET(request(who, `/api/v1/projects/${slug}/qualification`), { params: Promise.resolve({ slug }) });
      expect([who, res.status]).toEqual([who, expected[who]]);
      const identified = await qualificationRoute.GET(request(who, `/api/v1/projects/${slug}/qualification?identify=true`), { params: Promise.resolve({ slug }) });
      expect([who, identified.status]).toEqual([who, who === "researcher" ? 403 : expected[who]]);
    }
    expect((await qualificationRoute.GET(request("admin", `/api/v1/projects/${slug}/qualification?identify=yes`), { params: Promise.resolve({ slug }) })).status).toBe(400);
  });

  it("GET report: whoever may read the project, as Markdown", async () => {
    const slug = study.project.slug;
    const expected: Record<Who, number> = { anonymous: 401, admin: 200, reviewer: 403, otherReviewer: 403, researcher: 200, outsider: 404, manager: 200, adjudicator: 200, otherManager: 404 };
    for (const who of WHO) {
      const res = await reportRoute.GET(request(who, `/api/v1/projects/${slug}/report?format=md`), { params: Promise.resolve({ slug }) });
      expect([who, res.status]).toEqual([who, expected[who]]);
      if (res.status === 200) expect(await res.text()).toContain("## Reporting checklists");
    }
    const bad = await reportRoute.GET(request("admin", `/api/v1/projects/${slug}/report?format=docx`), { params: Promise.resolve({ slug }) });
    expect(bad.status).toBe(400);
  });

  it("GET listings: the projects one's project role may read (reviewers and non-members see none), items and annotation records of those projects", async () => {
    const slug = study.project.slug;
    const params = { params: Promise.resolve({ slug }) };
    const projects: Record<Who, number> = { anonymous: 401, admin: 200, reviewer: 200, otherReviewer: 200, researcher: 200, outsider: 200, manager: 200, adjudicator: 200, otherManager: 200 };
    const perProject: Record<Who, number> = { anonymous: 401, admin: 200, reviewer: 403, otherReviewer: 403, researcher: 200, outsider: 404, manager: 200, adjudicator: 403, otherManager: 404 };
    for (const who of WHO) {
      const list = await projectsListRoute.GET(request(who, "/api/v1/projects"), { params: Promise.resolve({}) });
      expect([who, list.status]).toEqual([who, projects[who]]);
      const sees = { admin: [slug, otherProjectSlug].sort(), researcher: [slug], manager: [slug], adjudicator: [slug], otherManager: [otherProjectSlug] } as Partial<Record<Who, string[]>>;
      if (list.status === 200) expect([who, (await list.json()).data.map((p: { slug: string }) => p.slug)]).toEqual([who, sees[who] ?? []]);
      expect([who, (await itemsListRoute.GET(request(who, `/api/v1/projects/${slug}/items?include=content`), params)).status]).toEqual([who, perProject[who]]);
      expect([who, (await annotationsListRoute.GET(request(who, `/api/v1/projects/${slug}/annotations`), params)).status]).toEqual([who, perProject[who]]);
    }
  });

  it("background exports: admins, managers and analysts start them; a job is seen only by its requester and site admins", async () => {
    const slug = study.project.slug;
    const expected: Record<Who, number> = { anonymous: 401, admin: 202, reviewer: 403, otherReviewer: 403, researcher: 202, outsider: 404, manager: 202, adjudicator: 403, otherManager: 404 };
    const started = new Map<Who, string>();
    for (const who of WHO) {
      const res = await exportJobsRoute.POST(request(who, `/api/v1/projects/${slug}/export-jobs?format=csv`, { method: "POST" }), { params: Promise.resolve({ slug }) });
      expect([who, res.status]).toEqual([who, expected[who]]);
      if (res.status === 202) started.set(who, (await res.json()).id);
    }
    const researchersJob = started.get("researcher")!;
    const sees: Record<Who, number> = { anonymous: 401, admin: 200, reviewer: 404, otherReviewer: 404, researcher: 200, outsider: 404, manager: 404, adjudicator: 404, otherManager: 404 };
    for (const who of WHO) {
      const res = await exportJobRoute.GET(request(who, `/api/v1/export-jobs/${researchersJob}`), { params: Promise.resolve({ id: researchersJob }) });
      expect([who, res.status]).toEqual([who, sees[who]]);
    }
    // Not finished (no worker in this test): the download says so instead of sending a partial file.
    const early = await exportJobDownloadRoute.GET(request("researcher", `/api/v1/export-jobs/${researchersJob}/download`), { params: Promise.resolve({ id: researchersJob }) });
    expect(early.status).toBe(409);
    // The admin's own job is not the researcher's to see.
    const adminsJob = started.get("admin")!;
    expect((await exportJobRoute.GET(request("researcher", `/api/v1/export-jobs/${adminsJob}`), { params: Promise.resolve({ id: adminsJob }) })).status).toBe(404);
  });

  it("GET revisions: only the assigned reviewer sees their own history", async () => {
    const mine = study.assignments.find((a) => a.reviewerId === study.reviewers[0].id)!;
    const expected: Record<Who, number> = { anonymous: 401, admin: 404, reviewer: 200, otherReviewer: 404, researcher: 404, outsider: 404, manager: 404, adjudicator: 404, otherManager: 404 };
    for (const who of WHO) {
      const res = await revisionsRoute.GET(request(who, `/api/v1/assignments/${mine.id}/revisions`), { params: Promise.resolve({ id: mine.id }) });
      expect([who, res.status]).toEqual([who, expected[who]]);
    }
  });

  it("POST skip: only the assigned reviewer, once", async () => {
    const mine = study.assignments.find((a) => a.reviewerId === study.reviewers[0].id)!;
    const expected: Record<Who, number> = { anonymous: 401, admin: 404, reviewer: 200, otherReviewer: 404, researcher: 404, outsider: 404, manager: 404, adjudicator: 404, otherManager: 404 };
    for (const who of WHO) {
      const res = await skipRoute.POST(request(who, `/api/v1/assignments/${mine.id}/skip`, { method: "POST", body: JSON.stringify({ reason: "outside my expertise" }) }), { params: Promise.resolve({ id: mine.id }) });
      expect([who, res.status]).toEqual([who, expected[who]]);
    }
    const again = await skipRoute.POST(request("reviewer", `/api/v1/assignments/${mine.id}/skip`, { method: "POST", body: JSON.stringify({ reason: "again" }) }), { params: Promise.resolve({ id: mine.id }) });
    expect(again.status).toBe(423);
  });

  it("GET image: only users who may see an item that references it", async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const dir = mkdtempSync(path.join(tmpdir(), "consilium-img-"));
    mkdirSync(path.join(dir, "scans"));
    writeFileSync(path.join(dir, "scans", "x.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    process.env.CONSILIUM_IMAGE_DIR = dir;
    const { seedItems } = await import("@/lib/seed/factories");
    const { createBatch } = await import("@/lib/assignments/create-batch");
    await seedItems(study.admin.id, study.project.id, [{ kind: "vqa", externalId: "img-1", question: "What is shown?", images: [{ src: "scans/x.png" }], responses: [{ modelName: "m", content: "c" }] }]);
    await createBatch(study.admin.id, study.project.id, { name: "imgs", reviewerIds: [study.reviewers[0].id], perItem: 1, seed: 1 });
    const expected: Record<Who, number> = { anonymous: 401, admin: 200, reviewer: 200, otherReviewer: 404, researcher: 200, outsider: 404, manager: 200, adjudicator: 200, otherManager: 404 };
    try {
      for (const who of WHO) {
        const res = await imagesRoute.GET(request(who, "/api/v1/images/scans/x.png"), { params: Promise.resolve({ path: ["scans", "x.png"] }) });
        expect([who, res.status]).toEqual([who, expected[who]]);
        if (res.status === 200) expect(res.headers.get("content-type")).toBe("image/png");
      }
      // Escaping the image directory is never served, even to admins.
      const escape = await imagesRoute.GET(request("admin", "/api/v1/images/../x.png"), { params: Promise.resolve({ path: ["..", "x.png"] }) });
      expect(escape.status).toBe(404);
      // The review page's URLs (by item and position, no file names) follow the same rule.
      const { getDb } = await import("@/lib/db/client");
      const itemId = (await getDb().item.findFirstOrThrow({ where: { externalId: "img-1" } })).id;
      for (const who of WHO) {
        const res = await itemImageRoute.GET(request(who, `/api/v1/items/${itemId}/images/0`), { params: Promise.resolve({ itemId, index: "0" }) });
        expect(["item image", who, res.status]).toEqual(["item image", who, expected[who]]);
      }
      // Audio (issue 13) follows the same rule, by item id.
      writeFileSync(path.join(dir, "scans", "call.wav"), Buffer.concat([Buffer.from("RIFF\0\0\0\0WAVEfmt ", "latin1"), Buffer.alloc(32)]));
      await seedItems(study.admin.id, study.project.id, [{ kind: "qa", externalId: "voice-1", question: "What is said?", audio: { src: "scans/call.wav" }, responses: [{ modelName: "m", content: "c" }] }]);
      await createBatch(study.admin.id, study.project.id, { name: "voices", reviewerIds: [study.reviewers[0].id], perItem: 1, seed: 1 });
      const voiceId = (await getDb().item.findFirstOrThrow({ where: { externalId: "voice-1" } })).id;
      for (const who of WHO) {
        const res = await itemAudioRoute.GET(request(who, `/api/v1/items/${voiceId}/audio`), { params: Promise.resolve({ itemId: voiceId }) });
        expect(["item audio", who, res.status]).toEqual(["item audio", who, expected[who]]);
      }
      const noAudio = await itemAudioRoute.GET(request("admin", `/api/v1/items/${itemId}/audio`), { params: Promise.resolve({ itemId }) });
      expect(noAudio.status).toBe(404);
      for (const index of ["1", "-1", "x"]) {
        const res = await itemImageRoute.GET(request("admin", `/api/v1/items/${itemId}/images/${index}`), { params: Promise.resolve({ itemId, index }) });
        expect([index, res.status]).toEqual([index, 404]);
      }
    } finally {
      delete process.env.CONSILIUM_IMAGE_DIR;
    }
  });

  it("every route's permission is a token scope, and a token without that scope is refused (403)", async () => {
    const { API_SCOPES } = await import("@/lib/auth/token-scopes");
    for (const [name, route] of Object.entries(ROUTES)) expect([name, Object.hasOwn(API_SCOPES, route.permission)]).toEqual([name, true]);
    // The admin's role allows everything; a token scoped to project:read still may only read projects.
    const narrow = (await createApiToken(asActor(study.admin), { name: "narrow", scopes: ["project:read"] })).token;
    const mine = study.assignments.find((a) => a.reviewerId === study.reviewers[0].id)!;
    const cases: Array<[string, Promise<Response>]> = [
      ["export", exportRoute.GET(withToken(narrow, `/api/v1/projects/${study.project.slug}/export`), { params: Promise.resolve({ slug: study.project.slug }) })],
      ["import", importRoute.POST(withToken(narrow, `/api/v1/projects/${study.project.slug}/import`, "POST", "{}"), { params: Promise.resolve({ slug: study.project.slug }) })],
      ["revisions", revisionsRoute.GET(withToken(narrow, `/api/v1/assignments/${mine.id}/revisions`), { params: Promise.resolve({ id: mine.id }) })],
      ["scores", scoresRoute.GET(withToken(narrow, `/api/v1/projects/${study.project.slug}/scores`), { params: Promise.resolve({ slug: study.project.slug }) })],
    ];
    const statuses = await Promise.all(cases.map(async ([n, r]) => [n, (await r).status]));
    expect(statuses).toEqual([["export", 403], ["import", 403], ["revisions", 403], ["scores", 200]]);
  });

  it("refuses revoked and expired tokens", async () => {
    const { getDb } = await import("@/lib/db/client");
    await getDb().apiToken.updateMany({ where: { userId: study.admin.id }, data: { revokedAt: new Date() } });
    const res = await exportRoute.GET(request("admin", `/api/v1/projects/${study.project.slug}/export`), { params: Promise.resolve({ slug: study.project.slug }) });
    expect(res.status).toBe(401);
  });
});
