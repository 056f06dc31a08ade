import { NextRequest } from "next/server";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { createApiToken } from "@/lib/auth/api-tokens";
import { scopesForRole } from "@/lib/auth/token-scopes";
import { asActor, seedStudy } from "@/test/support/study";

// Every server entry point of the first slice × every role, through the real wrappers.
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
const userActions = await import("@/app/admin/users/actions");
const projectActions = await import("@/app/projects/actions");
const rubricActions = await import("@/app/projects/rubric-actions");
const adjudicationActions = await import("@/app/projects/adjudication-actions");
const accountActions = await import("@/app/account/actions");
const resetActions = await import("@/app/reset-password/[token]/actions");
const ROUTES = { exportRoute: exportRoute.GET, importRoute: importRoute.POST, annotationRoute: annotationRoute.PUT, revisionsRoute: revisionsRoute.GET, skipRoute: skipRoute.POST, imagesRoute: imagesRoute.GET, uploadImageRoute: uploadImageRoute.POST, scoresRoute: scoresRoute.GET, resultsRoute: resultsRoute.GET, exportJobsList: exportJobsRoute.GET, exportJobsStart: exportJobsRoute.POST, exportJob: exportJobRoute.GET, exportJobDownload: exportJobDownloadRoute.GET, judgeRoute: judgeRoute.POST, projectsList: projectsListRoute.GET, itemsList: itemsListRoute.GET, annotationsList: annotationsListRoute.GET, reportRoute: reportRoute.GET, auditRoute: auditRoute.GET, rubricRoute: rubricRoute.GET, consensusRoute: consensusRoute.GET };

type Study = Awaited<ReturnType<typeof seedStudy>>;
type SeededUser = Study["admin"];
// researcher: a researcher account, analyst of the project; manager and adjudicator: reviewer
// accounts given those project roles (project roles do not depend on the site role);
// otherManager: manages another project only.
type Who = "anonymous" | "admin" | "reviewer" | "otherReviewer" | "researcher" | "outsider" | "manager" | "adjudicator" | "otherManager";
const WHO: Who[] = ["anonymous", "admin", "reviewer", "otherReviewer", "researcher", "outsider", "manager", "adjudicator", "otherManager"];

let study: Study;
let roles: { manager: SeededUser; adjudicator: SeededUser; otherManager: SeededUser; otherProjectSlug: string };
afterAll(async () => (await import("@/lib/export-jobs/queue")).stopExportQueue());
const tokens = new Map<Who, string>();

function userOf(who: Who) {
  return { admin: study.admin, reviewer: study.reviewers[0], otherReviewer: study.reviewers[1], researcher: study.researcher, outsider: study.outsider, anonymous: null, ...roles }[who] as SeededUser | null;
}

function request(who: Who, url: string, init: { method?: string; body?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (who !== "anonymous") headers.authorization = `Bearer ${tokens.get(who)}`;
  return new NextRequest(new URL(url, "http://localhost"), { method: init.method ?? "GET", body: init.body, headers });
}

function withToken(token: string, url: string, method = "GET", body?: string) {
  return new NextRequest(new URL(url, "http://localhost"), { method, body, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } });
}

function form(values: Record<string, string | string[]>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) for (const x of [v].flat()) fd.append(k, x);
  return fd;
}

beforeEach(async () => {
  study = await seedStudy({ items: 2 });
  const { seedProject, seedUser } = await import("@/lib/seed/factories");
  const { getDb } = await import("@/lib/db/client");
  const [manager, adjudicator, otherManager] = [await seedUser({ role: "REVIEWER" }), await seedUser({ role: "REVIEWER" }), await seedUser({ role: "RESEARCHER" })];
  const other = await seedProject(study.admin.id, {});
  await getDb().projectMember.createMany({
    data: [
      { projectId: study.project.id, userId: manager.id, role: "MANAGER" },
      { projectId: study.project.id, userId: adjudicator.id, role: "ADJUDICATOR" },
      { projectId: other.id, userId: otherManager.id, role: "MANAGER" },
    ],
  });
  roles = { manager, adjudicator, otherManager, otherProjectSlug: other.slug };
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
      const sees = { admin: [slug, roles.otherProjectSlug].sort(), researcher: [slug], manager: [slug], adjudicator: [slug], otherManager: [roles.otherProjectSlug] } as Partial<Record<Who, string[]>>;
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

describe("server actions × roles", () => {
  const ROLES: Who[] = ["anonymous", "admin", "reviewer", "researcher", "manager", "adjudicator", "otherManager"];
  async function asWho(who: Who) {
    const u = userOf(who);
    sessionActor = u ? asActor(u) : null;
  }
  const rubricDocument = async () => {
    const { loadRubricDocument } = await import("@/lib/rubrics/rubric-versions");
    return (await loadRubricDocument(asActor(study.admin), study.project.id)).document;
  };
  const SITE_ACTIONS = new Set(["createUser", "inviteUser", "userProfile", "deactivate", "createProject"]);

  it("user management and project creation are for site admins; batching (preview, changes, deletion), membership and project settings for admins and the project's managers", async () => {
    const { seedUser } = await import("@/lib/seed/factories");
    const joiner = await seedUser({ role: "RESEARCHER" });
    for (const who of ROLES) {
      await asWho(who);
      const tag = `${who}-${Math.random().toString(36).slice(2, 7)}`;
      const results = {
        createUser: await userActions.createUserAction(null, form({ email: `${tag}@x.org`, name: "N", role: "REVIEWER", password: "long-enough-pw" })),
        inviteUser: await userActions.inviteUserAction(null, form({ email: `invite-${tag}@x.org`, name: "N", role: "REVIEWER" })),
        userProfile: await userActions.updateUserProfileAction(null, form({ userId: study.outsider.id, specialty: "Cardiology", languages: "en", yearsOfExperience: "3" })),
        deactivate: await userActions.setUserActiveAction(null, form({ userId: study.outsider.id, isActive: "false" })),
        createProject: await projectActions.createProjectAction(null, form({ name: "P", slug: `p-${tag}`, template: "med-palm-long-form", reviewersPerItem: "1" })),
        addMember: await projectActions.addMemberAction(null, form({ slug: study.project.slug, email: joiner.email, role: "ANALYST" })),
        removeMember: await projectActions.removeMemberAction(null, form({ slug: study.project.slug, email: joiner.email })),
        updateSettings: await projectActions.updateSettingsAction(null, form({ slug: study.project.slug, askConfidence: "on", dialogueTarget: "whole_dialogue", imageHosts: "img.example.org" })),
        createBatch: await projectActions.createBatchAction(null, form({ slug: study.project.slug, name: `b-${tag}`, perItem: "1", "reviewerIds[]": [study.reviewers[0].id] })),
        previewBatch: await projectActions.previewBatchAction(null, form({ slug: study.project.slug, name: `b-${tag}`, perItem: "1", "reviewerIds[]": [study.reviewers[0].id] })),
        moveWork: await projectActions.moveReviewerWorkAction(null, form({ slug: study.project.slug, batchId: "no-such-batch", reviewerId: study.reviewers[0].id })),
        dueDate: await projectActions.setBatchDueDateAction(null, form({ slug: study.project.slug, batchId: "no-such-batch", dueAt: "2026-12-24" })),
        deleteBatch: await projectActions.deleteBatchAction(null, form({ slug: study.project.slug, batchId: "no-such-batch", drafts: "0" })),
        updateDetails: await projectActions.updateDetailsAction(null, form({ slug: study.project.slug, name: study.project.name, guidelines: "", reviewersPerItem: String(study.project.reviewersPerItem), ...(study.project.blinded ? { blinded: "on" } : {}), ...(study.project.randomizeOrder ? { randomizeOrder: "on" } : {}) })),
        previewGuidelines: await projectActions.previewGuidelinesAction(null, form({ slug: study.project.slug, guidelines: "**bold**" })),
        // The seeded study's rubric is in use and unchanged: saving it as it is changes nothing (a domain answer).
        saveRubric: await rubricActions.saveRubricAction(null, form({ slug: study.project.slug, baseVersion: "1", document: JSON.stringify(await rubricDocument()) })),
      };
      for (const [action, result] of Object.entries(results)) {
        const allowed = who === "admin" || (who === "manager" && !SITE_ACTIONS.has(action));
        if (allowed) {
          // createBatch has nothing left to batch in the seeded study: a domain refusal, not a permission one.
          if (action === "createBatch" || action === "previewBatch") expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/no unbatched items/) });
          // The batch changes reach the domain, which does not find the batch.
          else if (["moveWork", "dueDate", "deleteBatch"].includes(action)) expect([action, result]).toEqual([action, { ok: false, error: "Batch not found." }]);
          else expect({ who, action, ...result }).toMatchObject({ who, action, ok: true });
        } else if (who === "otherManager" && !SITE_ACTIONS.has(action)) {
          // No part in this project: it does not exist for them.
          expect([who, action, result]).toEqual([who, action, { ok: false, error: `Project "${study.project.slug}" not found.` }]);
        } else {
          expect([who, action, result]).toEqual([who, action, { ok: false, error: who === "anonymous" ? "Sign in first." : "You do not have permission to do that." }]);
        }
      }
    }
  });
});

describe("archiving × roles", () => {
  it("archiving and restoring are for admins and the project's managers", async () => {
    for (const who of WHO) {
      const u = userOf(who);
      sessionActor = u ? asActor(u) : null;
      const result = await projectActions.archiveProjectAction(null, form({ slug: study.project.slug, archived: "false" }));
      const expected = who === "anonymous" ? { ok: false, error: "Sign in first." }
        : ["admin", "manager"].includes(who) ? { ok: true, data: { status: "ACTIVE", changed: false }, message: "Nothing changed." }
        : ["outsider", "otherManager"].includes(who) ? { ok: false, error: `Project "${study.project.slug}" not found.` }
        : { ok: false, error: "You do not have permission to do that." };
      expect([who, result]).toEqual([who, expected]);
    }
  });
});

describe("adjudication × roles", () => {
  it("recording a consensus is for admins, managers and adjudicators; analysts and reviewers are refused, others do not find the project", async () => {
    const expected: Record<Who, string> = {
      anonymous: "Sign in first.", admin: "Item not found.", manager: "Item not found.", adjudicator: "Item not found.",
      reviewer: "You do not have permission to do that.", otherReviewer: "You do not have permission to do that.", researcher: "You do not have permission to do that.",
      outsider: `Project "${study.project.slug}" not found.`, otherManager: `Project "${study.project.slug}" not found.`,
    };
    for (const who of WHO) {
      const u = userOf(who);
      sessionActor = u ? asActor(u) : null;
      const result = await adjudicationActions.saveConsensusAction(null, form({ slug: study.project.slug, itemId: "no-such-item", baseVersion: "0", document: "{}", decide: "false" }));
      expect([who, result]).toEqual([who, { ok: false, error: expected[who] }]);
    }
  });
});

describe("account and access actions × roles", () => {
  const ROLES: Who[] = ["anonymous", "admin", "reviewer", "researcher"];
  const signIn = (who: Who) => {
    const u = userOf(who);
    sessionActor = u ? asActor(u) : null;
  };
  const redirected = (p: Promise<unknown>) => p.then((r) => r, (e: Error & { digest?: string }) => (String(e.digest).startsWith("NEXT_REDIRECT") ? "redirect" : Promise.reject(e)));

  it("everyone signed in manages their own password and tokens; anonymous visitors cannot", async () => {
    const { DEMO_PASSWORD } = await import("@/lib/seed/factories");
    for (const who of ROLES) {
      signIn(who);
      const scope = who === "reviewer" ? "assignment:work" : "project:read";
      const created = await accountActions.createTokenAction(null, form({ name: "t", "scopes[]": scope, expiresInDays: "30" }));
      const changed = await redirected(accountActions.changePasswordAction(null, form({ currentPassword: DEMO_PASSWORD, newPassword: `new phrase for ${who}`, confirmPassword: `new phrase for ${who}` })));
      if (who === "anonymous") {
        expect([created, changed]).toEqual([{ ok: false, error: "Sign in first." }, { ok: false, error: "Sign in first." }]);
        continue;
      }
      expect([who, created]).toMatchObject([who, { ok: true, data: { token: expect.stringMatching(/^csm_/) } }]);
      expect([who, changed]).toEqual([who, "redirect"]); // to /login: every session ended
      const { getDb } = await import("@/lib/db/client");
      const token = await getDb().apiToken.findFirstOrThrow({ where: { userId: userOf(who)!.id, name: "t" } });
      expect(await accountActions.revokeTokenAction(null, form({ tokenId: token.id }))).toMatchObject({ ok: true });
      // Someone else's token is not found, whoever asks.
      const other = await getDb().apiToken.findFirstOrThrow({ where: { userId: { not: userOf(who)!.id } } });
      expect(await accountActions.revokeTokenAction(null, form({ tokenId: other.id }))).toEqual({ ok: false, error: "No such token." });
    }
  });

  it("reset links and lifting lockouts are admin-only; the reset page's action needs a valid link, not a session", async () => {
    for (const who of ROLES) {
      signIn(who);
      const link = await userActions.issueResetLinkAction(null, form({ userId: study.outsider.id }));
      const lift = await userActions.clearLockoutAction(null, form({ email: study.outsider.email, ip: "192.0.2.1" }));
      if (who === "admin") {
        expect(link).toMatchObject({ ok: true, data: { link: expect.stringMatching(/\/reset-password\/[A-Za-z0-9_-]{43}$/) } });
        expect(lift).toEqual({ ok: true, data: { cleared: 0 } });
      } else {
        const error = who === "anonymous" ? "Sign in first." : "You do not have permission to do that.";
        expect([who, link, lift]).toEqual([who, { ok: false, error }, { ok: false, error }]);
      }
    }
    sessionActor = null;
    const bogus = await resetActions.resetPasswordAction(null, form({ token: "x".repeat(43), newPassword: "a new ward phrase", confirmPassword: "a new ward phrase" }));
    expect(bogus).toEqual({ ok: false, error: expect.stringMatching(/does not work/) });
  });
});
