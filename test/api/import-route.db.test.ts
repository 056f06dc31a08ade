import { readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/auth/api-tokens";
import { scopesForRole } from "@/lib/auth/token-scopes";
import { getDb } from "@/lib/db/client";
import { seedProject, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";

// POST /api/v1/projects/<slug>/import: the format comes from ?format=, the file name, the
// Content-Type; unsupported ones are refused before reading, and problems in the body are
// located errors in the NDJSON result, never "line 0, (server)".
vi.mock("@/lib/auth/session", () => ({ getActor: async () => null, requirePageActor: async () => null }));
const importRoute = await import("@/app/api/v1/projects/[slug]/import/route");

const BRAT = readFileSync(path.resolve(import.meta.dirname, "../../../shared/fixtures/abstrct/brat/10735891.ann"));
let slug: string;
let token: string;

beforeEach(async () => {
  const admin = await seedUser({ role: "ADMIN" });
  slug = (await seedProject(admin.id)).slug;
  token = (await createApiToken(asActor(admin), { name: "t", scopes: scopesForRole(admin.role) })).token;
});

async function post(body: string | Buffer, opts: { query?: string; headers?: Record<string, string> } = {}) {
  const url = new URL(`/api/v1/projects/${slug}/import${opts.query ?? ""}`, "http://localhost");
  const res = await importRoute.POST(new NextRequest(url, { method: "POST", body: new Uint8Array(Buffer.from(body)), headers: { authorization: `Bearer ${token}`, ...opts.headers } }), { params: Promise.resolve({ slug }) });
  if (res.status !== 200) return { status: res.status, body: await res.json() };
  const events = (await res.text()).trim().split("\n").map((l) => JSON.parse(l));
  return { status: res.status, result: events.at(-1) };
}

const csv = "externalId,question,responses.0.modelName,responses.0.content\nq-1,Q?,m,c\n";

describe("POST import", () => {
  it("refuses an unsupported file name or format with 415, naming the supported formats", async () => {
    const ann = await post(BRAT, { headers: { "x-file-name": "10735891.ann" } });
    expect(ann).toEqual({ status: 415, body: { error: expect.stringMatching(/^Cannot import "10735891\.ann": brat standoff .* Supported formats: JSONL .* add \?format=jsonl or \?format=csv/) } });
    expect(await post(csv, { query: "?format=xml" })).toEqual({ status: 415, body: { error: expect.stringMatching(/^"xml" is not an import format/) } });
  });

  it("reads CSV when ?format=, the name or the Content-Type says so", async () => {
    expect((await post(csv, { query: "?format=csv", headers: { "x-file-name": "export.txt" } })).result).toMatchObject({ type: "result", ok: true, imported: 1 });
    expect((await post(csv.replace("q-1", "q-2"), { headers: { "x-file-name": "items.csv" } })).result).toMatchObject({ ok: true, imported: 1 });
    expect((await post(csv.replace("q-1", "q-3"), { headers: { "content-type": "text/csv" } })).result).toMatchObject({ ok: true, imported: 1 });
  });

  it("stops a body in another format at its first line, and locates unstorable values", async () => {
    const brat = (await post(BRAT)).result;
    expect(brat).toMatchObject({ ok: false, errorCount: 1, lines: 1, errors: [{ line: 1, field: "(line)", message: expect.stringContaining("brat standoff") }] });
    const nul = (await post('{"externalId":"n","question":"Q\\u0000","responses":[{"modelName":"m","content":"c"}]}\n')).result;
    expect(nul).toMatchObject({ ok: false, errors: [{ line: 1, field: "question", message: expect.stringContaining("NUL") }] });
    const latin1 = (await post(Buffer.from([0x7b, 0xe9, 0x7d, 0x0a]))).result;
    expect(latin1).toMatchObject({ ok: false, errors: [{ line: 1, field: "(line)", message: expect.stringContaining("not valid UTF-8") }] });
    expect(await getDb().item.count()).toBe(0);
  });
});
