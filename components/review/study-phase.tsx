import { useTranslations } from "next-intl";
import { Markdown } from "@/components/ui/markdown";
import { cardClass } from "@/components/ui/styles";
import { textProps } from "@/components/ui/text-direction";
import type { ReviewAssistance, ReviewPhase } from "@/lib/assignments/assistance";

/**
 * A study arm's phase on the review page: which phase this is, and in the assisted one the
 * assistance material, above the responses so it is read before rating. The unassisted phase says
 * plainly that nothing extra is shown, so a reviewer never wonders whether something failed to load.
 * `language`: the item's, for the material's direction (a reference answer or a model's response).
 */
export function StudyPhase({ phase, assistance, language }: { phase: ReviewPhase; assistance: ReviewAssistance | null; language?: string | null }) {
  const t = useTranslations("review.phase");
  const heading = t("heading", { arm: phase.arm, design: phase.design, phase: String(phase.phase) });
  return (
    <section aria-label={t("label")} className={`${cardClass} mb-4 ${phase.arm === "assisted" ? "border-indigo-300 bg-indigo-50/40" : ""}`} data-testid="study-phase">
      <h2 className="font-medium">{heading}</h2>
      {phase.arm === "unassisted" ? (
        <p className="mt-1 text-sm text-slate-700">
          {phase.design === "sequential" ? t("unassistedSequential") : t("unassisted")}
        </p>
      ) : assistance ? (
        <>
          <p className="mt-1 text-sm text-slate-700">{t("assisted")}</p>
          <h3 className="mt-3 text-sm font-semibold">{assistance.title}</h3>
          <Markdown html={assistance.html} className="mt-1" {...textProps(language)} />
        </>
      ) : (
        <p className="mt-1 text-sm text-slate-700">{t("missing")}</p>
      )}
    </section>
  );
}
