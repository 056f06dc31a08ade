import type { ReviewTurn } from "@/lib/assignments/load-for-review";
import { Markdown } from "@/components/ui/markdown";

export const ROLE_LABEL: Record<ReviewTurn["role"], string> = { user: "User", assistant: "AI", patient: "Patient", clinician: "Clinician", system: "System" };

export function Transcript({ turns, label = "Conversation" }: { turns: ReviewTurn[]; label?: string }) {
  return (
    <ol className="space-y-2" aria-label={label} data-testid="transcript">
      {turns.map((turn, i) => {
        const isModel = turn.role === "assistant";
        return (
          <li key={i} className={`max-w-[85%] rounded-lg px-3 py-2 text-sm ${isModel ? "ms-auto bg-blue-50" : turn.role === "system" ? "bg-slate-100 italic" : "bg-slate-100"}`} data-role={turn.role}>
            <p className="mb-0.5 text-xs font-semibold text-slate-700">{ROLE_LABEL[turn.role]}</p>
            <Markdown html={turn.html} />
          </li>
        );
      })}
    </ol>
  );
}

