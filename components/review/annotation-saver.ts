import type { AnnotationData } from "@/lib/annotations/schema";
import { withDocumentDefaults } from "@/lib/annotations/document-defaults";
import type { RatingProblem } from "@/lib/tools/types";
import { sameJson } from "@/lib/annotations/same-json";

const sameDocument = (a: AnnotationData, b: AnnotationData) => sameJson(a, b);

/** Why a save is being retried (the save status says it in the reader's language). */
export type RetryReason = { code: "unreachable" } | { code: "offline" } | { code: "signedOut" } | { code: "serverError"; status: number } | { code: "connection" };

/** Why saving stopped: the values were refused, the server's own message, or only its status. */
export type LockReason = { code: "invalid" } | { code: "server"; message: string } | { code: "refused"; status: number };

export type SaveState =
  | { kind: "saved" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "retrying"; attempt: number; reason: RetryReason }
  | { kind: "conflict"; serverVersion: number; serverData: AnnotationData }
  | { kind: "locked"; reason: LockReason }
  | { kind: "submitted" };

/** `pendingChanges`: edits made since the server last acknowledged a save (survives reload). */
export type SaverSnapshot = { data: AnnotationData; state: SaveState; problems: RatingProblem[]; pendingChanges: number };

type Pending = { clientMutationId: string; baseVersion: number; data: AnnotationData; timeOnTaskDeltaMs: number; submit: boolean; seq: number };

export type SaverDeps = {
  fetch: typeof fetch;
  storage: Pick<Storage, "getItem" | "setItem" | "removeItem">;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  newId: () => string;
  isOnline: () => boolean;
};

export const DEBOUNCE_MS = 700;
const draftKey = (id: string) => `consilium:draft:${id}`;

/**
 * What local storage keeps per assignment until the server holds a version the reviewer chose.
 * `sentId`: the mutation id of the save in flight when it was written: if the server's latest
 * revision carries it, the draft builds on that revision (the save landed; the tab died before the
 * answer). `conflict`: an unresolved conflict, shown again after a reload.
 */
type StoredDraft = { baseVersion: number; data: AnnotationData; pendingChanges?: number; sentId?: string; conflict?: boolean };

/** The server's state of the annotation when the page was rendered. */
export type ServerAnnotation = { version: number; data: AnnotationData; lastMutationId: string | null; isFinal?: boolean };

/**
 * Autosave engine for one assignment, independent of React (the review form subscribes to it).
 * - Every change goes to local storage first, so a reload or crash loses nothing; the draft is
 *   dropped only once the server holds it (or a version the reviewer chose in a conflict). On load a
 *   draft is restored as pending edits when it builds on the server's version (directly, or on top
 *   of a save that landed while the tab was closing), and otherwise shown as a conflict — never dropped.
 * - A save carries the version it was based on and a client mutation id; a failed request is
 *   retried with the same id and back-off (the server treats a replay as a no-op).
 * - A stale version comes back as a conflict and is shown; nothing is overwritten silently.
 * - Saves are sent one at a time, in order; edits made meanwhile go in the next save.
 */
export class AnnotationSaver {
  private snapshot: SaverSnapshot;
  private listeners = new Set<() => void>();
  private version: number;
  private dirty = false;
  private inFlight: Pending | null = null;
  private debounce: unknown;
  private afterSubmit: (() => void) | null = null;
  private submitWhenIdle = false;
  /** Edits are numbered; the server has acknowledged everything up to `ackedSeq`. */
  private changeSeq = 0;
  private ackedSeq = 0;
  private retryTimer: unknown = null;
  private retry: (() => void) | null = null;

  private readonly server: ServerAnnotation;

  constructor(
    private readonly assignmentId: string,
    server: ServerAnnotation,
    private readonly takeActiveTime: () => number,
    private readonly deps: SaverDeps,
  ) {
    this.server = server;
    this.version = server.version;
    this.snapshot = { data: server.data, state: { kind: "saved" }, problems: [], pendingChanges: 0 };
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  private set(patch: Partial<SaverSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch, pendingChanges: this.changeSeq - this.ackedSeq };
    this.listeners.forEach((l) => l());
  }

  /**
   * Brings back a draft left by a reload, a crash or a closed tab:
   * - the server already has exactly this document → the draft is done with;
   * - it builds on the server's version, or on a save of ours that landed while the tab was closing
   *   (the server's latest revision carries the draft's in-flight mutation id) → restored as edits
   *   still to send;
   * - anything else (another device saved meanwhile, or a conflict left unresolved) → shown as a
   *   conflict, the draft kept until the reviewer chooses.
   * Submitted or skipped work is final on the server; a draft for it is discarded.
   */
  restoreDraft() {
    const key = draftKey(this.assignmentId);
    const raw = this.deps.storage.getItem(key);
    if (!raw) return;
    let draft: StoredDraft;
    try {
      draft = JSON.parse(raw) as StoredDraft;
    } catch {
      return; // unreadable: leave it for inspection rather than guess
    }
    const data = withDocumentDefaults(draft.data);
    if (this.server.isFinal || sameDocument(data, this.server.data)) return this.deps.storage.removeItem(key);
    const landed = draft.sentId !== undefined && draft.sentId === this.server.lastMutationId && this.server.version === draft.baseVersion + 1;
    if (!draft.conflict && (draft.baseVersion === this.server.version || landed)) {
      // Count the restored edits as pending (the one update below adds the last of them).
      this.changeSeq = this.ackedSeq + Math.max((draft.pendingChanges ?? 1) - 1, 0);
      this.update(data);
      return;
    }
    this.changeSeq = this.ackedSeq + Math.max(draft.pendingChanges ?? 1, 1);
    this.set({ data, state: { kind: "conflict", serverVersion: this.server.version, serverData: this.server.data } });
    this.persist();
  }

  /** Writes the current draft to local storage (the reload-proof copy of everything not yet acknowledged). */
  private persist() {
    const draft: StoredDraft = {
      baseVersion: this.version,
      data: this.snapshot.data,
      pendingChanges: this.changeSeq - this.ackedSeq,
      ...(this.inFlight ? { sentId: this.inFlight.clientMutationId } : {}),
      ...(this.snapshot.state.kind === "conflict" ? { conflict: true } : {}),
    };
    this.deps.storage.setItem(draftKey(this.assignmentId), JSON.stringify(draft));
  }

  update(data: AnnotationData) {
    this.dirty = true;
    this.changeSeq += 1;
    const keep = this.snapshot.state.kind === "conflict" || this.snapshot.state.kind === "locked" || this.snapshot.state.kind === "retrying";
    this.set({ data, ...(keep ? {} : { state: { kind: "dirty" } }) });
    this.persist();
    this.deps.clearTimer(this.debounce);
    this.debounce = this.deps.setTimer(() => this.flush(), DEBOUNCE_MS);
  }

  /** Sends what is pending now (no-op while a save is in flight: it re-flushes when done). */
  flush(submit = false): void {
    this.deps.clearTimer(this.debounce);
    if (this.inFlight) {
      if (submit) this.submitWhenIdle = true;
      return;
    }
    if (this.snapshot.state.kind === "conflict" || this.snapshot.state.kind === "locked" || this.snapshot.state.kind === "submitted") return;
    if (!submit && !this.dirty) return;
    if (submit) this.set({ problems: [] });
    this.dirty = false;
    void this.send({
      clientMutationId: this.deps.newId(),
      baseVersion: this.version,
      data: this.snapshot.data,
      timeOnTaskDeltaMs: this.takeActiveTime(),
      submit,
      seq: this.changeSeq,
    });
  }

  /** The connection is back (browser "online" event): send the waiting save now, not after back-off. */
  retryNow() {
    if (!this.retry) return;
    const run = this.retry;
    this.retry = null;
    this.deps.clearTimer(this.retryTimer);
    run();
  }

  submit(after: () => void) {
    this.afterSubmit = after;
    this.flush(true);
  }

  resolveConflict(choice: "mine" | "theirs") {
    const state = this.snapshot.state;
    if (state.kind !== "conflict") return;
    this.version = state.serverVersion;
    if (choice === "theirs") {
      this.dirty = false;
      this.ackedSeq = this.changeSeq;
      this.deps.storage.removeItem(draftKey(this.assignmentId));
      this.set({ data: state.serverData, state: { kind: "saved" } });
      return;
    }
    this.dirty = true;
    this.set({ state: { kind: "dirty" } });
    this.persist();
    this.flush();
  }

  private async send(pending: Pending, attempt = 0): Promise<void> {
    this.inFlight = pending;
    this.set({ state: attempt ? { kind: "retrying", attempt, reason: this.retryReason() } : { kind: "saving" } });
    // Remember which save is on its way: if the tab dies before the answer, the next page load can
    // tell that the server's latest version is ours and rebase the newer edits on it.
    if (attempt === 0 && this.changeSeq > this.ackedSeq) this.persist();
    let response: Response;
    try {
      response = await this.deps.fetch(`/api/v1/assignments/${this.assignmentId}/annotation`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ clientMutationId: pending.clientMutationId, baseVersion: pending.baseVersion, data: pending.data, timeOnTaskDeltaMs: pending.timeOnTaskDeltaMs, submit: pending.submit }),
      });
    } catch {
      return this.retryLater(pending, attempt, this.deps.isOnline() ? { code: "unreachable" } : { code: "offline" });
    }
    if (response.status >= 500 || response.status === 401 || response.status === 408 || response.status === 429) {
      return this.retryLater(pending, attempt, response.status === 401 ? { code: "signedOut" } : { code: "serverError", status: response.status });
    }
    const result = await response.json().catch(() => null);
    this.inFlight = null;
    if (response.ok && result?.status === "saved") return this.onSaved(pending, result.version);
    if (result?.status === "conflict") {
      this.submitWhenIdle = false;
      this.set({ state: { kind: "conflict", serverVersion: result.serverVersion, serverData: withDocumentDefaults(result.serverData) } });
      return this.persist();
    }
    if (result?.status === "invalid") {
      // A refused submit saved nothing: keep the document as a draft and show why.
      this.set({ problems: result.problems });
      if (pending.submit) {
        this.dirty = true;
        this.set({ state: { kind: "dirty" } });
        return this.flush();
      }
      return this.set({ state: { kind: "locked", reason: { code: "invalid" } } });
    }
    const message: unknown = result?.message ?? result?.error;
    this.set({ state: { kind: "locked", reason: typeof message === "string" && message ? { code: "server", message } : { code: "refused", status: response.status } } });
  }

  private retryReason(): RetryReason {
    return this.snapshot.state.kind === "retrying" ? this.snapshot.state.reason : { code: "connection" };
  }

  private onSaved(pending: Pending, version: number) {
    this.version = version;
    this.ackedSeq = Math.max(this.ackedSeq, pending.seq);
    if (pending.submit) {
      this.deps.storage.removeItem(draftKey(this.assignmentId));
      this.set({ state: { kind: "submitted" } });
      this.afterSubmit?.();
      return;
    }
    if (this.submitWhenIdle) {
      this.submitWhenIdle = false;
      this.persist();
      return this.flush(true);
    }
    if (this.dirty) {
      this.persist();
      return this.flush();
    }
    this.deps.storage.removeItem(draftKey(this.assignmentId));
    this.set({ state: { kind: "saved" } });
  }

  private retryLater(pending: Pending, attempt: number, reason: RetryReason) {
    const next = attempt + 1;
    this.set({ state: { kind: "retrying", attempt: next, reason } });
    const delay = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
    this.retry = () => void this.send(pending, next);
    this.retryTimer = this.deps.setTimer(() => this.retryNow(), delay);
  }

  /** Pending work exists (unsaved edits, a save in flight or waiting to retry, an unresolved conflict). */
  hasPendingWork() {
    return this.dirty || this.inFlight !== null || this.snapshot.state.kind === "conflict";
  }
}
