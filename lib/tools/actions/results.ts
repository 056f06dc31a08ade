import type { Actor } from "@/lib/auth/permissions";
import { streamAnnotationRecords } from "@/lib/export/annotation-records";
import { findVisibleBatchIds } from "@/lib/projects/access";
import { wilsonInterval, type Proportion } from "@/lib/tools/steps/metrics";
import { isErroneousVerdict } from "./taxonomy";

// Trajectory results per model (issue 13): the share of the agent's judged actions that were wrong
// (incorrect or unsupported), overall and per action type; the share of tests ordered that reviewers
// marked unnecessary; and the mean cost of a run (the sum of its actions' costs). Read from the
// export's records, so the page, API, CLI and export agree. Every review of a run counts once.

export type TrajectoryTypeResult = { type: string; judged: number; erroneous: Proportion };
export type TrajectoryModelResult = {
  model: string;
  /** Reviews of this model's runs. */
  runs: number;
  errorRate: Proportion;
  byType: TrajectoryTypeResult[];
  unnecessaryTests: Proportion;
  /** Mean of the runs' costs, over runs with a cost; null when none has one. */
  meanCost: number | null;
};

type Tally = { runs: number; judged: number; erroneous: number; byType: Map<string, { judged: number; erroneous: number }>; tests: number; unnecessary: number; costs: number[] };

export async function loadTrajectoryResults(actor: Actor, projectId: string): Promise<TrajectoryModelResult[]> {
  await findVisibleBatchIds(actor, projectId, "project:read");
  const byModel = new Map<string, Tally>();
  for await (const record of streamAnnotationRecords({ projectId, withTool: "actions" })) {
    for (const r of record.responses) {
      const t = r.trajectory;
      if (!t) continue;
      const tally = byModel.get(r.modelName) ?? byModel.set(r.modelName, { runs: 0, judged: 0, erroneous: 0, byType: new Map(), tests: 0, unnecessary: 0, costs: [] }).get(r.modelName)!;
      tally.runs++;
      if (t.cost !== null) tally.costs.push(t.cost);
      for (const a of t.actions) {
        if (a.verdict !== null) {
          const wrong = isErroneousVerdict(a.verdict);
          tally.judged++;
          if (wrong) tally.erroneous++;
          const type = tally.byType.get(a.type) ?? tally.byType.set(a.type, { judged: 0, erroneous: 0 }).get(a.type)!;
          type.judged++;
          if (wrong) type.erroneous++;
        }
        if (a.type === "test" && a.necessary !== null && a.necessary !== undefined) {
          tally.tests++;
          if (!a.necessary) tally.unnecessary++;
        }
      }
    }
  }
  return [...byModel]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([model, t]) => ({
      model,
      runs: t.runs,
      errorRate: wilsonInterval(t.erroneous, t.judged),
      byType: [...t.byType].sort(([x], [y]) => x.localeCompare(y)).map(([type, c]) => ({ type, judged: c.judged, erroneous: wilsonInterval(c.erroneous, c.judged) })),
      unnecessaryTests: wilsonInterval(t.unnecessary, t.tests),
      meanCost: t.costs.length ? Math.round((t.costs.reduce((s, c) => s + c, 0) / t.costs.length) * 1e6) / 1e6 : null,
    }));
}
