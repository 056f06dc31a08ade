"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { AnnotationData } from "@/lib/annotations/schema";
import type { RatingProblem } from "@/lib/annotations/check-ratings";

export type SaveState =
  | { kind: "saved" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "retrying"; attempt: number; message: string }
  | { kind: "conflict"; serverVersion: number; serverData: AnnotationData }
  | { kind: "locked"; message: string }
  | { kind: "submitted" };

type Pending = { clientMutationId: string; baseVersion: number; data: AnnotationData; timeOnTaskDeltaMs: number; submit: boolean };

const DEBOUNCE_MS = 700;
const draftKey = (id: string) => `consilium:draft:${id}`;

/**
 * Autosave with optimistic concurrency.
 * - Every change is written to localStorage first, so a reload or crash loses nothing; the draft
 *   is dropped once the server has it.
 * - A save carries the version it was based on and a client mutation id; a failed request is
 *   retried with the same id (the server treats a replay as a no-op), with back-off.
 * - A stale version comes back as a conflict and is shown; nothing is overwritten silently.
 */
export function useAutosave(opts: {
  assignmentId: string;
  initialVersion: number;
  initialData: AnnotationData;
  takeActiveTime: () => number;
}) {
  const { assignmentId, takeActiveTime } = opts;
  const [data, setData] = useState<AnnotationData>(opts.initialData);
  const [state, setState] = useState<SaveState>({ kind: "saved" });
  /** Why the last submit was refused (missing or invalid ratings); cleared by the next submit. */
  const [problems, setProblems] = useState<RatingProblem[]>([]);
  const version = useRef(opts.initialVersion);
  const latest = useRef(opts.initialData);
  const dirty = useRef(false);
  const inFlight = useRef<Pending | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const onSubmitted = useRef<(() => void) | null>(null);

  const send = useCallback(
    async (pending: Pending, attempt = 0): Promise<void> => {
      inFlight.current = pending;
      setState(attempt ? { kind: "retrying", attempt, message: "Connection problem" } : { kind: "saving" });
      let response: Response;
      try {
        response = await fetch(`/api/v1/assignments/${assignmentId}/annotation`, {
          method: "PUT",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(pending),
        });
      } catch {
        return retryLater(pending, attempt, navigator.onLine ? "Cannot reach the server" : "Offline");
      }
      if (response.status >= 500 || response.status === 401 || response.status === 408 || response.status === 429) {
        return retryLater(pending, attempt, response.status === 401 ? "Signed out — sign in again in another tab" : `Server error ${response.status}`);
      }
      const result = await response.json().catch(() => null);
      inFlight.current = null;
      if (response.ok && result?.status === "saved") {
        version.current = result.version;
        if (pending.submit) {
          localStorage.removeItem(draftKey(assignmentId));
          setState({ kind: "submitted" });
          onSubmitted.current?.();
          return;
        }
        if (dirty.current) return flush();
        localStorage.removeItem(draftKey(assignmentId));
        setState({ kind: "saved" });
        return;
      }
      if (result?.status === "conflict") return setState({ kind: "conflict", serverVersion: result.serverVersion, serverData: result.serverData });
      if (result?.status === "invalid") {
        setProblems(result.problems);
        // The refused submit saved nothing: save the same document as a draft instead.
        dirty.current = true;
        return flush();
      }
      if (result?.status === "locked") return setState({ kind: "locked", message: result.message });
      setState({ kind: "locked", message: result?.error ?? `The server refused the save (${response.status}).` });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [assignmentId],
  );

  function retryLater(pending: Pending, attempt: number, message: string) {
    const next = attempt + 1;
    setState({ kind: "retrying", attempt: next, message });
    const delay = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
    window.setTimeout(() => void send(pending, next), delay);
  }

  const flush = useCallback(
    (submit = false) => {
      window.clearTimeout(timer.current);
      if (inFlight.current) return; // the in-flight save will call flush() again when it ends
      if (submit) setProblems([]);
      else if (!dirty.current) return setState((s) => (s.kind === "saving" ? { kind: "saved" } : s));
      dirty.current = false;
      return send({
        clientMutationId: crypto.randomUUID(),
        baseVersion: version.current,
        data: latest.current,
        timeOnTaskDeltaMs: takeActiveTime(),
        submit,
      });
    },
    [send, takeActiveTime],
  );

  const update = useCallback(
    (next: AnnotationData) => {
      latest.current = next;
      dirty.current = true;
      setData(next);
      localStorage.setItem(draftKey(assignmentId), JSON.stringify({ baseVersion: version.current, data: next }));
      setState((s) => (s.kind === "conflict" || s.kind === "locked" ? s : { kind: "dirty" }));
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [assignmentId, flush],
  );

  // A draft left by a reload or crash, based on the version the server still has, is restored and saved.
  useEffect(() => {
    const raw = localStorage.getItem(draftKey(assignmentId));
    if (!raw) return;
    try {
      const draft = JSON.parse(raw) as { baseVersion: number; data: AnnotationData };
      if (draft.baseVersion === version.current && JSON.stringify(draft.data) !== JSON.stringify(latest.current)) update(draft.data);
      else if (draft.baseVersion !== version.current) localStorage.removeItem(draftKey(assignmentId));
    } catch {
      localStorage.removeItem(draftKey(assignmentId));
    }
  }, [assignmentId, update]);

  // Saving on the way out: flush what is pending when the tab is hidden.
  useEffect(() => {
    const onHide = () => { if (document.visibilityState === "hidden" && dirty.current) void flush(); };
    document.addEventListener("visibilitychange", onHide);
    return () => document.removeEventListener("visibilitychange", onHide);
  }, [flush]);

  const resolveConflict = useCallback(
    (choice: "mine" | "theirs") => {
      setState((s) => {
        if (s.kind !== "conflict") return s;
        version.current = s.serverVersion;
        if (choice === "theirs") {
          latest.current = s.serverData;
          setData(s.serverData);
          localStorage.removeItem(draftKey(assignmentId));
          return { kind: "saved" };
        }
        dirty.current = true;
        window.setTimeout(() => void flush(), 0);
        return { kind: "dirty" };
      });
    },
    [assignmentId, flush],
  );

  const submit = useCallback(
    (after: () => void) => {
      onSubmitted.current = after;
      if (inFlight.current) {
        // Submit right after the running save settles.
        const wait = window.setInterval(() => {
          if (!inFlight.current) { window.clearInterval(wait); void flush(true); }
        }, 100);
        return;
      }
      void flush(true);
    },
    [flush],
  );

  return { data, update, state, problems, submit, resolveConflict };
}
