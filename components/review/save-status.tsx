"use client";
import type { SaveState } from "./use-autosave";

function changes(n: number) {
  return `${n} change${n === 1 ? "" : "s"}`;
}

/** "Saved / saving / offline — N changes pending": always visible at the top of the review page. */
export function SaveStatus({ state, pendingChanges }: { state: SaveState; pendingChanges: number }) {
  const tone = state.kind === "saved" || state.kind === "submitted" ? "text-green-700" : state.kind === "retrying" || state.kind === "conflict" ? "text-amber-800" : "text-slate-600";
  let text: string;
  switch (state.kind) {
    case "saved":
      text = "All changes saved";
      break;
    case "dirty":
    case "saving":
      text = `Saving ${changes(Math.max(pendingChanges, 1))}…`;
      break;
    case "retrying":
      text = `${state.message} — ${changes(pendingChanges)} pending. Kept in this browser; retrying (attempt ${state.attempt}).`;
      break;
    case "conflict":
      text = "Conflict — choose a version";
      break;
    case "locked":
      text = `Read-only — ${state.message}`;
      break;
    case "submitted":
      text = "Submitted";
      break;
  }
  return (
    <span className={`text-sm ${tone}`} data-testid="save-status" data-state={state.kind} data-pending={pendingChanges} role="status" aria-live="polite">
      {text}
    </span>
  );
}
