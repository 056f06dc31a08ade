import { findTemplate } from "@/lib/rubrics/templates";
import type { ExportManifest } from "./manifest";
import type { WrittenTables } from "./write-parquet-tables";

// README.md of the Hugging Face folder: a dataset card (https://huggingface.co/docs/hub/datasets-cards)
// whose YAML front matter names each table as a config with its data file
// (https://huggingface.co/docs/hub/datasets-manual-configuration), so `load_dataset(folder, "ratings")`
// reads data/ratings.parquet. The licence is the study team's to choose: the field is left empty.

export type CardStudy = {
  project: { name: string; slug: string; guidelines: string; reviewersPerItem: number; blinded: boolean; randomizeOrder: boolean };
  rubrics: Array<{ version: number; name: string; templateKey: string | null; axes: Array<{ key: string; label: string; type: string; appliesTo: string }> }>;
};

const TABLE_TEXT: Record<string, string> = {
  annotations: "one row per submitted annotation (and per skipped assignment, `status` skipped, with the reviewer's reason)",
  ratings: "one row per rating, the CSV export's columns (`target` says what was rated: response axis, confidence, criterion, pair, ddx entry, item, skip)",
  responses: "one row per model response of the items covered (model names restored after blinding)",
  pairwise: "one row per pairwise judgment: what was shown as A and B, what was chosen, the better response after the axis polarity",
  criteria: "one row per (response, case criterion) mark, with points, tags and the HealthBench item score",
  steps: "one row per labelled reasoning step (process-reward records)",
  regions: "one row per region a reviewer drew on an item's image (`source` reviewer) and per model localization with the reviewer's verdict (`source` model), in the image's pixels",
};

const yamlString = (s: string) => JSON.stringify(s);
const escapeCell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function renderDatasetCard(study: CardStudy, written: WrittenTables, manifest: ExportManifest): string {
  const p = study.project;
  const configs = written.tables.map((t, i) => [`- config_name: ${t.name}`, ...(i === 0 ? ["  default: true"] : []), "  data_files:", `  - split: train`, `    path: data/${t.name}.parquet`].join("\n"));
  const front = ["---", "license: # TO FILL: the study team chooses the licence (e.g. cc-by-4.0) before publishing", `pretty_name: ${yamlString(p.name)}`, "language:", "- en", "tags:", "- medical", "- human-evaluation", "- physician-annotations", "configs:", ...configs, "---"].join("\n");
  const f = manifest.filters;
  const filters = [f.batch && `batch ${f.batch}`, `status ${f.status}`, f.kind && `item kind ${f.kind}`, f.reviewer && `reviewer ${f.reviewer}`, f.from && `from ${f.from}`, f.to && `to ${f.to}`].filter(Boolean).join(", ");
  const rubricLines = study.rubrics.flatMap((r) => {
    const template = r.templateKey ? findTemplate(r.templateKey) : undefined;
    return [
      `### ${r.name} (version ${r.version})`,
      "",
      template ? `Built from the template "${template.name}". Citation: ${template.citation.text} ${template.citation.url}` : "A custom rubric (no published template).",
      "",
      "| axis | label | type | rates |",
      "| --- | --- | --- | --- |",
      ...r.axes.map((a) => `| \`${a.key}\` | ${escapeCell(a.label)} | ${a.type.toLowerCase()} | ${a.appliesTo.toLowerCase()} |`),
      "",
    ];
  });
  return `${front}

# ${p.name}

Physician annotations of medical AI outputs, exported from Consilium ${manifest.app.version} on ${manifest.generatedAt} (project \`${p.slug}\`).

**Licence: not set.** The \`license\` field above is left for the study team to fill in before the dataset is shared.

## Study design

- Reviewers per item: ${p.reviewersPerItem}.
- Blinding: ${p.blinded ? "reviewers did not see model names; responses were shown under neutral labels" : "reviewers saw model names"}. ${p.randomizeOrder ? "The order of responses on screen was randomized per assignment and is undone in these files (`shown_as` keeps each reviewer's screen position)." : "Responses were shown in import order."}
- Models: ${written.models.length ? written.models.map((m) => `\`${m}\``).join(", ") : "none in this export"}.
- Exported records: ${written.records.submitted} submitted annotations, ${written.records.skipped} skipped assignments (filters: ${filters}).
- Reviewers: ${manifest.reviewers === "pseudonymized" ? "pseudonymized as `R-` followed by 10 hex digits, an HMAC-SHA-256 of the reviewer's account id under a secret kept per project: stable across this project's exports, not reversible without the project's secret, and different in every project." : "**identified by email** (an administrator asked for identities): do not publish this folder as it is."}
${p.guidelines.trim() ? `\n### Guidelines given to reviewers\n\n${p.guidelines.trim()}\n` : ""}
## Rubric

${rubricLines.join("\n")}
## Files

| config | file | rows | contents |
| --- | --- | --- | --- |
${written.tables.map((t) => `| \`${t.name}\` | \`data/${t.name}.parquet\` | ${t.rows} | ${TABLE_TEXT[t.name] ?? ""} |`).join("\n")}

\`manifest.json\` lists the filters, rubric versions, app version and counts of this export. Load a table with
\`datasets.load_dataset("path/to/this/folder", "ratings")\`, or read the Parquet files directly (pandas, DuckDB, R arrow).
`;
}
