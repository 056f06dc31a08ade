import { NextRequest } from "next/server";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/auth/api-tokens";
import { scopesForRole, type ApiScope } from "@/lib/auth/token-scopes";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { skipAssignment } from "@/lib/annotations/skip-assignment";
import { annotationsPageSchema, itemsPageSchema, projectsPageSchema } from "@/lib/api/list-schemas";
import { encodeCursor } from "@/lib/api/cursor";
import { getDb } from "@/lib/db/client";
import { seedProject } from "@/lib/seed/factories";
import { asActor, completeRatings, seedStudy } from "@/test/support/study";

// The listing routes over HTTP semantics (NextRequest in, Response out) with real bearer tokens of
// each scope against a real database: who gets what, and that walking nextCursor returns every row
// exactly once, in order.
vi.mock("@/lib/auth/session", () => ({ getActor: async () => null, requirePageActor: async () => null }));
const projectsRoute = await import("@/app/api/v1/projects/route");
const itemsRoute = await import("@/app/api/v1/projects/[slug]/items/route");
const annotationsRoute = await import("@/app/api/v1/projects/[slug]/annotations/route");

type Study = Awaited<ReturnType<typeof seedStudy>>;
let study: Study;
let other: Study;
const tokens: Record<string, string> = {};

async function call(route: { GET: (req: NextRequest, ctx: { params: Promise<{ slug: string }> }) => Promise<Response> }, path: string, token: string | null, slug = "") {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const res = await route.GET(new NextRequest(new URL(path, "http://localhost"), { headers }), { params: Promise.resolve({ slug }) });
  return { status: res.status, body: await res.json() };
}
const projects = (query: string, token: string | null) => call(projectsRoute as never, `/api/v1/projects${query}`, token);
const items = (slug: string, query: string, token: string | null) => call(itemsRoute, `/api/v1/projects/${slug}/items${query}`, token, slug);
const annotations = (slug: string, query: string, token: string | null) => call(annotationsRoute, `/api/v1/projects/${slug}/annotations${query}`, token, slug);

/** Every page of a listing, following nextCursor; the rows in the order received. */
async function walk<T>(get: (query: string) => Promise<{ status: number; body: { data: T[]; nextCursor: string | null } }>, limit: number) {
  const rows: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await get(`?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.status).toBe(200);
    rows.push(...res.body.data);
    cursor = res.body.nextCursor;
    expect(++pages).toBeLessThan(100);
  } while (cursor);
  return { rows, pages };
}

const token = async (user: Study["admin"], scopes: ApiScope[]) => (await createApiToken(asActor(user), { name: "t", scopes })).token;

beforeEach(async () => {
  study = await seedStudy({ items: 7 });
  other = await seedStudy({ items: 1 });
  // Five submitted annotations and two skips, so status=all crosses from one phase to the other.
  const byReviewer = (id: string) => study.reviewers.find((r) => r.id === id)!;
  for (const a of study.assignments.slice(0, 5)) {
    expect(await saveAnnotation(asActor(byReviewer(a.reviewerId)), a.id, { baseVersion: 0, clientMutationId: `m-${a.id}`, data: completeRatings(a.responseOrder), submit: true })).toMatchObject({ status: "saved" });
  }
  for (const a of study.assignments.slice(5, 7)) await skipAssignment(asActor(byReviewer(a.reviewerId)), a.id, { reason: "outside my field" });
  tokens.admin = await token(study.admin, scopesForRole("ADMIN"));
  tokens.researcher = await token(study.researcher, scopesForRole("RESEARCHER"));
  tokens.reviewer = await token(study.reviewers[0], scopesForRole("REVIEWER"));
  tokens.adminImagesOnly = await token(study.admin, ["image:read", "item:import"]);
  tokens.researcherProjectOnly = await token(study.researcher, ["project:read"]);
});
afterAll(async () => (await import("@/lib/export-jobs/queue")).stopExportQueue());

describe("GET /api/v1/projects", () => {
  it("right scope 200, missing scope 403, no token 401; members see only their projects", async () => {
    const mine = await projects("", tokens.researcher);
    expect(mine.status).toBe(200);
    expect(projectsPageSchema.parse(mine.body).data.map((p) => p.slug)).toEqual([study.project.slug]);
    expect(mine.body.data[0]).toMatchObject({ name: study.project.name, blinded: true, k: 2, status: "active", template: "med-palm-long-form", counts: { items: 7, batches: 1, members: 4 } });
    expect(mine.body.nextCursor).toBeNull();
    expect((await projects("", tokens.admin)).body.data.map((p: { slug: string }) => p.slug)).toEqual(expect.arrayContaining([study.project.slug, other.project.slug]));
    expect(await projects("", tokens.adminImagesOnly)).toEqual({ status: 403, body: { error: 'This API token lacks the "project:read" scope; create a token with it on your account page.' } });
    // A reviewer's project role reads no project page: an empty list (project roles, decision 022).
    expect(await projects("", tokens.reviewer)).toEqual({ status: 200, body: { data: [], nextCursor: null } });
    expect(await projects("", null)).toEqual({ status: 401, body: { error: "Sign in first." } });
  });

  it("walks every project the admin may see exactly once, in slug order; a tampered cursor is a 400", async () => {
    for (let i = 0; i < 4; i++) await seedProject(study.admin.id, {});
    const all = await getDb().project.findMany({ orderBy: { slug: "asc" }, select: { slug: true } });
    const { rows, pages } = await walk((q) => projects(q, tokens.admin), 2);
    expect(rows.map((p) => (p as { slug: string }).slug)).toEqual(all.map((p) => p.slug));
    expect(pages).toBe(Math.ceil(all.length / 2));
    const tampered = await projects("?cursor=not*base64", tokens.admin);
    expect(tampered.status).toBe(400);
    expect(tampered.body.error).toMatch(/cursor is not one this listing gave out/);
    expect((await projects(`?cursor=${encodeCursor([42])}`, tokens.admin)).status).toBe(400);
    expect((await projects(`?cursor=${Buffer.from("{oops").toString("base64url")}`, tokens.admin)).status).toBe(400);
    expect(await projects("?limit=501", tokens.admin)).toMatchObject({ status: 400, body: { error: "Invalid request.", issues: [{ path: "limit", message: "limit must be a whole number from 1 to 500." }] } });
    expect((await projects("?limit=0", tokens.admin)).status).toBe(400);
    expect((await projects("?page=2", tokens.admin)).body.issues[0].message).toBe('Unknown parameter "page": use limit, cursor.');
  });
});

describe("GET /api/v1/projects/<slug>/items", () => {
  it("right scope 200, missing scope 403, no token 401, another project 404", async () => {
    const slug = study.project.slug;
    const res = await items(slug, "", tokens.researcherProjectOnly);
    expect(res.status).toBe(200);
    expect(itemsPageSchema.parse(res.body).data).toHaveLength(7);
    expect(res.body.data[0]).toEqual({ externalId: expect.any(String), kind: "qa", language: "en", specialty: null, isGold: false, createdAt: expect.any(String) });
    expect((await items(slug, "", tokens.adminImagesOnly)).status).toBe(403);
    expect((await items(slug, "", tokens.reviewer)).status).toBe(403);
    expect((await items(slug, "", null)).status).toBe(401);
    expect(await items(other.project.slug, "", tokens.researcher)).toEqual({ status: 404, body: { error: `Project "${other.project.slug}" not found.` } });
  });

  it("include=content adds input, reference and responses with model names; ?kind= filters", async () => {
    const slug = study.project.slug;
    const res = await items(slug, "?include=content&limit=1", tokens.researcher);
    expect(res.status).toBe(200);
    expect(res.body.data[0].responses.map((r: { modelName: string }) => r.modelName)).toEqual(["model-alpha", "model-beta"]);
    expect(res.body.data[0]).toHaveProperty("input");
    expect((await items(slug, "?kind=mcq", tokens.researcher)).body).toEqual({ data: [], nextCursor: null });
    expect((await items(slug, "?include=everything", tokens.researcher)).status).toBe(400);
  });

  it("walks every item exactly once, in external-id order", async () => {
    const slug = study.project.slug;
    const all = await getDb().item.findMany({ where: { projectId: study.project.id }, orderBy: { externalId: "asc" }, select: { externalId: true } });
    const { rows, pages } = await walk((q) => items(slug, q, tokens.admin), 3);
    expect(rows.map((i) => (i as { externalId: string }).externalId)).toEqual(all.map((i) => i.externalId));
    expect(pages).toBe(3);
    expect((await items(slug, `?cursor=${encodeCursor(["a", "b"])}`, tokens.admin)).status).toBe(400);
  });
});

describe("GET /api/v1/projects/<slug>/annotations", () => {
  it("right scope 200, missing scope 403, no token 401, another project 404", async () => {
    const slug = study.project.slug;
    const res = await annotations(slug, "", tokens.researcher);
    expect(res.status).toBe(200);
    expect(annotationsPageSchema.parse(res.body).data).toHaveLength(5);
    expect(res.body.data.every((r: { status: string }) => r.status === "submitted")).toBe(true);
    expect((await annotations(slug, "", tokens.researcherProjectOnly)).status).toBe(403);
    expect((await annotations(slug, "", tokens.reviewer)).status).toBe(403);
    expect((await annotations(slug, "", null)).status).toBe(401);
    expect((await annotations(other.project.slug, "", tokens.researcher)).status).toBe(404);
    expect(await annotations(slug, "?identifyReviewers=true", tokens.researcher)).toEqual({ status: 403, body: { error: "Only the project's managers may export reviewer identities." } });
    expect((await annotations(slug, "?batch=NOPE", tokens.researcher)).status).toBe(404);
  });

  it("the records are the JSONL export's records, in its order, crossing from submitted to skipped with status=all", async () => {
    const slug = study.project.slug;
    const exportRoute = await import("@/app/api/v1/projects/[slug]/export/route");
    const req = new NextRequest(new URL(`/api/v1/projects/${slug}/export?format=jsonl&status=all`, "http://localhost"), { headers: { authorization: `Bearer ${tokens.researcher}` } });
    const exported = (await (await exportRoute.GET(req, { params: Promise.resolve({ slug }) })).text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(exported).toHaveLength(7);
    for (const limit of [1, 2, 5, 7]) {
      const { rows } = await walk((q) => annotations(slug, `${q}&status=all`, tokens.researcher), limit);
      expect([limit, rows]).toEqual([limit, exported]);
    }
    const skipped = await walk((q) => annotations(slug, `${q}&status=skipped&content=false`, tokens.researcher), 1);
    expect(skipped.rows.map((r) => (r as { status: string }).status)).toEqual(["skipped", "skipped"]);
    expect(skipped.rows[0]).not.toHaveProperty("item");
    expect((await annotations(slug, `?cursor=${encodeCursor(["pending", "x"])}`, tokens.researcher)).status).toBe(400);
  });
});
