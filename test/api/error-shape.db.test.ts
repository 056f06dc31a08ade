import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/auth/api-tokens";
import { scopesForRole } from "@/lib/auth/token-scopes";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { apiErrorSchema } from "@/lib/api/error-schema";
import { asActor, completeRatings, seedStudy } from "@/test/support/study";

// Every error a route answers has the one documented shape {error, issues?} (README "API"), also
// the outcomes the review page's saver acts on (conflict, invalid, locked), which keep their own
// fields beside it.
vi.mock("@/lib/auth/session", () => ({ getActor: async () => null, requirePageActor: async () => null }));
const annotationRoute = await import("@/app/api/v1/assignments/[id]/annotation/route");
const skipRoute = await import("@/app/api/v1/assignments/[id]/skip/route");

let study: Awaited<ReturnType<typeof seedStudy>>;
let token: string;
const mine = () => study.assignments.find((a) => a.reviewerId === study.reviewers[0].id)!;

function send(method: "PUT" | "POST", path: string, body: unknown, headers: Record<string, string> = {}) {
  return new NextRequest(new URL(path, "http://localhost"), { method, body: typeof body === "string" ? body : JSON.stringify(body), headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers } });
}
const put = async (body: unknown, headers?: Record<string, string>) => {
  const res = await annotationRoute.PUT(send("PUT", `/api/v1/assignments/${mine().id}/annotation`, body, headers), { params: Promise.resolve({ id: mine().id }) });
  return { status: res.status, body: await res.json() };
};
const skip = async (body: unknown) => {
  const res = await skipRoute.POST(send("POST", `/api/v1/assignments/${mine().id}/skip`, body), { params: Promise.resolve({ id: mine().id }) });
  return { status: res.status, body: await res.json() };
};

beforeEach(async () => {
  study = await seedStudy({ items: 1 });
  token = (await createApiToken(asActor(study.reviewers[0]), { name: "t", scopes: scopesForRole("REVIEWER") })).token;
});

describe("the error shape", () => {
  it("annotation PUT: conflict (409), invalid (422) and locked (423) carry error (and issues) beside their fields", async () => {
    const a = mine();
    expect(await saveAnnotation(asActor(study.reviewers[0]), a.id, { baseVersion: 0, clientMutationId: "first-save", data: completeRatings(a.responseOrder) })).toMatchObject({ status: "saved" });

    const conflict = await put({ baseVersion: 0, clientMutationId: "stale-save", data: completeRatings(a.responseOrder) });
    expect(conflict).toMatchObject({ status: 409, body: { status: "conflict", serverVersion: 1 } });
    expect(apiErrorSchema.safeParse(conflict.body).success, JSON.stringify(conflict.body)).toBe(true);

    const invalid = await put({ baseVersion: 1, clientMutationId: "bad-submit", data: { responses: {}, item: { ratings: {}, comments: {} }, overallComment: "" }, submit: true });
    expect(invalid).toMatchObject({ status: 422, body: { status: "invalid" } });
    expect(apiErrorSchema.parse(invalid.body).issues?.length).toBeGreaterThan(0);
    expect(invalid.body.issues).toEqual(invalid.body.problems);

    expect(await saveAnnotation(asActor(study.reviewers[0]), a.id, { baseVersion: 1, clientMutationId: "the-submit", data: completeRatings(a.responseOrder), submit: true })).toMatchObject({ status: "saved" });
    const locked = await put({ baseVersion: 2, clientMutationId: "after-submit", data: completeRatings(a.responseOrder) });
    expect(locked).toMatchObject({ status: 423, body: { status: "locked", error: "This item was already submitted; it can no longer be changed." } });
    expect(apiErrorSchema.safeParse(locked.body).success).toBe(true);
  });

  it("skip POST: locked (423) carries error", async () => {
    expect((await skip({ reason: "outside my field" })).status).toBe(200);
    const again = await skip({ reason: "outside my field" });
    expect(again).toMatchObject({ status: 423, body: { status: "locked", error: "This item is already skipped." } });
  });

  it("the wrapper's refusals (400 bad JSON and schema, 413, 415) are in the shape", async () => {
    for (const [res, status] of [
      [await put("{not json"), 400],
      [await put({ baseVersion: -1 }), 400],
      [await put("x".repeat(3 * 1024 * 1024)), 413],
      [await put("{}", { "content-type": "text/plain" }), 415],
    ] as const) {
      expect(res.status).toBe(status);
      expect(apiErrorSchema.strict().safeParse(res.body).success, JSON.stringify(res.body)).toBe(true);
    }
  });
});
