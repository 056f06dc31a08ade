"use client";
import { useTranslations } from "next-intl";
import type { ArgumentAnnotation, LabelSet } from "@/lib/formats/argument-types";

// The side list: the selected span's relations (type, direction and the other span's text), each a
// button that selects the relation — which the arcs then highlight too. The spans' text keeps its own
// direction (`dir`, the item's language) inside the list, whatever the interface's.

type Props = {
  annotation: ArgumentAnnotation;
  spanId: string | null;
  relationId: string | null;
  labelSet: LabelSet;
  nameOf: (label: string) => string;
  colorOf: (label: string) => string;
  onSelectRelation: (id: string) => void;
  onSelectSpan: (id: string) => void;
  dir: "ltr" | "rtl" | "auto";
};

export function RelationList({ annotation, spanId, relationId, labelSet, nameOf, colorOf, onSelectRelation, onSelectSpan, dir }: Props) {
  const t = useTranslations("tools.arguments.relations");
  const span = spanId ? annotation.spans.find((s) => s.id === spanId) : undefined;
  const relationName = (key: string) => labelSet.relations.find((r) => r.key === key)?.name ?? key;
  const textOf = (id: string) => annotation.spans.find((s) => s.id === id)?.text ?? id;
  const mine = span ? annotation.relations.filter((r) => r.from === span.id || r.to === span.id) : [];
  return (
    <aside className="text-xs xl:w-64 xl:shrink-0" aria-label={t("label")} data-testid="relation-list">
      {span ? (
        <>
          <p className="mb-1 font-medium">
            <span className="me-1 rounded-sm px-1 text-white" style={{ background: colorOf(span.label) }}>{nameOf(span.label)}</span>
            <span className="text-slate-700" dir={dir}>{span.text.length > 80 ? `${span.text.slice(0, 78)}…` : span.text}</span>
          </p>
          {mine.length ? (
            <ul className="max-h-64 space-y-1 overflow-y-auto">
              {mine.map((r) => {
                const outgoing = r.from === span.id;
                const other = outgoing ? r.to : r.from;
                return (
                  <li key={r.id}>
                    <button type="button" onClick={() => onSelectRelation(r.id)} onDoubleClick={() => onSelectSpan(other)} data-relation-item={r.id} aria-pressed={r.id === relationId}
                      className={`w-full rounded border px-1.5 py-0.5 text-start ${r.id === relationId ? "border-amber-500 bg-amber-50" : "border-slate-200 hover:bg-slate-50"}`}>
                      <span className="font-medium">{t(outgoing ? "outgoing" : "incoming", { relation: relationName(r.label) })}</span>{" "}
                      <bdi dir={dir}>{textOf(other).length > 70 ? `${textOf(other).slice(0, 68)}…` : textOf(other)}</bdi>
                    </button>
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="text-slate-500">{t("none")}</p>
          )}
        </>
      ) : (
        <p className="text-slate-500">{t("noSpan")}</p>
      )}
    </aside>
  );
}
