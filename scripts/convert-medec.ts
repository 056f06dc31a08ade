/**
 * MEDEC CSV → Consilium item JSONL (`note` items with the gold error in reference.gold.item).
 *
 *   tsx scripts/convert-medec.ts file.csv [--gold] [-o out.jsonl]
 *
 * --gold marks every note as a gold item: its known error (reference.gold.item) is then used to
 * measure each reviewer's accuracy, and reviewers cannot tell it from other items.
 *
 * Output goes to stdout unless -o is given. Any bad row → every error on stderr with its line
 * and column, exit 1, nothing written (a partial benchmark would skew results silently).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { convertMedecCsv } from "../lib/import/converters/medec";

const USAGE = "usage: convert-medec <file.csv> [--gold] [-o out.jsonl]";
const { values: opts, positionals } = args();
if (positionals.length !== 1) fail(USAGE);
const file = positionals[0];

let text: string;
try {
  text = readFileSync(file, "utf8");
} catch (e) {
  fail(`${file}: ${(e as Error).message}`);
}
const { items, errors } = convertMedecCsv(text);
if (errors.length) {
  for (const e of errors) console.error(`${file}:${e.line}: ${e.field}: ${e.message}`);
  fail(`${errors.length} error(s); nothing written.`);
}
const output = items.map((item) => JSON.stringify(opts.gold ? { ...item, isGold: true } : item) + "\n").join("");
if (opts.output) writeFileSync(opts.output, output);
else process.stdout.write(output);
console.error(`converted ${items.length} note(s) from ${file}${opts.output ? ` → ${opts.output}` : ""}`);

function args() {
  try {
    return parseArgs({ allowPositionals: true, options: { output: { type: "string", short: "o" }, gold: { type: "boolean", default: false } } });
  } catch (e) {
    return fail(`${(e as Error).message}\n${USAGE}`);
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
