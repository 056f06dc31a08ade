"use client";
import { useTranslations } from "next-intl";
import type { LockReason, RetryReason } from "./annotation-saver";
import type { SaveState } from "./use-autosave";

/** "Saved / saving / offline — N changes pending": always visible at the top of the review page. */
export function SaveStatus({ state, pendingChanges }: { state: SaveState; pendingChanges: number }) {
  const t = useTranslations("review.save");
  const tone = state.kind === "saved" || state.kind === "submitted" ? "text-green-700" : state.kind === "retrying" || state.kind === "conflict" ? "text-amber-800" : "text-slate-600";
  const retry = (r: RetryReason) => (r.code === "serverError" ? t("retry.serverError", { status: String(r.status) }) : t(`retry.${r.code}`));
  const lock = (r: LockReason) => (r.code === "server" ? r.message : r.code === "refused" ? t("locked.refused", { status: String(r.status) }) : t("locked.invalid"));
  let text: string;
  switch (state.kind) {
    case "saved":
      text = t("saved");
      break;
    case "dirty":
    case "saving":
      text = t("saving", { count: Math.max(pendingChanges, 1) });
      break;
    case "retrying":
      text = t("retrying", { reason: retry(state.reason), count: pendingChanges, attempt: String(state.attempt) });
      break;
    case "conflict":
      text = t("conflict");
      break;
    case "locked":
      text = t("readOnly", { reason: lock(state.reason) });
      break;
    case "submitted":
      text = t("submitted");
      break;
  }
  return (
    <span className={`text-sm ${tone}`} data-testid="save-status" data-state={state.kind} data-pending={pendingChanges} role="status" aria-live="polite">
      {text}
    </span>
  );
}
