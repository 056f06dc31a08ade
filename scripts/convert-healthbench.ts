/**
 * HealthBench examples → Consilium item JSONL (`dialogue` items with criteria).
 *
 *   tsx scripts/convert-healthbench.ts <files or dirs...> [--max-responses N] [--completions f.jsonl] [-o out.jsonl]
 *
 * Inputs: upstream `.jsonl` (one example per line) or `.json` (one example per file), UTF-8 with or
 * without a byte-order mark; a directory contributes its .json/.jsonl files. `--completions` adds your own model outputs, one
 * `{prompt_id, model, completion}` per line. Output goes to stdout unless -o is given; the summary
 * goes to stderr. Any invalid input → errors on stderr, exit 1, nothing written.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { decodeFile } from "../lib/import/converters/decode-file";
import { convertHealthBenchExample, parseCompletionsJsonl, readHealthBenchFile, type ExtraCompletion } from "../lib/import/converters/healthbench";

const USAGE = "usage: convert-healthbench <files or dirs...> [--max-responses N] [--completions f.jsonl] [-o out.jsonl]";
const { values: opts, positionals } = args();
if (!positionals.length) fail(USAGE);
const maxResponses = opts["max-responses"] === undefined ? undefined : Number(opts["max-responses"]);
if (maxResponses !== undefined && !(Number.isInteger(maxResponses) && maxResponses >= 0)) fail(`--max-responses must be a whole number >= 0 (got ${opts["max-responses"]})`);

const errors: string[] = [];
let extraCompletions: Map<string, ExtraCompletion[]> | undefined;
if (opts.completions) {
  const decoded = decodeFile(readFileSync(opts.completions));
  if ("message" in decoded) errors.push(`${opts.completions}:${decoded.line}: ${decoded.message}`);
  else {
    const parsed = parseCompletionsJsonl(decoded.text);
    for (const e of parsed.errors) errors.push(`${opts.completions}:${e.line}: ${e.message}`);
    extraCompletions = parsed.completions;
  }
}

const lines: string[] = [];
const skipped: string[] = [];
const seenPrompts = new Set<string>();
for (const { where, example } of examples(positionals)) {
  try {
    const result = convertHealthBenchExample(example, { maxResponses, extraCompletions });
    if (result.item) lines.push(JSON.stringify(result.item));
    else skipped.push(`${where}: ${result.skipped}`);
    seenPrompts.add(String((example as { prompt_id?: unknown }).prompt_id));
  } catch (e) {
    errors.push(`${where}: ${(e as Error).message}`);
  }
}

if (errors.length) {
  for (const e of errors) console.error(e);
  fail(`${errors.length} error(s); nothing written.`);
}
const output = lines.map((l) => l + "\n").join("");
if (opts.output) writeFileSync(opts.output, output);
else process.stdout.write(output);

console.error(`converted ${lines.length}, skipped ${skipped.length}${opts.output ? ` → ${opts.output}` : ""}`);
for (const s of skipped) console.error(`  skipped ${s}`);
// A typo in a prompt_id would otherwise silently drop the user's completions.
const unused = [...(extraCompletions?.keys() ?? [])].filter((id) => !seenPrompts.has(id));
if (unused.length) console.error(`warning: completions for ${unused.length} prompt_id(s) not in the inputs: ${unused.slice(0, 5).join(", ")}${unused.length > 5 ? ", …" : ""}`);

function* examples(inputs: string[]): Generator<{ where: string; example: unknown }> {
  for (const file of inputs.flatMap(expand)) {
    const read = readHealthBenchFile(file, readFileSync(file));
    errors.push(...read.errors);
    yield* read.examples;
  }
}

/** A directory → its .json/.jsonl files in natural order (example_2 before example_10). */
function expand(input: string): string[] {
  if (!existsSync(input)) fail(`${input}: no such file or directory`);
  if (!statSync(input).isDirectory()) return [input];
  return readdirSync(input)
    .filter((f) => /\.jsonl?$/.test(f))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
    .map((f) => path.join(input, f));
}

function args() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { "max-responses": { type: "string" }, completions: { type: "string" }, output: { type: "string", short: "o" } },
    });
  } catch (e) {
    return fail(`${(e as Error).message}\n${USAGE}`);
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
