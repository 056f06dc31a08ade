import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { asActor, seedStudy } from "@/test/support/study";

// Cookie-authenticated calls are the ones a foreign page can make with the user's cookie; the
// session lookup is replaced here (the real cookie is covered in e2e/cross-site.spec.ts).
let sessionActor: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ getActor: async () => sessionActor, requirePageActor: async () => sessionActor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const importRoute = await import("@/app/api/v1/projects/[slug]/import/route");
const annotationRoute = await import("@/app/api/v1/assignments/[id]/annotation/route");
const skipRoute = await import("@/app/api/v1/assignments/[id]/skip/route");
const uploadRoute = await import("@/app/api/v1/projects/[slug]/images/route");
const userActions = await import("@/app/admin/users/actions");

let study: Awaited<ReturnType<typeof seedStudy>>;
beforeEach(async () => {
  study = await seedStudy({ items: 1 });
});

function cookieRequest(path: string, init: { method: string; body?: BodyInit; origin?: string | null; contentType?: string; host?: string }) {
  const headers = new Headers({ host: init.host ?? "127.0.0.1:3120" });
  if (init.origin !== null) headers.set("origin", init.origin ?? "http://127.0.0.1:3120");
  if (init.contentType) headers.set("content-type", init.contentType);
  return new NextRequest(new URL(path, "http://127.0.0.1:3120"), { method: init.method, body: init.body, headers });
}

const line = JSON.stringify({ externalId: "csrf-1", question: "q", responses: [{ modelName: "m", content: "c" }] });

describe("cross-site requests with the user's cookie", () => {
  it("are refused for every cookie-authenticated mutation when the Origin is foreign", async () => {
    sessionActor = asActor(study.admin);
    const params = { params: Promise.resolve({ slug: study.project.slug }) };
    for (const origin of ["http://127.0.0.1:4000", "https://evil.example", "null"]) {
      const res = await importRoute.POST(cookieRequest(`/api/v1/projects/${study.project.slug}/import`, { method: "POST", body: line, origin, contentType: "application/x-ndjson" }), params);
      expect([origin, res.status]).toEqual([origin, 403]);
      expect((await res.json()).error).toMatch(/another site/);
    }
    // No Origin but fetch metadata saying another site started it: refused too.
    const req = cookieRequest(`/api/v1/projects/${study.project.slug}/import`, { method: "POST", body: line, origin: null, contentType: "application/x-ndjson" });
    req.headers.set("sec-fetch-site", "same-site");
    expect((await importRoute.POST(req, params)).status).toBe(403);
    expect(await (await import("@/lib/db/client")).getDb().item.count({ where: { externalId: "csrf-1" } })).toBe(0);
    // The same request from the app's own origin goes through.
    const ok = await importRoute.POST(cookieRequest(`/api/v1/projects/${study.project.slug}/import`, { method: "POST", body: line, contentType: "application/x-ndjson" }), params);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('"ok":true');
  });

  it("refuse bodies of a type the route does not read (415), e.g. the text/plain a form can send", async () => {
    sessionActor = asActor(study.admin);
    const slug = { params: Promise.resolve({ slug: study.project.slug }) };
    const mine = study.assignments.find((a) => a.reviewerId === study.reviewers[0].id)!;
    const id = { params: Promise.resolve({ id: mine.id }) };
    const imported = await importRoute.POST(cookieRequest(`/api/v1/projects/${study.project.slug}/import`, { method: "POST", body: line, contentType: "text/plain" }), slug);
    expect(imported.status).toBe(415);
    expect((await imported.json()).error).toMatch(/application\/x-ndjson.*text\/csv/);
    const form = await uploadRoute.POST(cookieRequest(`/api/v1/projects/${study.project.slug}/images`, { method: "POST", body: "x", contentType: "multipart/form-data; boundary=x" }), slug);
    expect(form.status).toBe(415);
    sessionActor = asActor(study.reviewers[0]);
    const body = JSON.stringify({ baseVersion: 0, clientMutationId: "m-00000001", data: {} });
    const saved = await annotationRoute.PUT(cookieRequest(`/api/v1/assignments/${mine.id}/annotation`, { method: "PUT", body, contentType: "text/plain" }), id);
    expect(saved.status).toBe(415);
    expect((await saved.json()).error).toMatch(/application\/json/);
  });
});

describe("malformed input", () => {
  it("malformed JSON to the save and skip endpoints is a 400 with a clear message, not a 500", async () => {
    sessionActor = asActor(study.reviewers[0]);
    const mine = study.assignments.find((a) => a.reviewerId === study.reviewers[0].id)!;
    const id = { params: Promise.resolve({ id: mine.id }) };
    const save = await annotationRoute.PUT(cookieRequest(`/api/v1/assignments/${mine.id}/annotation`, { method: "PUT", body: '{"baseVersion": 0,', contentType: "application/json" }), id);
    expect(save.status).toBe(400);
    expect(await save.json()).toEqual({ error: "The request body is not valid JSON." });
    const skip = await skipRoute.POST(cookieRequest(`/api/v1/assignments/${mine.id}/skip`, { method: "POST", body: "reason=busy", contentType: "application/json" }), id);
    expect(skip.status).toBe(400);
  });

  it("an unknown id in an admin action is 'not found', not a server error", async () => {
    sessionActor = asActor(study.admin);
    const fd = new FormData();
    fd.set("userId", "no-such-user");
    fd.set("isActive", "false");
    expect(await userActions.setUserActiveAction(null, fd)).toEqual({ ok: false, error: "No such user." });
  });

  it("the action wrapper turns a record that vanished (Prisma P2025) into a plain message", async () => {
    const { authedAction } = await import("@/lib/auth/action");
    const { z } = await import("zod");
    const { getDb } = await import("@/lib/db/client");
    sessionActor = asActor(study.admin);
    const action = authedAction("project:manage", z.object({ id: z.string() }), (_actor, input) => getDb().project.update({ where: { id: input.id }, data: { name: "x" } }));
    const fd = new FormData();
    fd.set("id", "gone");
    expect(await action(null, fd)).toEqual({ ok: false, error: "That record does not exist (it may have been deleted)." });
  });
});
