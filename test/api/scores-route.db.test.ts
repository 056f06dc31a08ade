import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/auth/api-tokens";
import { scopesForRole } from "@/lib/auth/token-scopes";
import { asActor } from "@/test/support/study";
import { seedStudy } from "@/test/support/study";

// Like the export, the scores route refuses what it cannot honour instead of answering for
// something else: an unknown batch is 404, an unknown parameter 400.
vi.mock("@/lib/auth/session", () => ({ getActor: async () => null, requirePageActor: async () => null }));
const scoresRoute = await import("@/app/api/v1/projects/[slug]/scores/route");

async function get(token: string, slug: string, query: string) {
  const req = new NextRequest(new URL(`/api/v1/projects/${slug}/scores${query}`, "http://localhost"), { headers: { authorization: `Bearer ${token}` } });
  const res = await scoresRoute.GET(req, { params: Promise.resolve({ slug }) });
  return { status: res.status, body: await res.json() };
}

describe("GET /api/v1/projects/<slug>/scores", () => {
  it("filters by batch name; unknown batch 404, unknown parameter 400", async () => {
    const study = await seedStudy({ items: 1 });
    const { token } = await createApiToken(asActor(study.researcher), { name: "t", scopes: scopesForRole(study.researcher.role) });
    expect(await get(token, study.project.slug, "?batch=B1")).toMatchObject({ status: 200, body: { byModel: [] } });
    expect(await get(token, study.project.slug, "?batch=NOPE")).toEqual({ status: 404, body: { error: 'Batch "NOPE" not found.' } });
    expect(await get(token, study.project.slug, "?batchId=x")).toMatchObject({ status: 400, body: { issues: [{ message: 'Unknown parameter "batchId": use batch.' }] } });
  });
});
