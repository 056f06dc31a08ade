"use client";
import { useTranslations } from "next-intl";
import type { RatingValue } from "@/lib/annotations/schema";
import { textDirection } from "@/lib/i18n/locales";
import { aiTurnPositions } from "@/lib/tools/turns/ai-turns";
import { isMissing } from "@/lib/tools/ratings/axis-values";
import { Markdown } from "@/components/ui/markdown";
import { AxisInput } from "../../axis-input";
import type { ResponsePanelProps } from "../types";

type Value = RatingValue | undefined;

/**
 * Per-turn ratings (decision 033): the response's transcript with the rubric's TURN axes beside each AI
 * turn. Each AI turn is a navigation group: ] and [ move to the next or previous turn's first axis.
 * Role names and turn labels are the interface's (tools.turns.*); the turns' text keeps the item's direction.
 */
export function TurnsPanel({ axes, response, data, update, problemAt, language }: ResponsePanelProps) {
  const t = useTranslations("tools.turns");
  const turnAxes = axes.filter((a) => a.appliesTo === "TURN");
  if (!response.turns || !turnAxes.length) return null;
  const positions = aiTurnPositions(response.turns);
  const byTurn = data.turns?.[response.id] ?? {};
  const rated = positions.filter((p) => turnAxes.every((a) => !a.required || !isMissing(byTurn[String(p)]?.ratings[a.key]))).length;
  const set = (position: number, axisKey: string, field: "ratings" | "comments", value: Value) => {
    const block = byTurn[String(position)] ?? { ratings: {}, comments: {} };
    const next = { ...block, [field]: { ...block[field], [axisKey]: value } };
    update({ ...data, turns: { ...data.turns, [response.id]: { ...byTurn, [String(position)]: next } } });
  };
  return (
    <section aria-label={t("sectionLabel", { response: response.displayLabel })} data-testid="turn-ratings">
      {/* Keys keep dir="ltr": in a right-to-left sentence a bracket would be mirrored ("]" shown as "["). */}
      <p className="mb-2 text-xs text-slate-600" data-testid="turns-progress">
        {t.rich("progress", { rated, total: positions.length, kbd: (chunks) => <kbd dir="ltr">{chunks}</kbd> })}
      </p>
      <ol className="space-y-2" aria-label={t("dialogueLabel", { response: response.displayLabel })} data-testid="transcript">
        {response.turns.map((turn, i) => {
          const isAi = positions.includes(i);
          // "Turn 3 (AI turn 2)" (lib/tools/turns/ai-turns.ts turnLabel, in the reviewer's language).
          const turnLabel = isAi ? t("turnLabel", { position: i + 1, ordinal: positions.indexOf(i) + 1 }) : "";
          const bubble = (
            <div className={`rounded-lg px-3 py-2 text-sm ${isAi ? "bg-blue-50" : turn.role === "system" ? "bg-slate-100 italic" : "bg-slate-100"}`} data-role={turn.role}>
              <p className="mb-0.5 text-xs font-semibold text-slate-700">{t(`roles.${turn.role}`)}{isAi ? ` · ${turnLabel}` : ""}</p>
              <div dir={textDirection(language)}>
                <Markdown html={turn.html} />
              </div>
            </div>
          );
          if (!isAi) return <li key={i} className="max-w-[85%]">{bubble}</li>;
          const block = byTurn[String(i)] ?? { ratings: {}, comments: {} };
          return (
            <li key={i} className="grid gap-2 rounded-md border border-blue-100 p-2 lg:grid-cols-2" data-turn={i} data-nav-group="turn" aria-label={turnLabel}>
              {bubble}
              <div className="space-y-2">
                {turnAxes.map((axis) => (
                  <AxisInput key={axis.key} axis={axis} name={`${response.id}-turn${i}-${axis.key}`} value={block.ratings[axis.key]} comment={block.comments[axis.key] ?? ""}
                    onChange={(v) => set(i, axis.key, "ratings", v)} onComment={(t) => set(i, axis.key, "comments", t)}
                    problem={problemAt.get(`turns.${response.id}.${i}.ratings.${axis.key}`)} />
                ))}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
