import { NextRequest } from "next/server";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/auth/api-tokens";
import { scopesForRole } from "@/lib/auth/token-scopes";
import { skipAssignment } from "@/lib/annotations/skip-assignment";
import { asActor, seedStudy } from "@/test/support/study";

// The export route's answers to bad requests: decided before the stream starts, so a client gets
// a status it can act on instead of an empty 200 file. Real database, real bearer token.
vi.mock("@/lib/auth/session", () => ({ getActor: async () => null, requirePageActor: async () => null }));
const exportRoute = await import("@/app/api/v1/projects/[slug]/export/route");

async function get(token: string, slug: string, query: string) {
  const req = new NextRequest(new URL(`/api/v1/projects/${slug}/export${query}`, "http://localhost"), { headers: { authorization: `Bearer ${token}` } });
  const res = await exportRoute.GET(req, { params: Promise.resolve({ slug }) });
  return { status: res.status, body: await res.text(), type: res.headers.get("content-type") };
}

describe("GET /api/v1/projects/<slug>/export", () => {
  it("answers 404 for an unknown project or batch and 400 for a bad parameter, with a plain message", async () => {
    const study = await seedStudy({ items: 1 });
    const { token } = await createApiToken(asActor(study.researcher), { name: "t", scopes: scopesForRole(study.researcher.role) });
    const slug = study.project.slug;

    expect(await get(token, slug, "?batch=NOPE")).toMatchObject({ status: 404, body: JSON.stringify({ error: 'Batch "NOPE" not found.' }) });
    expect(await get(token, "no-such-project", "")).toMatchObject({ status: 404 });
    for (const [query, message] of [
      ["?format=xml", "format must be jsonl, csv, steps, steps-csv, parquet, preferences, sft, healthbench, hf, coco, brat or conll."],
      ["?reviewer=someone", "reviewer is a pseudonym such as R-0123456789 (as in the exports)."],
      ["?status=drafts", "status must be submitted, skipped or all."],
      ["?content=no", "content must be true or false."],
      ["?fromat=csv", 'Unknown parameter "fromat": use format, batch, status, kind, reviewer, from, to, identifyReviewers, content, manifest.'],
    ]) {
      const res = await get(token, slug, query);
      expect([query, res.status]).toEqual([query, 400]);
      expect(JSON.parse(res.body).issues.map((i: { message: string }) => i.message)).toEqual([message]);
    }
  });

  it("filters by batch and status", async () => {
    const study = await seedStudy({ items: 1 });
    const { token } = await createApiToken(asActor(study.researcher), { name: "t", scopes: scopesForRole(study.researcher.role) });
    const a = study.assignments[0];
    await skipAssignment(asActor(study.reviewers.find((r) => r.id === a.reviewerId)!), a.id, { reason: "Image unreadable" });

    const skipped = await get(token, study.project.slug, "?batch=B1&status=skipped&format=csv");
    expect(skipped).toMatchObject({ status: 200, type: "text/csv; charset=utf-8" });
    expect(skipped.body.trim().split("\n").slice(1)).toEqual([expect.stringContaining(",skip,skip_reason,Image unreadable,,,")]);
    const submitted = await get(token, study.project.slug, "?status=submitted");
    expect(submitted).toMatchObject({ status: 200, body: "" });
  });

  it("serves the Parquet tables as a zip with its manifest, and a single file's manifest with manifest=true", async () => {
    const study = await seedStudy({ items: 1 });
    const { token } = await createApiToken(asActor(study.researcher), { name: "t", scopes: scopesForRole(study.researcher.role) });
    const a = study.assignments[0];
    await skipAssignment(asActor(study.reviewers.find((r) => r.id === a.reviewerId)!), a.id, { reason: "Image unreadable" });
    const req = new NextRequest(new URL(`/api/v1/projects/${study.project.slug}/export?format=parquet`, "http://localhost"), { headers: { authorization: `Bearer ${token}` } });
    const res = await exportRoute.GET(req, { params: Promise.resolve({ slug: study.project.slug }) });
    expect(res.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(JSON.parse(strFromU8(files["manifest.json"]))).toMatchObject({ format: "parquet", counts: { records_skipped: 1, rows_annotations: 1 } });
    const manifest = await get(token, study.project.slug, "?format=csv&status=skipped&manifest=true");
    expect(manifest.type).toBe("application/json; charset=utf-8");
    expect(JSON.parse(manifest.body)).toMatchObject({ format: "csv", filters: { status: "skipped" }, counts: { records_skipped: 1, csv_rows: 1 } });
  });
});
