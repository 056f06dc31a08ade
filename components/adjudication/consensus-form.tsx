"use client";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useState } from "react";
import { saveConsensusAction } from "@/app/projects/adjudication-actions";
import { FormStatus } from "@/components/ui/form-status";
import { buttonClass, inputClass, secondaryButtonClass } from "@/components/ui/styles";
import type { ReviewAxis } from "@/lib/assignments/load-for-review";

type Answers = {
  responses: Record<string, Record<string, unknown>>; item: Record<string, unknown>; pair: Record<string, unknown>; criteria: Record<string, Record<string, boolean | null>>;
  /** Every pair compared, "<id>~<id>" in import order (decision 035); per-turn values (decision 033). */
  pairs?: Record<string, Record<string, unknown>>; turns?: Record<string, Record<string, Record<string, unknown>>>;
};
type Block = { ratings: Record<string, unknown>; comments: Record<string, string> };
type PairDoc = Block & { strength: Record<string, unknown> };
type Doc = {
  responses: Record<string, Block & { criteria?: Record<string, { met: boolean | null }> }>; item: Block; pair: PairDoc; overallComment: string;
  morePairs?: Record<string, PairDoc>; turns?: Record<string, Record<string, Block>>;
};
type Row = { id: string; label: string; disputed: boolean; choices: Array<{ value: unknown; label: string }>; multi?: boolean; text?: boolean; get: (a: Answers) => unknown; read: (d: Doc) => unknown; write: (d: Doc, v: unknown) => void };

const enc = (v: unknown) => (v === undefined ? "" : JSON.stringify(v));
const dec = (s: string) => (s === "" ? undefined : (JSON.parse(s) as unknown));
const clone = (d: Doc): Doc => JSON.parse(JSON.stringify(d));

function docFromAnswers(a: Answers, firstPair: string): Doc {
  const responses: Doc["responses"] = {};
  for (const [id, ratings] of Object.entries(a.responses)) responses[id] = { ratings: { ...ratings }, comments: {} };
  for (const [id, marks] of Object.entries(a.criteria)) {
    if (!Object.keys(marks).length) continue;
    responses[id] ??= { ratings: {}, comments: {} };
    responses[id].criteria = Object.fromEntries(Object.entries(marks).map(([c, met]) => [c, { met }]));
  }
  const pairs = Object.entries(a.pairs ?? {});
  const morePairs = Object.fromEntries(pairs.filter(([k]) => k !== firstPair).map(([k, ratings]) => [k, { ratings: { ...ratings }, comments: {}, strength: {} }]));
  const turns = Object.fromEntries(Object.entries(a.turns ?? {}).map(([id, byTurn]) => [id, Object.fromEntries(Object.entries(byTurn).map(([t, ratings]) => [t, { ratings: { ...ratings }, comments: {} }]))]));
  const first = pairs.length ? (a.pairs?.[firstPair] ?? {}) : a.pair;
  return { responses, item: { ratings: { ...a.item }, comments: {} }, pair: { ratings: { ...first }, comments: {}, strength: {} }, overallComment: "", ...(pairs.length > 1 ? { morePairs } : {}), ...(Object.keys(turns).length ? { turns } : {}) };
}

function setIn(target: Record<string, unknown>, key: string, v: unknown) {
  if (v === undefined) delete target[key];
  else target[key] = v;
}

/**
 * The consensus: one row per axis and target (disputed rows first and marked), each reviewer's answer
 * beside a choice for the consensus, started from the merge, a reviewer's answers or the saved
 * consensus. Saved as a draft or as decided; a newer version saved by someone else is shown, not overwritten.
 */
export function ConsensusForm(props: {
  slug: string; itemId: string; axes: ReviewAxis[]; responses: Array<{ id: string; label: string }>; criteria: Array<{ id: string; text: string }>;
  reviewers: Array<{ label: string; answers: Answers }>; disputed: string[]; merged: Doc; consensus: { data: Doc; version: number; decided: boolean; by: string } | null;
}) {
  const [doc, setDoc] = useState<Doc>(props.consensus?.data ?? props.merged);
  const [base, setBase] = useState(props.consensus?.version ?? 0);
  const [basis, setBasis] = useState<"merge" | "reviewer" | "previous">(props.consensus ? "previous" : "merge");
  const [state, action, pending] = useActionState(saveConsensusAction, null);
  const t = useTranslations("adjudication.form");
  const disputed = new Set(props.disputed);
  // Follow each save's answer during render (not in an effect): the new base version, or on a
  // conflict the version someone else saved, shown instead of the local edits.
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) {
      setBase(state.data.version);
      if (state.data.status === "conflict") setDoc(state.data.data as unknown as Doc);
    }
  }

  const label = (id: string) => props.responses.find((r) => r.id === id)?.label ?? "?";
  const firstPair = props.responses.length >= 2 ? `${props.responses[0].id}~${props.responses[1].id}` : "";
  const rows: Row[] = [];
  for (const axis of props.axes) {
    const choices = [
      ...(axis.type === "BOOLEAN" ? [{ value: true, label: t("choices.yes") }, { value: false, label: t("choices.no") }] : axis.options.map((o) => ({ value: o.value, label: o.label }))),
      ...(axis.allowsNotApplicable ? [{ value: "na", label: t("choices.na") }] : []),
    ];
    const multi = axis.type === "CHOICE" && (axis.max ?? 1) > 1;
    const text = axis.type === "TEXT";
    if (axis.appliesTo === "RESPONSE") {
      for (const r of props.responses) {
        rows.push({
          id: `r:${r.id}:${axis.key}`, label: t("rows.response", { response: r.label, axis: axis.label }), disputed: disputed.has(`response:${r.id}:${axis.key}`), choices, multi, text,
          get: (a) => a.responses[r.id]?.[axis.key], read: (d) => d.responses[r.id]?.ratings[axis.key],
          write: (d, v) => { d.responses[r.id] ??= { ratings: {}, comments: {} }; setIn(d.responses[r.id].ratings, axis.key, v); },
        });
      }
    } else if (axis.appliesTo === "ITEM") {
      rows.push({ id: `i:${axis.key}`, label: t("rows.item", { axis: axis.label }), disputed: disputed.has(`item::${axis.key}`), choices, multi, text, get: (a) => a.item[axis.key], read: (d) => d.item.ratings[axis.key], write: (d, v) => setIn(d.item.ratings, axis.key, v) });
    } else if (axis.appliesTo === "PAIR") {
      const keys = [...new Set(props.reviewers.flatMap((r) => Object.keys(r.answers.pairs ?? {})))].sort((x, y) => Number(y === firstPair) - Number(x === firstPair));
      if (!keys.length || keys[0] === firstPair) {
        const pairChoices = [...props.responses.map((r) => ({ value: r.id, label: t("choices.response", { label: r.label }) })), { value: "tie", label: t("choices.tie") }];
        rows.push({ id: `p:${axis.key}`, label: t("rows.pair", { axis: axis.label }), disputed: disputed.has(`pair::${axis.key}`), choices: pairChoices, get: (a) => a.pairs?.[firstPair]?.[axis.key] ?? a.pair[axis.key], read: (d) => d.pair.ratings[axis.key], write: (d, v) => setIn(d.pair.ratings, axis.key, v) });
      }
      // Every other pair compared (decision 035): its two responses or a tie.
      for (const key of keys.filter((k) => k !== firstPair)) {
        const [l, r] = key.split("~");
        rows.push({
          id: `p:${key}:${axis.key}`, label: t("rows.otherPair", { first: label(l), second: label(r), axis: axis.label }), disputed: disputed.has(`pair:${key}:${axis.key}`),
          choices: [{ value: l, label: t("choices.response", { label: label(l) }) }, { value: "tie", label: t("choices.tie") }, { value: r, label: t("choices.response", { label: label(r) }) }],
          get: (a) => a.pairs?.[key]?.[axis.key], read: (d) => d.morePairs?.[key]?.ratings[axis.key],
          write: (d, v) => { d.morePairs ??= {}; d.morePairs[key] ??= { ratings: {}, comments: {}, strength: {} }; setIn(d.morePairs[key].ratings, axis.key, v); },
        });
      }
    } else if (axis.appliesTo === "TURN") {
      // Each AI turn any reviewer rated (decision 033).
      for (const r of props.responses) {
        const positions = [...new Set(props.reviewers.flatMap((rev) => Object.keys(rev.answers.turns?.[r.id] ?? {})))].sort((x, y) => Number(x) - Number(y));
        for (const turn of positions) {
          rows.push({
            id: `t:${r.id}:${turn}:${axis.key}`, label: t("rows.turn", { response: r.label, turn: String(Number(turn) + 1), axis: axis.label }), disputed: disputed.has(`turn:${r.id}:${turn}:${axis.key}`), choices, multi, text,
            get: (a) => a.turns?.[r.id]?.[turn]?.[axis.key], read: (d) => d.turns?.[r.id]?.[turn]?.ratings[axis.key],
            write: (d, v) => { d.turns ??= {}; d.turns[r.id] ??= {}; d.turns[r.id][turn] ??= { ratings: {}, comments: {} }; setIn(d.turns[r.id][turn].ratings, axis.key, v); },
          });
        }
      }
    }
    // Ranking and best–worst axes are read in the reviewers' annotations, not adjudicated here.
  }
  for (const c of props.criteria) {
    for (const r of props.responses) {
      if (!props.reviewers.some((rev) => rev.answers.criteria[r.id]?.[c.id] !== undefined)) continue;
      rows.push({
        id: `c:${r.id}:${c.id}`, label: t("rows.criterion", { response: r.label, criterion: c.text }), disputed: disputed.has(`criterion:${r.id}:${c.id}`), choices: [{ value: true, label: t("choices.met") }, { value: false, label: t("choices.notMet") }],
        get: (a) => a.criteria[r.id]?.[c.id] ?? undefined, read: (d) => d.responses[r.id]?.criteria?.[c.id]?.met ?? undefined,
        write: (d, v) => {
          d.responses[r.id] ??= { ratings: {}, comments: {} };
          const marks = { ...(d.responses[r.id].criteria ?? {}) };
          if (v === undefined) delete marks[c.id];
          else marks[c.id] = { met: v as boolean };
          d.responses[r.id].criteria = marks;
        },
      });
    }
  }
  rows.sort((a, b) => Number(b.disputed) - Number(a.disputed));
  const show = (row: Row, v: unknown) => {
    if (v === undefined || v === null || v === "") return "—";
    const one = (x: unknown) => row.choices.find((c) => enc(c.value) === enc(x))?.label ?? (typeof x === "string" && props.responses.some((r) => r.id === x) ? t("choices.response", { label: label(x) }) : String(x));
    return Array.isArray(v) ? v.map(one).join("; ") : one(v);
  };
  const change = (row: Row, v: unknown) => setDoc((d) => { const next = clone(d); row.write(next, v); return next; });
  const save = (decide: boolean) => {
    const data = new FormData();
    for (const [k, v] of Object.entries({ slug: props.slug, itemId: props.itemId, baseVersion: String(base), document: JSON.stringify(doc), decide: String(decide), basis })) data.set(k, v);
    startTransition(() => action(data));
  };

  return (
    <div className="space-y-3" data-testid="consensus-form">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600">{t("startFrom")}</span>
        <button type="button" className={secondaryButtonClass} onClick={() => { setDoc(clone(props.merged)); setBasis("merge"); }}>{t("merge")}</button>
        {props.reviewers.map((r) => (
          <button key={r.label} type="button" className={secondaryButtonClass} onClick={() => { setDoc(docFromAnswers(r.answers, firstPair)); setBasis("reviewer"); }}>{t("reviewerAnswers", { reviewer: r.label })}</button>
        ))}
      </div>
      <div className="overflow-x-auto" tabIndex={0}>
        <table className="text-start text-sm [&_td]:border-t [&_td]:border-slate-100 [&_td]:py-1 [&_td]:pe-4 [&_th]:pe-4" data-testid="consensus-table">
          <thead className="text-slate-500">
            <tr><th>{t("axis")}</th>{props.reviewers.map((r) => <th key={r.label}>{r.label}</th>)}<th>{t("consensus")}</th></tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className={row.disputed ? "bg-amber-50" : ""} data-disputed={row.disputed || undefined}>
                <td>{row.disputed ? <span className="me-1 rounded bg-amber-200 px-1 text-xs text-amber-900">{t("disagree")}</span> : null}{row.label}</td>
                {props.reviewers.map((r) => <td key={r.label}>{show(row, row.get(r.answers))}</td>)}
                <td>
                  {row.text ? (
                    <input className={inputClass} value={String(row.read(doc) ?? "")} onChange={(e) => change(row, e.target.value || undefined)} aria-label={t("consensusFor", { row: row.label })} />
                  ) : row.multi ? (
                    <select multiple className={inputClass} value={((row.read(doc) as unknown[]) ?? []).map(enc)} onChange={(e) => change(row, [...e.target.selectedOptions].map((o) => dec(o.value)))} aria-label={t("consensusFor", { row: row.label })}>
                      {row.choices.map((c) => <option key={enc(c.value)} value={enc(c.value)}>{c.label}</option>)}
                    </select>
                  ) : (
                    <select className={inputClass} value={enc(row.read(doc))} onChange={(e) => change(row, dec(e.target.value))} aria-label={t("consensusFor", { row: row.label })}>
                      <option value="">—</option>
                      {row.choices.map((c) => <option key={enc(c.value)} value={enc(c.value)}>{c.label}</option>)}
                    </select>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <label className="block text-sm">
        {t("note")}
        <textarea className={inputClass} rows={2} value={doc.overallComment} onChange={(e) => setDoc({ ...doc, overallComment: e.target.value })} />
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => save(false)}>{t("saveDraft")}</button>
        <button type="button" className={buttonClass} disabled={pending} onClick={() => save(true)}>{t("saveDecided")}</button>
        <span className="text-xs text-slate-500" data-testid="consensus-version">{base ? t("version", { version: String(base) }) : t("notSaved")}</span>
      </div>
      <FormStatus state={state} />
    </div>
  );
}
