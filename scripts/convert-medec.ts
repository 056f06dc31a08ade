/**
 * MEDEC CSV → Consilium item JSONL (`note` items with the gold error in reference.gold.item).
 *
 *   tsx scripts/convert-medec.ts file.csv [--gold] [--skip-invalid] [-o out.jsonl]
 *
 * A file without MEDEC's label columns (Text ID, Text, Sentences only) gives notes to review
 * without a reference. --gold marks every note as a gold item: its known error
 * (reference.gold.item) is then used to measure each reviewer's accuracy, and reviewers cannot
 * tell it from other items; it needs the label columns.
 *
 * Output goes to stdout unless -o is given. Any bad row → every error on stderr with its line
 * and column, exit 1, nothing written (a partial benchmark would skew results silently), unless
 * --skip-invalid: then the other rows are written and every row left out is listed on stderr.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { decodeFile } from "../lib/import/converters/decode-file";
import { convertMedecCsv } from "../lib/import/converters/medec";

const USAGE = "usage: convert-medec <file.csv> [--gold] [--skip-invalid] [-o out.jsonl]";
const { values: opts, positionals } = args();
if (positionals.length !== 1) fail(USAGE);
const file = positionals[0];

let bytes: Buffer;
try {
  bytes = readFileSync(file);
} catch (e) {
  fail(`${file}: ${(e as Error).message}`);
}
const decoded = decodeFile(bytes);
if ("message" in decoded) fail(`${file}:${decoded.line}: ${decoded.message}\n1 error; nothing written.`);
const { items, errors, labelled } = convertMedecCsv(decoded.text);
if (opts.gold && !labelled) fail(`${file}: --gold needs MEDEC's label columns (Error Flag, Error Type, …), and this file has none.`);
for (const e of errors) console.error(`${file}:${e.line}: ${e.field}: ${e.message}`);
// Rows that fail are left out of `items` already; a header or syntax error leaves nothing to skip to.
const rowErrors = errors.length > 0 && errors.every((e) => e.line > 1 && e.field !== "(csv)");
if (errors.length && !(opts["skip-invalid"] && rowErrors)) fail(`${errors.length} error(s); nothing written.${rowErrors ? " (--skip-invalid writes the other rows.)" : ""}`);
const output = items.map((item) => JSON.stringify(opts.gold ? { ...item, isGold: true } : item) + "\n").join("");
if (opts.output) writeFileSync(opts.output, output);
else process.stdout.write(output);
const skipped = new Set(errors.map((e) => e.line)).size;
console.error(`converted ${items.length} note(s)${labelled ? "" : " without labels"} from ${file}${opts.output ? ` → ${opts.output}` : ""}${skipped ? `; left out ${skipped} row(s) with the errors above` : ""}`);

function args() {
  try {
    return parseArgs({ allowPositionals: true, options: { output: { type: "string", short: "o" }, gold: { type: "boolean", default: false }, "skip-invalid": { type: "boolean", default: false } } });
  } catch (e) {
    return fail(`${(e as Error).message}\n${USAGE}`);
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
