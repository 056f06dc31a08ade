"use client";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { textDirection } from "@/lib/i18n/locales";
import type { ReviewAxis, ReviewResponse } from "@/lib/assignments/load-for-review";
import type { BestWorst, RankingBlock, RankingTiers } from "@/lib/tools/ranking/schema";
import { moveResponse, placeBefore, ranksOf, tiersFromOrder, toggleTieWithPrevious } from "@/lib/tools/ranking/tiers";
import { cardClass } from "@/components/ui/styles";

// The ranking tool's panel (decision 029): per ranking axis, the item's responses as a list the
// reviewer orders by dragging, with the buttons on each row, or from the keyboard (Alt+↑ / Alt+↓
// move, = ties with the one above, a digit places at that position, O keeps the shown order, ↑ / ↓ go between rows). What is
// stored is Response.ids in tiers, never screen positions; until the reviewer acts the list shows the
// screen order, marked as not ranked yet.

const EMPTY: RankingBlock = { tiers: {}, bestWorst: {}, comments: {} };

/** The answer's opening words, to recognise it in the list (the full text is in its card above). */
const snippetOf = (html: string) => html.replace(/<[^>]*>/g, " ").replace(/&nbsp;/g, " ").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, " ").trim().slice(0, 140);

export function RankingPanel({ axes, responses, block, problemAt, onChange, language }: {
  axes: ReviewAxis[];
  responses: ReviewResponse[];
  block: RankingBlock | undefined;
  problemAt: Map<string, string>;
  onChange: (block: RankingBlock) => void;
  /** The item's language: the direction of the answers' opening words. */
  language?: string | null;
}) {
  const t = useTranslations("tools.ranking");
  const dir = textDirection(language);
  const current = block ?? EMPTY;
  const ranks = axes.some((a) => a.appliesTo === "RANKING");
  const setComment = (key: string) => (text: string) => onChange({ ...current, comments: { ...current.comments, [key]: text } });
  return (
    <section className={cardClass} aria-label={t("label")} data-testid="ranking">
      <h2 className="mb-1 font-semibold">{ranks ? t("headingRank", { count: responses.length }) : t("headingBestWorst", { count: responses.length })}</h2>
      {ranks ? (
        <p className="mb-3 text-xs text-slate-600">
          {t("help")}
        </p>
      ) : null}
      <div className="space-y-4">
        {axes.map((axis) => axis.appliesTo === "BEST_WORST" ? (
          <BestWorstAxis key={axis.key} axis={axis} responses={responses} dir={dir} pick={current.bestWorst?.[axis.key] ?? {}} comment={current.comments[axis.key] ?? ""} problem={problemAt.get(`ranking.bestWorst.${axis.key}`)}
            onPick={(pick) => onChange({ ...current, bestWorst: { ...(current.bestWorst ?? {}), [axis.key]: pick } })} onComment={setComment(axis.key)} />
        ) : (
          <RankingAxis key={axis.key} axis={axis} responses={responses} dir={dir} tiers={current.tiers[axis.key]} comment={current.comments[axis.key] ?? ""} problem={problemAt.get(`ranking.tiers.${axis.key}`)}
            onTiers={(tiers) => onChange({ ...current, tiers: { ...current.tiers, [axis.key]: tiers } })}
            onComment={setComment(axis.key)} />
        ))}
      </div>
    </section>
  );
}

/** Under each ranking or best–worst axis: the server's problem, if any, and the axis comment (C opens it). */
function ProblemAndComment({ label, problem, comment, onComment }: { label: string; problem: string | undefined; comment: string; onComment: (text: string) => void }) {
  const t = useTranslations("tools.ranking");
  return (
    <>
      {problem ? <p className="mt-1 text-sm text-red-700" role="alert">{problem}</p> : null}
      <details data-comment className="mt-1 text-sm">
        <summary className="cursor-pointer text-xs text-slate-600">{t("comment")}{comment ? " (1)" : ""}</summary>
        <textarea className="mt-1 w-full rounded border border-slate-300 p-1 text-sm" rows={2} value={comment} maxLength={10_000} aria-label={t("commentLabel", { axis: label })} onChange={(e) => onComment(e.target.value)} />
      </details>
    </>
  );
}

/**
 * Best–worst scaling (decision 032): two radio groups over the responses shown, the best and the worst;
 * choosing a response as one clears it from the other. Native radios: arrow keys move the choice.
 */
function BestWorstAxis({ axis, responses, pick, comment, problem, onPick, onComment, dir }: {
  axis: ReviewAxis;
  responses: ReviewResponse[];
  pick: BestWorst;
  comment: string;
  problem: string | undefined;
  onPick: (pick: BestWorst) => void;
  onComment: (text: string) => void;
  dir: "ltr" | "rtl" | "auto";
}) {
  const t = useTranslations("tools.ranking");
  const choose = (which: "best" | "worst", id: string) => {
    const other = which === "best" ? "worst" : "best";
    onPick({ ...pick, [which]: id, ...(pick[other] === id ? { [other]: undefined } : {}) });
  };
  return (
    <div data-nav="best-worst" tabIndex={-1} className="rounded-md p-2 outline-none focus-visible:ring-2 focus-visible:ring-blue-500" data-testid={`best-worst-${axis.key}`}>
      <h3 className="text-sm font-medium">{axis.label}</h3>
      {axis.help ? <p className="mb-1 text-xs text-slate-600">{axis.help}</p> : null}
      <div className="mt-1 grid gap-2 sm:grid-cols-2">
        {(["best", "worst"] as const).map((which) => (
          <fieldset key={which} className="rounded border border-slate-200 p-2">
            <legend className="px-1 text-xs font-medium">{which === "best" ? t("best") : t("worst")}</legend>
            {responses.map((r) => (
              <label key={r.id} className={`flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm has-[input:focus-visible]:ring-2 has-[input:focus-visible]:ring-blue-500 ${pick[which] === r.id ? (which === "best" ? "bg-green-50" : "bg-red-50") : ""}`}>
                <input type="radio" name={`bw-${axis.key}-${which}`} checked={pick[which] === r.id} onChange={() => choose(which, r.id)} />
                <span className="font-medium">{r.displayLabel}</span>
                <span className="truncate text-xs text-slate-500" dir={dir}>{snippetOf(r.contentHtml)}</span>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      <ProblemAndComment label={axis.label} problem={problem} comment={comment} onComment={onComment} />
    </div>
  );
}

function RankingAxis({ axis, responses, tiers, comment, problem, onTiers, onComment, dir }: {
  axis: ReviewAxis;
  responses: ReviewResponse[];
  tiers: RankingTiers | undefined;
  comment: string;
  problem: string | undefined;
  onTiers: (tiers: RankingTiers) => void;
  onComment: (text: string) => void;
  dir: "ltr" | "rtl" | "auto";
}) {
  const t = useTranslations("tools.ranking");
  const byId = new Map(responses.map((r) => [r.id, r]));
  const ranked = Boolean(tiers?.length);
  // A draft may have placed only some responses (or the item gained one): the rest follow, unranked.
  const placed = (tiers ?? []).map((t) => t.filter((id) => byId.has(id))).filter((t) => t.length);
  const missing = responses.filter((r) => !placed.some((t) => t.includes(r.id))).map((r) => r.id);
  const shown: RankingTiers = [...placed, ...tiersFromOrder(missing)];
  const ranks = ranksOf(shown);
  const rows = shown.flatMap((tier, t) => tier.map((id, i) => ({ id, tiedWithPrevious: i > 0, tier: t })));
  const first = axis.polarity === "CHOSEN_IS_WORSE" ? "worst" : "best";
  const [focusId, setFocusId] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const rowRefs = useRef(new Map<string, HTMLLIElement>());
  useEffect(() => {
    if (focusId) rowRefs.current.get(focusId)?.focus();
  }, [focusId, tiers]);

  const change = (next: RankingTiers, keepFocus: string) => {
    onTiers(next);
    setFocusId(keepFocus);
  };
  const onRowKey = (e: React.KeyboardEvent, id: string, index: number) => {
    const plain = !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey;
    if (e.altKey && (e.key === "ArrowUp" || e.key === "ArrowDown")) {
      e.preventDefault();
      return change(moveResponse(shown, id, e.key === "ArrowUp" ? -1 : 1), id);
    }
    if (plain && (e.key === "ArrowUp" || e.key === "ArrowDown")) {
      const next = rows[index + (e.key === "ArrowUp" ? -1 : 1)];
      // At either end the page's own keys take over (the previous or next block).
      if (!next) return;
      e.preventDefault();
      return setFocusId(next.id);
    }
    if (plain && e.key === "=") {
      e.preventDefault();
      return change(toggleTieWithPrevious(shown, id), id);
    }
    if (plain && /^[1-8]$/.test(e.key) && Number(e.key) <= rows.length) {
      e.preventDefault();
      const others = rows.filter((r) => r.id !== id);
      const before = others[Number(e.key) - 1]?.id ?? null;
      return change(placeBefore(shown, id, before), id);
    }
    if (plain && (e.key === "o" || e.key === "O") && !ranked) {
      e.preventDefault();
      return change(shown, id);
    }
  };

  return (
    <div data-nav="ranking" tabIndex={-1} className="rounded-md p-2 outline-none focus-visible:ring-2 focus-visible:ring-blue-500" data-testid={`ranking-${axis.key}`}
      onFocus={(e) => { if (e.target === e.currentTarget) rowRefs.current.get(rows[0]?.id)?.focus(); }}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-sm font-medium" id={`ranking-${axis.key}-label`}>{axis.label} <span className="font-normal text-slate-600">{first === "best" ? t("bestFirst") : t("worstFirst")}</span></h3>
        {ranked ? <span className="text-xs text-green-800">{t("ranked")}</span> : (
          <button type="button" className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50" onClick={() => onTiers(shown)} data-testid={`ranking-${axis.key}-keep`}>{t("keep")}</button>
        )}
      </div>
      {axis.help ? <p className="mb-1 text-xs text-slate-600">{axis.help}</p> : null}
      <ol className="mt-1 space-y-1" aria-labelledby={`ranking-${axis.key}-label`}
        onDragOver={(e) => { if (dragging) e.preventDefault(); }}
        onDrop={(e) => { e.preventDefault(); if (dragging && e.target === e.currentTarget) change(placeBefore(shown, dragging, null), dragging); setDragging(null); }}>
        {rows.map((row, index) => {
          const r = byId.get(row.id)!;
          return (
            <li key={row.id} ref={(el) => { if (el) rowRefs.current.set(row.id, el); else rowRefs.current.delete(row.id); }}
              tabIndex={0} draggable data-response={row.id} data-testid={`ranking-${axis.key}-row`}
              aria-label={t("rowLabel", { response: r.displayLabel, ranked: ranked ? "yes" : "no", rank: ranks.get(row.id) ?? 0, tied: row.tiedWithPrevious ? "yes" : "no" })}
              className={`flex items-center gap-2 rounded border px-2 py-1 text-sm outline-none focus-visible:ring-2 focus-visible:ring-blue-500 ${ranked ? "border-slate-300 bg-white" : "border-dashed border-slate-300 bg-slate-50 text-slate-600"} ${row.tiedWithPrevious ? "ms-6" : ""} ${dragging === row.id ? "opacity-50" : ""}`}
              onKeyDown={(e) => onRowKey(e, row.id, index)}
              onDragStart={(e) => { e.dataTransfer.effectAllowed = "move"; e.dataTransfer.setData("text/plain", row.id); setDragging(row.id); }}
              onDragEnd={() => setDragging(null)}
              onDragOver={(e) => { if (dragging) e.preventDefault(); }}
              onDrop={(e) => { e.preventDefault(); e.stopPropagation(); if (dragging && dragging !== row.id) change(placeBefore(shown, dragging, row.id), dragging); setDragging(null); }}>
              <span className="w-8 shrink-0 text-end font-mono tabular-nums" aria-hidden>{ranked ? `${ranks.get(row.id)}.` : "–"}</span>
              {row.tiedWithPrevious ? <span className="rounded bg-amber-100 px-1 text-xs text-amber-900">{t("tie")}</span> : null}
              <span className="flex min-w-0 flex-1 cursor-grab items-baseline gap-2">
                <span className="shrink-0 font-medium">{r.displayLabel}</span>
                <span className="truncate text-xs text-slate-500" dir={dir}>{snippetOf(r.contentHtml)}</span>
              </span>
              <button type="button" className="rounded px-1 text-xs hover:bg-slate-100 disabled:opacity-40" aria-label={t("moveUp", { response: r.displayLabel })} disabled={index === 0 && !row.tiedWithPrevious}
                onClick={() => change(moveResponse(shown, row.id, -1), row.id)}>↑</button>
              <button type="button" className="rounded px-1 text-xs hover:bg-slate-100 disabled:opacity-40" aria-label={t("moveDown", { response: r.displayLabel })} disabled={index === rows.length - 1 && shown[row.tier].length === 1}
                onClick={() => change(moveResponse(shown, row.id, 1), row.id)}>↓</button>
              <button type="button" className="rounded px-1 text-xs hover:bg-slate-100 disabled:opacity-40" aria-pressed={row.tiedWithPrevious} aria-label={t("tieWithAbove", { response: r.displayLabel })} disabled={index === 0}
                onClick={() => change(toggleTieWithPrevious(shown, row.id), row.id)}>=</button>
            </li>
          );
        })}
      </ol>
      <ProblemAndComment label={axis.label} problem={problem} comment={comment} onComment={onComment} />
    </div>
  );
}
