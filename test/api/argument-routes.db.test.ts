import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/auth/api-tokens";
import { scopesForRole } from "@/lib/auth/token-scopes";
import { createProject } from "@/lib/projects/create-project";
import { seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";

// The API's argument import (a zip of the corpus) and export (brat zip, CoNLL text): the same lib/
// code as the CLI and the project page.
vi.mock("@/lib/auth/session", () => ({ getActor: async () => null, requirePageActor: async () => null }));
const importRoute = await import("@/app/api/v1/projects/[slug]/import/route");
const exportRoute = await import("@/app/api/v1/projects/[slug]/export/route");

const DIR = path.resolve(import.meta.dirname, "../../../shared/fixtures/abstrct/brat");
const corpus = () => zipSync(Object.fromEntries(readdirSync(DIR).map((n) => [`abstrct/${n}`, strToU8(readFileSync(path.join(DIR, n), "utf8"))])));
let slug: string;
let token: string;

beforeEach(async () => {
  const admin = await seedUser({ role: "ADMIN" });
  slug = (await createProject(admin.id, { name: "Api", slug: `api-${Math.random().toString(36).slice(2, 8)}`, template: "argument-structure", reviewersPerItem: 1 })).slug;
  token = (await createApiToken(asActor(admin), { name: "t", scopes: scopesForRole(admin.role) })).token;
});

const params = () => ({ params: Promise.resolve({ slug }) });
const auth = () => ({ authorization: `Bearer ${token}` });

describe("argument import and export over the API", () => {
  it("imports a zipped brat collection and answers brat as a zip and BIO as text", async () => {
    const url = new URL(`/api/v1/projects/${slug}/import?format=brat`, "http://localhost");
    const res = await importRoute.POST(new NextRequest(url, { method: "POST", body: corpus(), headers: { ...auth(), "content-type": "application/zip" } }), params());
    expect(res.status).toBe(200);
    expect(JSON.parse(await res.text())).toMatchObject({ type: "result", ok: true, imported: 30, labelSetExtended: true });

    const brat = await exportRoute.GET(new NextRequest(new URL(`/api/v1/projects/${slug}/export?format=brat&source=imported`, "http://localhost"), { headers: auth() }), params());
    expect(brat.status).toBe(200);
    expect(brat.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await brat.arrayBuffer()));
    expect(Object.keys(files).filter((n) => n.endsWith(".ann"))).toHaveLength(30);
    expect(new TextDecoder().decode(files["imported/10735891.txt"])).toBe(readFileSync(path.join(DIR, "10735891.txt"), "utf8"));

    const bio = await exportRoute.GET(new NextRequest(new URL(`/api/v1/projects/${slug}/export?format=conll&source=imported&foldMajorClaim=true`, "http://localhost"), { headers: auth() }), params());
    expect(bio.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await bio.text()).toMatch(/^-DOCSTART-\timported\/10735891\n\S+\t(O|B-\w+)\n/);

    const bad = await exportRoute.GET(new NextRequest(new URL(`/api/v1/projects/${slug}/export?format=brat&source=everyone`, "http://localhost"), { headers: auth() }), params());
    expect(bad.status).toBe(400);
  });

  it("refuses a body that is not a zip with a plain reason", async () => {
    const url = new URL(`/api/v1/projects/${slug}/import?format=brat`, "http://localhost");
    const res = await importRoute.POST(new NextRequest(url, { method: "POST", body: new Uint8Array(Buffer.from("T1\tClaim 0 4\tText")), headers: { ...auth(), "content-type": "application/zip" } }), params());
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: expect.stringMatching(/not a readable zip archive/) });
  });
});
