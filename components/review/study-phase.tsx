import { Markdown } from "@/components/ui/markdown";
import { cardClass } from "@/components/ui/styles";
import type { ReviewAssistance, ReviewPhase } from "@/lib/assignments/assistance";

/**
 * A study arm's phase on the review page: which phase this is, and in the assisted one the
 * assistance material, above the responses so it is read before rating. The unassisted phase says
 * plainly that nothing extra is shown, so a reviewer never wonders whether something failed to load.
 */
export function StudyPhase({ phase, assistance }: { phase: ReviewPhase; assistance: ReviewAssistance | null }) {
  const heading = phase.arm === "assisted" ? `With assistance · ${phase.design === "sequential" ? "step" : "period"} ${phase.phase} of 2` : `Without assistance · ${phase.design === "sequential" ? "step" : "period"} ${phase.phase} of 2`;
  return (
    <section aria-label="Study phase" className={`${cardClass} mb-4 ${phase.arm === "assisted" ? "border-indigo-300 bg-indigo-50/40" : ""}`} data-testid="study-phase">
      <h2 className="font-medium">{heading}</h2>
      {phase.arm === "unassisted" ? (
        <p className="mt-1 text-sm text-slate-700">
          Rate this item on your own.{phase.design === "sequential" ? " Once you submit, you will see it again with assistance and rate it a second time." : ""}
        </p>
      ) : assistance ? (
        <>
          <p className="mt-1 text-sm text-slate-700">Consider the material below, then give your rating.</p>
          <h3 className="mt-3 text-sm font-semibold">{assistance.title}</h3>
          <Markdown html={assistance.html} className="mt-1" />
        </>
      ) : (
        <p className="mt-1 text-sm text-slate-700">The assistance for this item is missing; rate it as it is and mention it in a comment.</p>
      )}
    </section>
  );
}
