"use client";
import { useTranslations } from "next-intl";
import { describeChanges } from "@/lib/tools/describe-document";
import type { ChangeLabels } from "@/lib/tools/types";
import type { AnnotationData } from "@/lib/annotations/schema";
import { secondaryButtonClass } from "@/components/ui/styles";

/** Both versions, as differences the reviewer can read, and an explicit choice: nothing is overwritten silently. */
export function ConflictPanel({ mine, theirs, labels, onChoose }: { mine: AnnotationData; theirs: AnnotationData; labels: ChangeLabels; onChoose: (choice: "mine" | "theirs") => void }) {
  const t = useTranslations("review.conflict");
  // The differences are lib's sentences (lib/tools/describe-document.ts), in English.
  const differences = describeChanges(theirs, mine, labels);
  return (
    <div className="rounded-md border border-amber-400 bg-amber-50 p-4" data-testid="conflict" role="alert">
      <p className="font-medium">{t("heading")}</p>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <ul className="mt-2 list-disc ps-5 text-sm" data-testid="conflict-differences">
        {differences.length ? differences.map((d, i) => <li key={i}>{d}</li>) : <li>{t("same")}</li>}
      </ul>
      <details className="mt-2 text-xs">
        <summary className="cursor-pointer text-slate-600">{t("showBoth")}</summary>
        <div className="mt-2 grid gap-3 md:grid-cols-2">
          <pre className="max-h-48 overflow-auto rounded bg-white p-2" data-testid="conflict-mine">{JSON.stringify(mine, null, 1)}</pre>
          <pre className="max-h-48 overflow-auto rounded bg-white p-2" data-testid="conflict-theirs">{JSON.stringify(theirs, null, 1)}</pre>
        </div>
      </details>
      <div className="mt-3 flex gap-2">
        <button type="button" className={secondaryButtonClass} onClick={() => onChoose("mine")}>{t("keepMine")}</button>
        <button type="button" className={secondaryButtonClass} onClick={() => onChoose("theirs")}>{t("useTheirs")}</button>
      </div>
    </div>
  );
}
