import { useTranslations } from "next-intl";
import type { ModelGrades } from "@/lib/results/auto-grades";
import { percentWithInterval } from "@/lib/results/format";

/** Per model: answers graded against the items' keys, and the share correct with its interval. */
export function AutoGradeTable({ grades }: { grades: ModelGrades[] }) {
  const t = useTranslations("results.page.autoGrades");
  return (
    <table className="w-full text-start text-xs" data-testid="auto-grades">
      <thead className="text-slate-500">
        <tr><th className="py-1 pe-3">{t("model")}</th><th className="pe-3">{t("answers")}</th><th className="pe-3">{t("correct")}</th></tr>
      </thead>
      <tbody>
        {grades.map((g) => (
          <tr key={g.model} className="border-t border-slate-100" data-model={g.model}>
            <td className="py-1 pe-3 font-medium">{g.model}</td>
            <td className="pe-3" data-col="answers">{g.correct.n}</td>
            <td className="pe-3" data-col="correct">{percentWithInterval(g.correct)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
