import { useTranslations } from "next-intl";
import type { ReviewTurn } from "@/lib/assignments/load-for-review";
import { Markdown } from "@/components/ui/markdown";
import { textProps } from "@/components/ui/text-direction";

/** `language`: the item's language; each turn's text is shown in its direction (the role names follow the page). */
export function Transcript({ turns, label, language }: { turns: ReviewTurn[]; label?: string; language?: string | null }) {
  const t = useTranslations("review.transcript");
  return (
    <ol className="space-y-2" aria-label={label ?? t("label")} data-testid="transcript">
      {turns.map((turn, i) => {
        const isModel = turn.role === "assistant";
        return (
          <li key={i} className={`max-w-[85%] rounded-lg px-3 py-2 text-sm ${isModel ? "ms-auto bg-blue-50" : turn.role === "system" ? "bg-slate-100 italic" : "bg-slate-100"}`} data-role={turn.role}>
            <p className="mb-0.5 text-xs font-semibold text-slate-700">{t(`roles.${turn.role}`)}</p>
            <Markdown html={turn.html} {...textProps(language)} />
          </li>
        );
      })}
    </ol>
  );
}
