"use client";
import type { SaveState } from "./use-autosave";

const TEXT: Record<SaveState["kind"], string> = {
  saved: "All changes saved",
  dirty: "Unsaved changes…",
  saving: "Saving…",
  retrying: "Not saved yet",
  conflict: "Conflict — choose a version",
  locked: "Read-only",
  submitted: "Submitted",
};

export function SaveStatus({ state }: { state: SaveState }) {
  const tone = state.kind === "saved" || state.kind === "submitted" ? "text-green-700" : state.kind === "retrying" || state.kind === "conflict" ? "text-amber-700" : "text-slate-600";
  return (
    <span className={`text-sm ${tone}`} data-testid="save-status" data-state={state.kind} aria-live="polite">
      {TEXT[state.kind]}
      {state.kind === "retrying" ? ` — ${state.message}; retrying (attempt ${state.attempt}). Your work is kept in this browser.` : ""}
      {state.kind === "locked" ? ` — ${state.message}` : ""}
    </span>
  );
}
