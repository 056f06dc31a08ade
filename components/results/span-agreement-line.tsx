import { useTranslations } from "next-intl";
import type { SpanAgreement } from "@/lib/results/span-agreement";

const two = (x: number | null) => (x === null ? "—" : x.toFixed(2));

/** Reviewers' agreement on a span tool's marks (lib/results/span-agreement.ts), when two or more marked the same text. */
export function SpanAgreementLine({ agreement, testId }: { agreement: SpanAgreement; testId: string }) {
  const t = useTranslations("results.tools.spanAgreement");
  if (!agreement.pairs) return null;
  return (
    <p className="mt-3 text-sm" data-testid={testId}>
      {t("line", { pairs: agreement.pairs, texts: agreement.texts, exact: two(agreement.spansExact.f1), overlap: two(agreement.spansOverlap.f1) })}
      <span className="block text-xs text-slate-600">{t("help")}</span>
    </p>
  );
}
