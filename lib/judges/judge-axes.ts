import type { Db, Tx } from "@/lib/db/client";
import type { JudgeAxis } from "./resolve-judge-line";

/** The project's rubric axes by key, each as its newest rubric version defines it, in that version's order. */
export async function loadJudgeAxes(db: Pick<Db | Tx, "rubricAxis">, projectId: string): Promise<Map<string, JudgeAxis>> {
  const rows = await db.rubricAxis.findMany({ where: { rubric: { projectId } }, orderBy: [{ rubric: { version: "asc" } }, { position: "asc" }] });
  const byKey = new Map<string, JudgeAxis>();
  for (const a of rows) {
    byKey.delete(a.key); // newest version last, in its position order
    byKey.set(a.key, { ...a, options: (a.options ?? []) as JudgeAxis["options"] });
  }
  return byKey;
}
