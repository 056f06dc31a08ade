"use client";
import { useTranslations } from "next-intl";
import type { ArgumentAnnotation } from "@/lib/formats/argument-types";
import type { ClientTool, ResponsePanelProps, ToolPanelProps } from "../types";
import { ArgumentAnnotator } from "./argument-annotator";

const EMPTY: ArgumentAnnotation = { spans: [], relations: [] };

/** One annotator per text: the reviewer's own spans, else the imported pre-annotation to correct. */
function Annotators({ data, update, argumentReview, problemAt, language, targets, labelOf }: ToolPanelProps & { targets: ToolPanelProps["argumentReview"]["targets"]; labelOf: (key: string) => string }) {
  if (!targets.length) return null;
  return (
    <div className="space-y-3" data-testid="argument-panel">
      {targets.map((t) => {
        const own = data.arguments?.[t.key];
        const pre = argumentReview.preAnnotations[t.key];
        const problem = [...problemAt].find(([path]) => path === `arguments.${t.key}` || path.startsWith(`arguments.${t.key}.`))?.[1];
        return (
          <ArgumentAnnotator key={t.key} targetKey={t.key} title={labelOf(t.key)} text={t.text} annotation={own ?? pre ?? EMPTY} labelSet={argumentReview.labelSet} problem={problem} language={language}
            preAnnotated={!own && Boolean(pre)} onChange={(next) => update({ ...data, arguments: { ...data.arguments, [t.key]: next } })} />
        );
      })}
    </div>
  );
}

/** The item's texts by target key (lib/tools/arguments/targets.ts describeTarget, in the reviewer's language). */
const ITEM_TARGETS = { "item.question": "question", "item.text": "text", "item.case": "case", "reference.explanation": "referenceExplanation" } as const;
const isItemTarget = (key: string): key is keyof typeof ITEM_TARGETS => Object.hasOwn(ITEM_TARGETS, key);

function ItemArguments(props: ToolPanelProps) {
  const t = useTranslations("tools.arguments");
  const targets = props.argumentReview.targets.filter((x) => !x.responseId);
  return <Annotators {...props} targets={targets} labelOf={(key) => t("title", { target: isItemTarget(key) ? t(`targets.${ITEM_TARGETS[key]}`) : key })} />;
}

function ResponseArguments(props: ResponsePanelProps) {
  const t = useTranslations("tools.arguments");
  const targets = props.argumentReview.targets.filter((x) => x.responseId === props.response.id);
  return <Annotators {...props} targets={targets} labelOf={(key) => t("title", { target: t(key.endsWith(".reasoning") ? "targets.reasoning" : "targets.answer") })} />;
}

export const argumentsClient: ClientTool = {
  id: "arguments",
  ResponsePanel: ResponseArguments,
  ItemPanel: ItemArguments,
  keymap: [
    { keys: ["←", "→"], action: "arguments.keys.moveCaret", scope: "argument-text" },
    { keys: ["Shift", "← →"], action: "arguments.keys.extend", scope: "argument-text" },
    { keys: ["M", "C", "P"], action: "arguments.keys.label", scope: "argument-text" },
    { keys: ["[", "]"], action: "arguments.keys.stepSpan", scope: "argument-text" },
    { keys: ["R", "1–9", "Space"], action: "arguments.keys.relation", scope: "argument-text" },
    { keys: ["Delete"], action: "arguments.keys.delete", scope: "argument-text" },
    { keys: ["Esc"], action: "arguments.keys.cancel", scope: "argument-text" },
  ],
};
