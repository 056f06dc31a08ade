/**
 * MedAgentBench (AgentBench harness) run logs → Consilium `trajectory` items, one per task, one
 * response per model.
 *
 *   tsx scripts/convert-medagentbench.ts --run MODEL=runs.jsonl [--run MODEL2=other.jsonl …] [-o out.jsonl]
 *
 * Output goes to stdout unless -o is given. Any unreadable line → every error on stderr with its
 * file and line, exit 1, nothing written.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { decodeFile } from "../lib/import/converters/decode-file";
import { convertMedAgentBench, type AgentRunFile } from "../lib/import/converters/medagentbench";

const USAGE = "usage: convert-medagentbench --run MODEL=runs.jsonl [--run MODEL=file …] [-o out.jsonl]";
const { values: opts } = args();
const runs: AgentRunFile[] = (opts.run ?? []).map((spec) => {
  const eq = spec.indexOf("=");
  if (eq < 1) fail(`--run ${spec}: give MODEL=FILE.\n${USAGE}`);
  const [model, file] = [spec.slice(0, eq), spec.slice(eq + 1)];
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return fail(`${file}: ${(e as Error).message}`);
  }
  const decoded = decodeFile(bytes);
  if ("message" in decoded) fail(`${file}:${decoded.line}: ${decoded.message}`);
  return { model, file, text: decoded.text };
});
if (!runs.length) fail(USAGE);
const { items, errors } = convertMedAgentBench(runs);
for (const e of errors) console.error(`${e.file}:${e.line}: ${e.message}`);
if (errors.length) fail(`${errors.length} error(s); nothing written.`);
const output = items.map((item) => JSON.stringify(item) + "\n").join("");
if (opts.output) writeFileSync(opts.output, output);
else process.stdout.write(output);
console.error(`converted ${items.length} task(s) from ${runs.length} run file(s)${opts.output ? ` → ${opts.output}` : ""}`);

function args() {
  try {
    return parseArgs({ options: { output: { type: "string", short: "o" }, run: { type: "string", multiple: true } } });
  } catch (e) {
    return fail(`${(e as Error).message}\n${USAGE}`);
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
