import { writeDelimitedRows } from "@/lib/export/csv-cell";
import { loadProjectQuality } from "@/lib/criteria/project-quality";
import type { Aggregate } from "@/lib/criteria/score";
import { resolveScoresQuery } from "@/lib/criteria/scores-query";
import type { Command } from "../command";
import { resolveCliActor } from "../command";
import { UsageError } from "../errors";

const usage = `Usage: consilium scores PROJECT_SLUG [--batch NAME] [--json] --as EMAIL

Case-criteria scores per model (HealthBench scoring: per item unclipped, aggregates clipped to
[0, 1] ± bootstrap standard deviation) and, for admins, reviewer accuracy on gold items.
--batch limits criteria and gold figures to one batch (differential accuracy covers the project).`;

const show = (a: Aggregate | null) => (a ? `${a.mean.toFixed(3)} ± ${a.bootstrapStd.toFixed(3)} (n=${a.n})` : "—");

export const scoresCommand: Command = {
  name: "scores",
  summary: "criteria scores per model and gold accuracy per reviewer",
  usage,
  options: { json: { type: "boolean" }, batch: { type: "string" } },
  async run({ values, positionals }, io) {
    const [slug] = positionals;
    if (!slug) throw new UsageError(usage);
    const actor = await resolveCliActor(values, "project:read");
    const { project, opts } = await resolveScoresQuery(actor, slug, { batch: values.batch as string | undefined });
    const quality = await loadProjectQuality(actor, project.id, opts);
    if (values.json) return io.out(JSON.stringify(quality));
    if (!quality.byModel.length) io.out("No fully graded criteria yet.");
    // Tab-separated and often redirected into a spreadsheet: model names, tags and emails are
    // imported text, so the rows go through the CSV writer's formula neutralizer (decision 008).
    const rows: string[][] = [];
    for (const m of quality.byModel) {
      rows.push([m.modelName, `overall ${show(m.overall)}`, `graded ${m.gradedResponses}`]);
      for (const [tag, a] of Object.entries({ ...m.byAxis, ...m.byTheme })) rows.push([`  ${tag}`, show(a)]);
    }
    for (const d of quality.ddxAccuracy) {
      rows.push(["ddx", d.modelName, `graded ${d.graded}`, ...Object.entries(d.topK).map(([k, v]) => `top-${k} ${(v * 100).toFixed(1)} %`)]);
    }
    for (const r of quality.referenceRecall) {
      rows.push(["reference recall", r.modelName, `responses ${r.responses}`, `recall ${(r.recall * 100).toFixed(1)} %`, `strict ${(r.strictRecall * 100).toFixed(1)} %`]);
    }
    for (const s of quality.steps) {
      const rawr = s.rightAnswerWrongReasoning;
      const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)} %`);
      rows.push(["steps", s.model, `responses ${s.responses}`, `right answer, wrong reasoning ${rawr.count}/${rawr.n} = ${pct(rawr.share)} [${pct(rawr.low)}, ${pct(rawr.high)}]`, `efficiency ${pct(s.efficiency.mean)}`, `factuality ${pct(s.factuality.mean)}`]);
      for (const t of s.errorTypes.slice(0, 5)) rows.push(["  error type", t.key, `steps ${t.steps}`, `responses ${t.responses}`]);
    }
    for (const r of quality.trajectories) {
      const share = (p: { count: number; n: number }) => `${p.count}/${p.n}`;
      rows.push(["agent runs", r.model, `runs ${r.runs}`, `wrong actions ${share(r.errorRate)}`, `unnecessary tests ${share(r.unnecessaryTests)}`, `mean cost ${r.meanCost ?? "—"}`]);
      for (const b of r.byType) rows.push(["  action type", b.type, `wrong ${share(b.erroneous)}`]);
    }
    const pctOf = (p: { count: number; n: number }) => `${p.count}/${p.n}`;
    for (const r of quality.regions.models) {
      rows.push(["image regions", r.model, `localizations ${r.localizations}`, `correct ${pctOf(r.correct)}`, `partly ${pctOf(r.partly)}`, `incorrect ${pctOf(r.incorrect)}`, `mean IoU ${r.meanIoU === null ? "—" : r.meanIoU.toFixed(2)}`, `hits ${pctOf(r.hits)}`, `found ${pctOf(r.found)}`]);
    }
    const spanF1 = (a: { pairs: number; spansOverlap: { f1: number | null }; spansExact: { f1: number | null } }) => `pairs ${a.pairs}, span F1 exact ${a.spansExact.f1?.toFixed(2) ?? "—"} overlap ${a.spansOverlap.f1?.toFixed(2) ?? "—"}`;
    if (quality.grounding.agreement.pairs) rows.push(["grounding agreement", spanF1(quality.grounding.agreement)]);
    for (const r of quality.records.models) {
      rows.push(["record statements", r.model, `outputs ${r.outputs}`, `statements ${r.statements}`, `supported ${pctOf(r.supported)}`, `contradicted ${pctOf(r.contradicted)}`, `unsupported ${pctOf(r.unsupported)}`, `outputs contradicting ${pctOf(r.contradicting)}`]);
    }
    if (quality.records.agreement.pairs) rows.push(["record statement agreement", spanF1(quality.records.agreement)]);
    const ra = quality.regions.agreement;
    if (ra.pairs) rows.push(["region agreement", `items ${ra.items}, pairs ${ra.pairs}`, `F1 ${ra.meanF1?.toFixed(2) ?? "—"}`, `matched IoU ${ra.meanIoU?.toFixed(2) ?? "—"}`]);
    const args = quality.arguments;
    if (args.annotations) {
      const f1 = (x: { f1: number | null }) => (x.f1 === null ? "—" : x.f1.toFixed(2));
      for (const s of args.spans) rows.push(["argument spans", s.model ?? "(item texts)", s.label, String(s.count)]);
      for (const r of args.relations) rows.push(["argument relations", r.model ?? "(item texts)", r.label, String(r.count)]);
      const a = args.agreement;
      if (a.pairs) rows.push(["argument agreement", `texts ${a.texts}, pairs ${a.pairs}`, `spans F1 exact ${f1(a.spansExact)} overlap ${f1(a.spansOverlap)}`, `relations F1 exact ${f1(a.relationsExact)} overlap ${f1(a.relationsOverlap)}`]);
    }
    for (const g of quality.goldAccuracy ?? []) {
      rows.push(["gold", g.reviewerEmail, `${g.correct}/${g.compared}`, g.accuracy === null ? "—" : `${(g.accuracy * 100).toFixed(1)} %`]);
    }
    if (rows.length) io.out(writeDelimitedRows(rows, "\t").trimEnd());
  },
};
