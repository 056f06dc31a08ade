"use client";
import type { ArgumentAnnotation } from "@/lib/formats/argument-types";
import { describeTarget } from "@/lib/tools/arguments/targets";
import type { ClientTool, ResponsePanelProps, ToolPanelProps } from "../types";
import { ArgumentAnnotator } from "./argument-annotator";

const EMPTY: ArgumentAnnotation = { spans: [], relations: [] };

/** One annotator per text: the reviewer's own spans, else the imported pre-annotation to correct. */
function Annotators({ data, update, argumentReview, problemAt, targets, labelOf }: ToolPanelProps & { targets: ToolPanelProps["argumentReview"]["targets"]; labelOf: (key: string) => string }) {
  if (!targets.length) return null;
  return (
    <div className="space-y-3" data-testid="argument-panel">
      {targets.map((t) => {
        const own = data.arguments?.[t.key];
        const pre = argumentReview.preAnnotations[t.key];
        const problem = [...problemAt].find(([path]) => path === `arguments.${t.key}` || path.startsWith(`arguments.${t.key}.`))?.[1];
        return (
          <ArgumentAnnotator key={t.key} targetKey={t.key} title={labelOf(t.key)} text={t.text} annotation={own ?? pre ?? EMPTY} labelSet={argumentReview.labelSet} problem={problem}
            preAnnotated={!own && Boolean(pre)} onChange={(next) => update({ ...data, arguments: { ...data.arguments, [t.key]: next } })} />
        );
      })}
    </div>
  );
}

function ItemArguments(props: ToolPanelProps) {
  const targets = props.argumentReview.targets.filter((t) => !t.responseId);
  return <Annotators {...props} targets={targets} labelOf={(key) => `Argument structure · ${describeTarget(key)}`} />;
}

function ResponseArguments(props: ResponsePanelProps) {
  const targets = props.argumentReview.targets.filter((t) => t.responseId === props.response.id);
  return <Annotators {...props} targets={targets} labelOf={(key) => `Argument structure · ${key.endsWith(".reasoning") ? "reasoning" : "answer"}`} />;
}

export const argumentsClient: ClientTool = {
  id: "arguments",
  ResponsePanel: ResponseArguments,
  ItemPanel: ItemArguments,
  keymap: [
    { keys: ["←", "→"], action: "Move the caret a word (in reading order; swapped in right-to-left text)", scope: "argument-text" },
    { keys: ["Shift", "← →"], action: "Extend the selection a word", scope: "argument-text" },
    { keys: ["M", "C", "P"], action: "Label the selection (or relabel the selected span): the project's label keys", scope: "argument-text" },
    { keys: ["[", "]"], action: "Select the previous / next span", scope: "argument-text" },
    { keys: ["R", "1–9", "Space"], action: "Relation from the selected span: its type, then [ ] to the target, Space to create", scope: "argument-text" },
    { keys: ["Delete"], action: "Delete the selected span (with its relations) or relation", scope: "argument-text" },
    { keys: ["Esc"], action: "Cancel the selection or relation", scope: "argument-text" },
  ],
};
