"use client";
import { useEffect, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { RevisionEntry } from "@/lib/annotations/list-revisions";
import { cardClass } from "@/components/ui/styles";

/** The reviewer's own saves of this item, newest first, each with what changed (loaded on demand). */
/** `refreshKey` changes when a save completes, so the list reloads. */
export function RevisionHistory({ assignmentId, refreshKey }: { assignmentId: string; refreshKey: string }) {
  const t = useTranslations("review.history");
  const format = useFormatter();
  // error: the server's status, or the browser's own message when the request failed.
  const [state, setState] = useState<{ revisions: RevisionEntry[] | null; error: { status: number } | { message: string } | null }>({ revisions: null, error: null });
  useEffect(() => {
    let live = true;
    fetch(`/api/v1/assignments/${assignmentId}/revisions`)
      .then(async (r) => (r.ok ? r.json() : Promise.reject(r.status)))
      .then((body: { revisions: RevisionEntry[] }) => live && setState({ revisions: body.revisions, error: null }))
      .catch((e: unknown) => live && setState({ revisions: null, error: typeof e === "number" ? { status: e } : { message: e instanceof Error ? e.message : String(e) } }));
    return () => {
      live = false;
    };
  }, [assignmentId, refreshKey]);
  return (
    <section className={cardClass} aria-label={t("label")} data-testid="revision-history">
      <h2 className="mb-2 font-semibold">{t("heading")}</h2>
      {state.error ? <p className="text-sm text-red-700">{"status" in state.error ? t("serverAnswered", { status: String(state.error.status) }) : state.error.message}</p> : null}
      {!state.revisions && !state.error ? <p className="text-sm text-slate-600">{t("loading")}</p> : null}
      {state.revisions?.length === 0 ? <p className="text-sm text-slate-600">{t("empty")}</p> : null}
      <ol className="max-h-80 space-y-2 overflow-auto text-sm">
        {state.revisions?.map((r) => (
          <li key={r.version} className="border-s-2 border-slate-200 ps-2" data-testid="revision">
            <p className="font-medium">
              {t("version", { version: String(r.version) })} · <time dateTime={r.savedAt}>{format.dateTime(new Date(r.savedAt), { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "2-digit", second: "2-digit" })}</time>
              {r.isSubmit ? <span className="ms-2 rounded bg-green-100 px-1 text-xs text-green-800">{t("submitted")}</span> : null}
            </p>
            <ul className="text-xs text-slate-700">
              {/* The changes are lib's sentences (lib/annotations/list-revisions.ts), in English. */}
              {r.changes.length ? r.changes.slice(0, 20).map((c, i) => <li key={i}>{c}</li>) : <li>{t("noChange")}</li>}
              {r.changes.length > 20 ? <li>{t("more", { count: r.changes.length - 20 })}</li> : null}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
