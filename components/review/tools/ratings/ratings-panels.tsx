"use client";
import { useTranslations } from "next-intl";
import type { ReviewAxis } from "@/lib/assignments/load-for-review";
import type { RatingValue } from "@/lib/annotations/schema";
import { AxisInput } from "../../axis-input";
import { SuggestionNote } from "../suggestions/suggestion-note";
import { axisTarget } from "@/lib/tools/suggestions/targets";
import type { ResponsePanelProps, ToolPanelProps } from "../types";

type Value = RatingValue | undefined;

/** The confidence scale's levels, 1–5 (lib/projects/labels.ts CONFIDENCE_LABELS, in the reviewer's language). */
const CONFIDENCE_LEVELS = ["notAtAll", "slightly", "moderately", "quite", "extremely"] as const;

/** The rubric's response axes for one response, each with its suggestion once shown (decision 034). */
export function ResponseAxes({ axes, response, block, setBlock, problemAt, suggestions, data }: ResponsePanelProps) {
  const t = useTranslations("tools");
  const set = (axisKey: string, field: "ratings" | "comments", value: Value) => setBlock((b) => ({ ...b, [field]: { ...b[field], [axisKey]: value } }));
  return axes
    .filter((a) => a.appliesTo === "RESPONSE")
    .map((axis) => (
      <AxisInput key={axis.key} axis={axis} name={`${response.id}-${axis.key}`} value={block.ratings[axis.key]} comment={block.comments[axis.key] ?? ""}
        onChange={(v) => set(axis.key, "ratings", v)} onComment={(t) => set(axis.key, "comments", t)}
        problem={problemAt.get(`responses.${response.id}.ratings.${axis.key}`)}
        footer={<SuggestionNote suggestions={suggestions} data={data} responseId={response.id} target={axisTarget(axis.key)} current={block.ratings[axis.key]}
          show={(v) => optionLabel(axis, v, t("yes"), t("no"))} onUse={(v) => set(axis.key, "ratings", v)} />} />
    ));
}

/** A stored value as the axis shows it ("5" → "Strongly agree", true → "Yes"). */
function optionLabel(axis: ReviewAxis, value: RatingValue, yes: string, no: string): string {
  if (typeof value === "boolean") return value ? yes : no;
  return axis.options.find((o) => o.value === String(value))?.label ?? String(value);
}

/** The reviewer's confidence (1–5) in their rating of this response, when the project asks and there is something rated. */
export function ConfidenceFooter({ settings, axes, criteria, enabled, response, block, setBlock }: ResponsePanelProps) {
  const t = useTranslations("tools.ratings.confidence");
  const rated = axes.some((a) => a.appliesTo === "RESPONSE") || criteria.length > 0 || (enabled.has("ddx-match") && Boolean(response.differential));
  if (!settings.askConfidence || !rated) return null;
  const axis: ReviewAxis = {
    key: "confidence",
    label: t("label"),
    help: "",
    type: "SCALE",
    appliesTo: "RESPONSE",
    required: false,
    options: CONFIDENCE_LEVELS.map((level, i) => ({ value: String(i + 1), label: t(`levels.${level}`) })),
    min: 1,
    max: 5,
  };
  return (
    <div data-testid="confidence">
      <AxisInput axis={axis} name={`${response.id}-confidence`} value={block.confidence ?? undefined} comment=""
        onChange={(v) => setBlock((b) => ({ ...b, confidence: typeof v === "number" ? v : null }))} />
    </div>
  );
}

/** The rubric's item axes. */
export function ItemAxes({ axes, data, update, problemAt }: ToolPanelProps) {
  const set = (axisKey: string, field: "ratings" | "comments", value: Value) => update({ ...data, item: { ...data.item, [field]: { ...data.item[field], [axisKey]: value } } });
  return axes
    .filter((a) => a.appliesTo === "ITEM")
    .map((axis) => (
      <AxisInput key={axis.key} axis={axis} name={`item-${axis.key}`} value={data.item.ratings[axis.key]}
        comment={data.item.comments[axis.key] ?? ""} onChange={(v) => set(axis.key, "ratings", v)}
        onComment={(t) => set(axis.key, "comments", t)} problem={problemAt.get(`item.ratings.${axis.key}`)} />
    ));
}
