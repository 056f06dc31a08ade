import { loadProjectQuality } from "@/lib/criteria/project-quality";
import type { Aggregate } from "@/lib/criteria/score";
import { findProjectForActor } from "@/lib/projects/access";
import type { Command } from "../command";
import { resolveCliActor } from "../command";
import { UsageError } from "../errors";

const usage = `Usage: consilium scores PROJECT_SLUG [--json] --as EMAIL

Case-criteria scores per model (HealthBench scoring: per item unclipped, aggregates clipped to
[0, 1] ± bootstrap standard deviation) and, for admins, reviewer accuracy on gold items.`;

const show = (a: Aggregate | null) => (a ? `${a.mean.toFixed(3)} ± ${a.bootstrapStd.toFixed(3)} (n=${a.n})` : "—");

export const scoresCommand: Command = {
  name: "scores",
  summary: "criteria scores per model and gold accuracy per reviewer",
  usage,
  options: { json: { type: "boolean" } },
  async run({ values, positionals }, io) {
    const [slug] = positionals;
    if (!slug) throw new UsageError(usage);
    const actor = await resolveCliActor(values, "project:read");
    const project = await findProjectForActor(actor, slug);
    const quality = await loadProjectQuality(actor, project.id);
    if (values.json) return io.out(JSON.stringify(quality));
    if (!quality.byModel.length) io.out("No fully graded criteria yet.");
    for (const m of quality.byModel) {
      io.out(`${m.modelName}\toverall ${show(m.overall)}\tgraded ${m.gradedResponses}`);
      for (const [tag, a] of Object.entries({ ...m.byAxis, ...m.byTheme })) io.out(`  ${tag}\t${show(a)}`);
    }
    for (const d of quality.ddxAccuracy) {
      io.out(`ddx\t${d.modelName}\tgraded ${d.graded}\t${Object.entries(d.topK).map(([k, v]) => `top-${k} ${(v * 100).toFixed(1)} %`).join("\t")}`);
    }
    for (const g of quality.goldAccuracy ?? []) {
      io.out(`gold\t${g.reviewerEmail}\t${g.correct}/${g.compared}\t${g.accuracy === null ? "—" : `${(g.accuracy * 100).toFixed(1)} %`}`);
    }
  },
};
