"use client";
import { useEffect, useState, useSyncExternalStore } from "react";
import type { AnnotationData } from "@/lib/annotations/schema";
import { AnnotationSaver, type ServerAnnotation } from "./annotation-saver";

export type { SaveState } from "./annotation-saver";

/** Binds one AnnotationSaver (the autosave engine) to the review form. */
export function useAutosave(opts: { assignmentId: string; server: ServerAnnotation; takeActiveTime: () => number }) {
  const [saver] = useState(
    () =>
      new AnnotationSaver(opts.assignmentId, opts.server, opts.takeActiveTime, {
        fetch: (...args) => fetch(...args),
        // Reached lazily: this initializer also runs during server rendering, where there is no window.
        storage: {
          getItem: (k) => window.localStorage.getItem(k),
          setItem: (k, v) => window.localStorage.setItem(k, v),
          removeItem: (k) => window.localStorage.removeItem(k),
        },
        setTimer: (fn, ms) => window.setTimeout(fn, ms),
        clearTimer: (h) => window.clearTimeout(h as number),
        newId: () => crypto.randomUUID(),
        isOnline: () => navigator.onLine,
      }),
  );
  const snapshot = useSyncExternalStore(saver.subscribe, saver.getSnapshot, saver.getSnapshot);

  useEffect(() => {
    saver.restoreDraft();
    // Send pending edits when the tab is hidden; warn before closing with unsaved work.
    const onHide = () => { if (document.visibilityState === "hidden") saver.flush(); };
    const onOnline = () => saver.retryNow();
    window.addEventListener("online", onOnline);
    const onUnload = (e: BeforeUnloadEvent) => { if (saver.hasPendingWork()) e.preventDefault(); };
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("beforeunload", onUnload);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("beforeunload", onUnload);
      window.removeEventListener("online", onOnline);
    };
  }, [saver]);

  return {
    ...snapshot,
    update: (data: AnnotationData) => saver.update(data),
    submit: (after: () => void) => saver.submit(after),
    resolveConflict: (choice: "mine" | "theirs") => saver.resolveConflict(choice),
  };
}
