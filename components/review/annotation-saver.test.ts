import { describe, expect, it } from "vitest";
import { emptyAnnotationData, type AnnotationData } from "@/lib/annotations/schema";
import { AnnotationSaver, type SaverDeps, type ServerAnnotation } from "./annotation-saver";

// A scripted server and manual timers: the engine's ordering and retry rules, without a browser.
type Reply = (body: { baseVersion: number; clientMutationId: string; submit: boolean }) => { status: number; json?: object } | "network-error" | "held";

function harness(replies: Reply[], server: ServerAnnotation = { version: 0, data: emptyAnnotationData(), lastMutationId: null }) {
  const requests: Array<{ baseVersion: number; clientMutationId: string; submit: boolean; data: AnnotationData }> = [];
  const timers: Array<() => void> = [];
  const store = new Map<string, string>();
  let ids = 0;
  const deps: SaverDeps = {
    fetch: (async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body));
      requests.push(body);
      const reply = replies.shift()!(body);
      if (reply === "network-error") throw new TypeError("fetch failed");
      // The request reached the server, which saved it; the answer never comes back (the tab closes).
      if (reply === "held") return new Promise<Response>(() => {});
      return new Response(JSON.stringify(reply.json ?? {}), { status: reply.status });
    }) as typeof fetch,
    storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v), removeItem: (k) => void store.delete(k) },
    setTimer: (fn) => { timers.push(fn); return timers.length; },
    clearTimer: () => {},
    newId: () => `mutation-${++ids}`,
    isOnline: () => true,
  };
  const saver = new AnnotationSaver("as1", server, () => 0, deps);
  const settle = () => new Promise((r) => setTimeout(r, 0));
  const runTimers = async () => { const due = timers.splice(0); due.forEach((f) => f()); await settle(); await settle(); };
  return { saver, requests, store, runTimers, settle };
}

const saved = (version: number) => () => ({ status: 200, json: { status: "saved", version, submitted: false, duplicate: false } });
const withComment = (c: string): AnnotationData => ({ ...emptyAnnotationData(), overallComment: c });

describe("AnnotationSaver", () => {
  it("keeps every edit in local storage until the server has it", async () => {
    const h = harness([saved(1)]);
    h.saver.update(withComment("draft"));
    expect(JSON.parse(h.store.get("consilium:draft:as1")!)).toMatchObject({ baseVersion: 0, data: { overallComment: "draft" } });
    await h.runTimers();
    expect(h.requests).toHaveLength(1);
    expect(h.saver.getSnapshot().state.kind).toBe("saved");
    expect(h.store.has("consilium:draft:as1")).toBe(false);
  });

  it("retries a failed save with the same mutation id, then sends later edits in order", async () => {
    const h = harness([() => "network-error", () => ({ status: 503 }), saved(1), saved(2)]);
    h.saver.update(withComment("one"));
    await h.runTimers(); // debounce → network error
    expect(h.saver.getSnapshot().state).toMatchObject({ kind: "retrying", attempt: 1 });
    h.saver.update(withComment("two")); // edit while offline
    await h.runTimers(); // retry → 503 (the debounce flush is a no-op while a save is pending)
    await h.runTimers(); // retry → saved v1, then the newer edit goes out based on v1
    await h.runTimers();
    expect(h.requests.map((r) => [r.clientMutationId, r.baseVersion, r.data.overallComment])).toEqual([
      ["mutation-1", 0, "one"],
      ["mutation-1", 0, "one"],
      ["mutation-1", 0, "one"],
      ["mutation-2", 1, "two"],
    ]);
    expect(h.saver.getSnapshot().state.kind).toBe("saved");
  });

  it("shows a conflict and lets the reviewer keep their version on top of the server's", async () => {
    const serverData = withComment("from the other tab");
    const h = harness([() => ({ status: 409, json: { status: "conflict", serverVersion: 3, serverData } }), saved(4)]);
    h.saver.update(withComment("mine"));
    await h.runTimers();
    expect(h.saver.getSnapshot().state).toMatchObject({ kind: "conflict", serverVersion: 3 });
    h.saver.update(withComment("mine, edited")); // still no silent overwrite
    await h.runTimers();
    expect(h.requests).toHaveLength(1);
    h.saver.resolveConflict("mine");
    await h.settle();
    expect(h.requests[1]).toMatchObject({ baseVersion: 3, data: { overallComment: "mine, edited" } });
  });

  it("restores a draft that builds on the server's version as edits still to send", () => {
    const h = harness([]);
    h.store.set("consilium:draft:as1", JSON.stringify({ baseVersion: 0, data: withComment("left behind") }));
    h.saver.restoreDraft();
    expect(h.saver.getSnapshot()).toMatchObject({ data: { overallComment: "left behind" }, state: { kind: "dirty" }, pendingChanges: 1 });
  });

  it("never drops newer edits typed while a save was in flight when the tab closed: they are rebased on it", async () => {
    // Tab 1: "edit 1" reaches the server (saved as v1) but the answer is held; edits 2 and 3 follow; the tab closes.
    const tab = harness([() => "held"]);
    tab.saver.update(withComment("edit 1"));
    await tab.runTimers();
    tab.saver.update(withComment("edit 2"));
    tab.saver.update(withComment("edit 3"));
    const left = tab.store.get("consilium:draft:as1")!;
    expect(JSON.parse(left)).toMatchObject({ baseVersion: 0, sentId: "mutation-1", data: { overallComment: "edit 3" } });

    // Reopened: the server has v1 = "edit 1", written by mutation-1. The draft builds on it.
    const reopened = harness([saved(2)], { version: 1, data: withComment("edit 1"), lastMutationId: "mutation-1" });
    reopened.store.set("consilium:draft:as1", left);
    reopened.saver.restoreDraft();
    expect(reopened.saver.getSnapshot()).toMatchObject({ data: { overallComment: "edit 3" }, state: { kind: "dirty" } });
    expect(reopened.saver.getSnapshot().pendingChanges).toBeGreaterThan(0);
    expect(reopened.saver.hasPendingWork()).toBe(true);
    await reopened.runTimers();
    expect(reopened.requests.map((r) => [r.baseVersion, r.data.overallComment])).toEqual([[1, "edit 3"]]);
    expect(reopened.saver.getSnapshot().state.kind).toBe("saved");
    expect(reopened.store.has("consilium:draft:as1")).toBe(false);
  });

  it("shows a draft that does not build on the server's version as a conflict, across reloads, until the reviewer chooses", async () => {
    const server: ServerAnnotation = { version: 2, data: withComment("from device 1"), lastMutationId: "device-1-save" };
    const draft = JSON.stringify({ baseVersion: 0, data: withComment("six ratings and a comment"), pendingChanges: 7 });
    const first = harness([], server);
    first.store.set("consilium:draft:as1", draft);
    first.saver.restoreDraft();
    expect(first.saver.getSnapshot()).toMatchObject({ data: { overallComment: "six ratings and a comment" }, state: { kind: "conflict", serverVersion: 2, serverData: { overallComment: "from device 1" } } });
    expect(first.saver.hasPendingWork()).toBe(true); // leaving the page warns
    expect(first.store.has("consilium:draft:as1")).toBe(true);

    // Reload again (or sign in again): still a conflict, still the reviewer's work on screen.
    const second = harness([saved(3)], server);
    second.store.set("consilium:draft:as1", first.store.get("consilium:draft:as1")!);
    second.saver.restoreDraft();
    expect(second.saver.getSnapshot()).toMatchObject({ data: { overallComment: "six ratings and a comment" }, state: { kind: "conflict" } });
    second.saver.resolveConflict("mine");
    await second.settle();
    expect(second.requests.map((r) => [r.baseVersion, r.data.overallComment])).toEqual([[2, "six ratings and a comment"]]);
    await second.settle();
    expect(second.store.has("consilium:draft:as1")).toBe(false);

    // Choosing the server's version is also a choice: only then is the local draft dropped.
    const third = harness([], server);
    third.store.set("consilium:draft:as1", first.store.get("consilium:draft:as1")!);
    third.saver.restoreDraft();
    third.saver.resolveConflict("theirs");
    expect(third.saver.getSnapshot()).toMatchObject({ data: { overallComment: "from device 1" }, state: { kind: "saved" } });
    expect(third.store.has("consilium:draft:as1")).toBe(false);
  });

  it("drops a draft only when the server already holds the same document, or the work is final", () => {
    const same = harness([], { version: 4, data: withComment("done"), lastMutationId: "x" });
    same.store.set("consilium:draft:as1", JSON.stringify({ baseVersion: 1, data: withComment("done") }));
    same.saver.restoreDraft();
    expect(same.store.has("consilium:draft:as1")).toBe(false);
    expect(same.saver.getSnapshot().state.kind).toBe("saved");
    const final = harness([], { version: 4, data: withComment("submitted"), lastMutationId: "x", isFinal: true });
    final.store.set("consilium:draft:as1", JSON.stringify({ baseVersion: 4, data: withComment("late edit") }));
    final.saver.restoreDraft();
    expect(final.saver.getSnapshot().data.overallComment).toBe("submitted");
  });

  it("keeps a refused submit as a draft and reports the problems", async () => {
    const problems = [{ path: "responses.r.ratings.x", message: "missing" }];
    const h = harness([() => ({ status: 422, json: { status: "invalid", problems } }), saved(1)]);
    let done = false;
    h.saver.update(withComment("almost"));
    h.saver.submit(() => { done = true; });
    await h.settle(); await h.settle(); await h.settle();
    expect(h.saver.getSnapshot().problems).toEqual(problems);
    expect(h.requests.map((r) => r.submit)).toEqual([true, false]);
    expect(done).toBe(false);
  });

  it("counts pending changes while offline, keeps the count across a reload, and sends at once when back online", async () => {
    const h = harness([() => "network-error", saved(1), saved(2)]);
    h.saver.update(withComment("a"));
    h.saver.update(withComment("ab"));
    await h.runTimers(); // debounce → network error
    h.saver.update(withComment("abc"));
    expect(h.saver.getSnapshot()).toMatchObject({ pendingChanges: 3, state: { kind: "retrying" } });
    expect(JSON.parse(h.store.get("consilium:draft:as1")!)).toMatchObject({ pendingChanges: 3 });

    // A reload: a new engine restores the draft and its pending count from local storage.
    const reloaded = harness([saved(1)]);
    reloaded.store.set("consilium:draft:as1", h.store.get("consilium:draft:as1")!);
    reloaded.saver.restoreDraft();
    expect(reloaded.saver.getSnapshot()).toMatchObject({ pendingChanges: 3, data: { overallComment: "abc" } });
    await reloaded.runTimers();
    expect(reloaded.saver.getSnapshot()).toMatchObject({ pendingChanges: 0, state: { kind: "saved" } });

    // The first engine: "online" sends the waiting save without waiting for its back-off timer.
    h.saver.retryNow();
    await h.settle();
    await h.settle();
    await h.settle();
    // The retried save (same id), then the edit made while offline, based on the new version.
    expect(h.requests.map((r) => [r.clientMutationId, r.baseVersion, r.data.overallComment])).toEqual([
      ["mutation-1", 0, "ab"],
      ["mutation-1", 0, "ab"],
      ["mutation-2", 1, "abc"],
    ]);
    expect(h.saver.getSnapshot()).toMatchObject({ pendingChanges: 0, state: { kind: "saved" } });
  });

  it("restores a draft saved by an older version of the page with today's defaults filled in", () => {
    const h = harness([]);
    h.store.set("consilium:draft:as1", JSON.stringify({ baseVersion: 0, data: { responses: {}, item: { ratings: {}, comments: {} }, overallComment: "old draft" } }));
    h.saver.restoreDraft();
    expect(h.saver.getSnapshot().data).toEqual({ ...emptyAnnotationData(), overallComment: "old draft" });
  });
});
