import { loadQualificationRecords } from "@/lib/qualification/outcome-records";
import type { Command } from "../command";
import { resolveCliActor } from "../command";
import { UsageError } from "../errors";

const usage = `Usage: consilium qualification PROJECT_SLUG [--identify] --as EMAIL

Qualification outcomes as JSONL, one line per reviewer who took the project's qualification round or
was warned or paused by the gold watch: each attempt's score (known answers matched), when they
passed, failed attempts, and any pause with its reason. Reviewers are pseudonyms as in the exports;
--identify gives emails (managers and admins only).`;

export const qualificationCommand: Command = {
  name: "qualification",
  summary: "qualification outcomes per reviewer (JSONL)",
  usage,
  options: { identify: { type: "boolean" } },
  async run({ values, positionals }, io) {
    const [slug] = positionals;
    if (!slug || positionals.length > 1) throw new UsageError(usage);
    const actor = await resolveCliActor(values, "export:read");
    const records = await loadQualificationRecords(actor, slug, { identify: Boolean(values.identify) });
    if (records.length) io.out(records.map((r) => JSON.stringify(r)).join("\n"));
  },
};
