"use client";
import { useEffect, useState } from "react";
import type { RevisionEntry } from "@/lib/annotations/list-revisions";
import { cardClass } from "@/components/ui/styles";

/** The reviewer's own saves of this item, newest first, each with what changed (loaded on demand). */
/** `refreshKey` changes when a save completes, so the list reloads. */
export function RevisionHistory({ assignmentId, refreshKey }: { assignmentId: string; refreshKey: string }) {
  const [state, setState] = useState<{ revisions: RevisionEntry[] | null; error: string | null }>({ revisions: null, error: null });
  useEffect(() => {
    let live = true;
    fetch(`/api/v1/assignments/${assignmentId}/revisions`)
      .then(async (r) => (r.ok ? r.json() : Promise.reject(new Error(`The server answered ${r.status}.`))))
      .then((body: { revisions: RevisionEntry[] }) => live && setState({ revisions: body.revisions, error: null }))
      .catch((e: Error) => live && setState({ revisions: null, error: e.message }));
    return () => {
      live = false;
    };
  }, [assignmentId, refreshKey]);
  return (
    <section className={cardClass} aria-label="Revision history" data-testid="revision-history">
      <h2 className="mb-2 font-semibold">My revision history</h2>
      {state.error ? <p className="text-sm text-red-700">{state.error}</p> : null}
      {!state.revisions && !state.error ? <p className="text-sm text-slate-600">Loading…</p> : null}
      {state.revisions?.length === 0 ? <p className="text-sm text-slate-600">Nothing saved yet.</p> : null}
      <ol className="max-h-80 space-y-2 overflow-auto text-sm">
        {state.revisions?.map((r) => (
          <li key={r.version} className="border-s-2 border-slate-200 ps-2" data-testid="revision">
            <p className="font-medium">
              Version {r.version} · <time dateTime={r.savedAt}>{new Date(r.savedAt).toLocaleString()}</time>
              {r.isSubmit ? <span className="ms-2 rounded bg-green-100 px-1 text-xs text-green-800">submitted</span> : null}
            </p>
            <ul className="text-xs text-slate-700">
              {r.changes.length ? r.changes.slice(0, 20).map((c, i) => <li key={i}>{c}</li>) : <li>No change in values.</li>}
              {r.changes.length > 20 ? <li>… and {r.changes.length - 20} more</li> : null}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
