import { assistSchema, ARM_NAME } from "./study-arms";

type Render = (text: string | undefined | null) => Promise<string>;

/** Where the reviewer stands in a study arm: which phase, and whether the assistance is shown. */
export type ReviewPhase = { arm: "unassisted" | "assisted"; phase: 1 | 2; design: "sequential" | "crossover" };
/** The assistance material of an assisted phase, rendered (sanitized) like everything a model wrote. */
export type ReviewAssistance = { title: string; html: string };

/**
 * The study-arm part of the review payload (lib/assignments/study-arms.ts). The material is built
 * only for the assisted phase: an unassisted rating never receives it, not even hidden. A response
 * used as material is shown under the batch's title, never with its model's name.
 */
export async function assistanceFor(
  md: Render,
  assignment: { arm: "UNASSISTED" | "ASSISTED" | null; precededById: string | null; batch: { armDesign: "SEQUENTIAL" | "CROSSOVER" | null; assist: unknown }; item: { reference: unknown; responses: Array<{ label: string; content: string; reasoning: string | null }> } },
): Promise<{ phase: ReviewPhase | null; assistance: ReviewAssistance | null }> {
  if (!assignment.arm || !assignment.batch.armDesign) return { phase: null, assistance: null };
  const phase: ReviewPhase = { arm: ARM_NAME[assignment.arm], phase: assignment.precededById ? 2 : 1, design: assignment.batch.armDesign === "SEQUENTIAL" ? "sequential" : "crossover" };
  const assist = assistSchema.safeParse(assignment.batch.assist);
  if (assignment.arm !== "ASSISTED" || !assist.success) return { phase, assistance: null };
  if (assist.data.material === "reference") {
    const reference = (assignment.item.reference ?? {}) as { answer?: unknown; explanation?: unknown };
    const parts = [reference.answer, reference.explanation].filter((t): t is string => typeof t === "string" && t.trim() !== "");
    return { phase, assistance: { title: assist.data.title, html: (await Promise.all(parts.map((t) => md(t)))).join("") } };
  }
  const label = assist.data.label;
  const response = assignment.item.responses.find((r) => r.label === label);
  if (!response) return { phase, assistance: null };
  const html = (await md(response.content)) + (response.reasoning ? await md(response.reasoning) : "");
  return { phase, assistance: { title: assist.data.title, html } };
}
