import { writeFile } from "node:fs/promises";
import { loadConsensusRecords } from "@/lib/adjudication/consensus-records";
import type { Command } from "../command";
import { resolveCliActor } from "../command";
import { UsageError } from "../errors";

const usage = `Usage: consilium consensus PROJECT_SLUG [--drafts] [--out FILE] --as EMAIL

The project's consensus records (adjudication) as JSONL, one per item: the adjudicated ratings per
response, item ratings, pairwise choices and criterion marks, with the adjudicator's pseudonym and
the number of reviews behind it. Decided ones only unless --drafts. Standard output unless --out.`;

export const consensusCommand: Command = {
  name: "consensus",
  summary: "export the project's consensus records (JSONL)",
  usage,
  options: { drafts: { type: "boolean" }, out: { type: "string" } },
  async run({ values, positionals }, io) {
    const [slug] = positionals;
    if (!slug || positionals.length > 1) throw new UsageError(usage);
    const actor = await resolveCliActor(values, "export:read");
    const records = await loadConsensusRecords(actor, slug, { drafts: Boolean(values.drafts) });
    const text = records.map((r) => JSON.stringify(r)).join("\n");
    if (!values.out) return text ? io.out(text) : undefined;
    await writeFile(values.out as string, text ? `${text}\n` : "");
    io.err(`Wrote ${records.length} consensus record(s) to ${values.out}.`);
  },
};
