import { CsvError, parse } from "csv-parse";
import { iterateChunks } from "@/lib/streams/iterate-chunks";
import { findInexactNumbers, numberProblem } from "./check-json";
import { csvRecordLines } from "./csv-lines";
import type { ImportError, ImportRecord } from "./import-records";
import { MAX_LINE_BYTES } from "./read-lines";
import { createUtf8Checker, describeInvalidUtf8 } from "./utf8";

// CSV → the same records as a JSONL import, streamed (importItems validates them, all-or-nothing).
//
// Mapping rule: the header row names fields of the JSONL object as dotted paths, and numeric
// segments index arrays, e.g.
//   externalId,kind,question,responses.0.modelName,responses.0.content,responses.1.modelName,…,criteria.0.text,criteria.0.points
// - Empty cells (blank after trimming) are omitted, so a row may fill fewer responses than the
//   columns allow. An array element whose cells are all empty is dropped and the rest close up
//   in index order (responses.0 and responses.2 filled → 2 responses; validation errors then name
//   the closed-up index). A row whose cells are all empty is skipped like a blank line.
// - Cell values are strings, except: columns whose last segment is points, position, start or end
//   hold numbers; true/false (any case) are booleans; a cell starting with [ or { is JSON.
// - Header problems (an empty or repeated name, a name that is not an item field, no externalId
//   column, "a" next to "a.b", "a.0" next to "a.b", an index that skips a number) are one error
//   on the header line, field "(header)", and stop the import: without a valid header no row can
//   be read, and a file in another format (JSONL, tab-separated) fails here once.
// - The file must be UTF-8: an invalid byte is an error on its line, and reading stops there. A
//   record longer than MAX_LINE_BYTES is an error too. Numbers a JavaScript number cannot hold
//   exactly, in number columns or JSON cells, are errors on their field (check-json.ts).
// - A row with more or fewer cells than the header is an error, field "(csv)"; a CSV syntax
//   error (e.g. an unclosed quote) is an error on the line where the broken record starts, field
//   "(csv)", and ends reading since nothing after it can be trusted.
// Lines are physical lines of the file where the record starts (quoted cells may span lines).

type Input = AsyncIterable<Buffer | Uint8Array | string> | NodeJS.ReadableStream | ReadableStream<Uint8Array>;

/** Top-level names a header may use (every kind's fields); anything else is a typo or another format. */
export const ITEM_FIELDS = new Set(["kind", "externalId", "language", "specialty", "isGold", "metadata", "analysis", "variantOf", "reference", "criteria", "responses", "question", "context", "options", "correctOption", "correctOptions", "numeric", "audio", "tools", "source", "instruction", "turns", "images", "layout", "text", "sentences", "case", "record"]);

type Cell = { kind: "cell"; column: number; path: string; numeric: boolean };
type Container = { kind: "object" | "array"; path: string; children: Map<string | number, Node> };
type Node = Cell | Container;

const INDEX = /^\d+$/;
// analysis.* and numeric.* numbers too (lib/items/analysis-fields.ts, numeric keys): a CSV cell is text until the header says otherwise.
const NUMERIC_FIELDS = new Set(["points", "position", "start", "end", "costUsd", "inputTokens", "outputTokens", "reasoningTokens", "latencyMs", "value", "lower", "upper", "tolerance", "relativeTolerance"]);
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
// Object.fromEntries keeps it as a plain key, but code that copies the item by assignment would not.
const RESERVED = new Set(["__proto__"]);

export async function* csvItemRecords(input: Input, onBytes?: (n: number) => void): AsyncGenerator<ImportRecord> {
  const parser = csvParser();
  const rows = rowReader();
  const utf8 = createUtf8Checker();
  let linesBefore = 0; // line breaks in the chunks already parsed
  let lineBytes = 0; // bytes of the current line in the chunks already parsed
  let first = true;
  let failure: Error | undefined;
  try {
    for await (const chunk of byteChunks(input, onBytes)) {
      if (first && startsLikeJson(chunk)) {
        yield { line: 1, error: { line: 1, field: "(header)", message: "the first line is JSON, not a CSV header: this looks like a JSONL file. Give it a .jsonl name, or choose the JSONL format." } };
        return;
      }
      first = false;
      const bad = utf8.check(chunk);
      // Parse what comes before a bad byte, so the rows before it are still checked.
      failure = await parser.write(bad === -1 ? chunk : chunk.subarray(0, bad));
      yield* rows.read(parser.take());
      if (failure || rows.stopped()) break;
      const lastBreak = chunk.lastIndexOf(0x0a, bad === -1 ? chunk.length - 1 : Math.max(0, bad - 1));
      if (bad !== -1) {
        const line = linesBefore + countLineBreaks(chunk.subarray(0, bad)) + 1;
        const column = (lastBreak === -1 || lastBreak >= bad ? lineBytes + bad : bad - lastBreak - 1) + 1;
        yield { line, error: { line, field: "(csv)", message: `This line cannot be read: ${describeInvalidUtf8(chunk, bad, column)}. Reading stopped here.` } };
        return;
      }
      linesBefore += countLineBreaks(chunk);
      lineBytes = lastBreak === -1 ? lineBytes + chunk.length : chunk.length - lastBreak - 1;
    }
    if (!failure && !rows.stopped()) {
      if (!utf8.finish()) {
        const line = linesBefore + 1;
        yield { line, error: { line, field: "(csv)", message: "This line cannot be read: the file ends in the middle of a UTF-8 character; save the file as UTF-8 and import it again." } };
        return;
      }
      failure = await parser.end();
      yield* rows.read(parser.take());
    }
  } finally {
    parser.destroy();
  }
  if (!failure || rows.stopped()) return;
  if (!(failure instanceof CsvError)) throw failure;
  const line = rows.following((failure as { empty_lines?: number }).empty_lines ?? 0);
  const message = failure.code === "CSV_MAX_RECORD_SIZE" ? `This row is too long to import: a row may have at most ${MAX_LINE_BYTES.toLocaleString("en")} characters. Reading stopped here.` : failure.message;
  yield { line, error: { line, field: "(csv)", message } };
}

/** A file whose first character (after a BOM and blanks) opens a JSON object or list. */
function startsLikeJson(chunk: Uint8Array): boolean {
  const head = new TextDecoder().decode(chunk.subarray(0, 64)).replace(/^\uFEFF/, "").trimStart();
  return head.startsWith("{") || head.startsWith("[");
}

function countLineBreaks(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) n += 1;
  return n;
}

type Parsed = { cells: string[]; emptyLines: number };

/**
 * csv-parse fed chunk by chunk. Records are collected by on_record instead of being read from the
 * stream: a stream that fails drops the records still buffered in it, and those come before the
 * error. As nothing is pushed, a write completes as soon as its chunk is parsed.
 */
function csvParser() {
  const parsed: Parsed[] = [];
  const parser = parse({
    bom: true,
    // Column counts are checked by rowReader instead, so that a short row is reported and the
    // rest of the file still checked, like any other bad row.
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_LINE_BYTES,
    on_record: (cells: string[], info) => {
      parsed.push({ cells, emptyLines: info.empty_lines });
      return null;
    },
  });
  parser.on("error", () => {}); // the same error reaches the write/end callbacks below
  const settle = (start: (done: (error?: Error | null) => void) => void) => new Promise<Error | undefined>((resolve) => start((error) => resolve(error ?? undefined)));
  return {
    write: (chunk: Buffer) => settle((done) => parser.write(chunk, done)),
    end: () => settle((done) => parser.end(done)),
    take: () => parsed.splice(0),
    destroy: () => parser.destroy(),
  };
}

/** Turns parsed records into import records: the first one is the header. */
function rowReader() {
  const lines = csvRecordLines();
  let header: { width: number; root: Container } | null = null;
  let stopped = false;
  function* read(batch: Parsed[]): Generator<ImportRecord> {
    for (const { cells, emptyLines } of batch) {
      if (stopped) return;
      const line = lines.next(cells, emptyLines);
      if (!header) {
        const compiled = compileHeader(cells);
        if (typeof compiled === "string") {
          stopped = true;
          yield { line, error: { line, field: "(header)", message: compiled } };
        } else header = { width: cells.length, root: compiled };
        continue;
      }
      if (cells.every((cell) => !cell.trim())) continue;
      if (cells.length !== header.width) {
        yield { line, error: { line, field: "(csv)", message: `this row has ${cells.length} cells, the header has ${header.width}.` } };
        continue;
      }
      const errors: ImportError[] = [];
      const value = build(header.root, cells, line, errors) ?? {};
      // The cells' own errors go with the value, so that the item's other fields are checked too.
      let size = 0;
      for (const cell of cells) size += cell.length + 1;
      yield { line, value, size, ...(errors.length ? { errors } : {}) };
    }
  }
  return { read, stopped: () => stopped, following: lines.following };
}

/** The header as a tree of paths, or a message listing everything wrong with it. */
function compileHeader(names: string[]): Container | string {
  const root: Container = { kind: "object", path: "", children: new Map() };
  const problems: string[] = [];
  if (names.length === 1 && names[0].includes("\t")) return "the header has tabs but no commas: this looks like tab-separated text, and only comma-separated CSV is read.";
  names.forEach((raw, column) => {
    const path = raw.trim();
    const segments = path.split(".");
    if (!path) return problems.push(`column ${column + 1} has no name.`);
    if (segments.some((s) => !s)) return problems.push(`"${path}" has an empty part.`);
    if (segments.some((s) => RESERVED.has(s))) return problems.push(`"${path}" uses a reserved name.`);
    if (INDEX.test(segments[0])) return problems.push(`"${path}" must start with a field name.`);
    if (!ITEM_FIELDS.has(segments[0])) return problems.push(`"${segments[0]}" is not an item field (put other data under metadata, e.g. metadata.${segments[0].replace(/\s+/g, "_")}).`);
    let node = root;
    for (const [i, segment] of segments.entries()) {
      const key = INDEX.test(segment) ? Number(segment) : segment;
      const existing = node.children.get(key);
      const sub = segments.slice(0, i + 1).join(".");
      if (i === segments.length - 1) {
        if (!existing) node.children.set(key, { kind: "cell", column, path, numeric: NUMERIC_FIELDS.has(segment) });
        else if (existing.kind === "cell") problems.push(`"${path}" repeats column ${existing.column + 1}.`);
        else problems.push(`"${path}" conflicts with the columns under it (${sub}.…).`);
        return;
      }
      const kind = INDEX.test(segments[i + 1]) ? "array" : "object";
      if (existing?.kind === "cell") return problems.push(`"${path}" conflicts with "${existing.path}".`);
      if (existing && existing.kind !== kind) return problems.push(`"${sub}" is used both as a numbered list and as an object.`);
      if (!existing) node.children.set(key, { kind, path: sub, children: new Map() });
      node = node.children.get(key) as Container;
    }
  });
  checkIndexes(root, problems);
  if (!root.children.has("externalId") && !problems.length) problems.push("there is no externalId column, and every item needs one.");
  return problems.length ? `the header is not usable: ${problems.join(" ")}` : root;
}

// Indexes must run 0, 1, 2, … so that a skipped number is a typo caught here, not a silent gap.
function checkIndexes(node: Node, problems: string[]) {
  if (node.kind === "cell") return;
  if (node.kind === "array") {
    const missing = Array.from({ length: node.children.size }, (_, i) => i).find((i) => !node.children.has(i));
    if (missing !== undefined) problems.push(`"${node.path}" has no column for index ${missing} (numbering starts at 0 and must not skip).`);
  }
  for (const child of node.children.values()) checkIndexes(child, problems);
}

/** The row's value at `node`, or undefined when all its cells are empty. */
function build(node: Node, cells: string[], line: number, errors: ImportError[]): unknown {
  if (node.kind === "cell") return cellValue(node, cells[node.column], line, errors);
  if (node.kind === "array") {
    const items = Array.from({ length: node.children.size }, (_, i) => build(node.children.get(i)!, cells, line, errors));
    const present = items.filter((v) => v !== undefined);
    return present.length ? present : undefined;
  }
  const entries = [...node.children].map(([key, child]) => [key, build(child, cells, line, errors)] as const).filter(([, v]) => v !== undefined);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

function cellValue(cell: Cell, text: string, line: number, errors: ImportError[]): unknown {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const fail = (message: string) => void errors.push({ line, field: cell.path, message });
  if (cell.numeric) {
    if (!NUMBER.test(trimmed)) return fail(`"${trimmed}" is not a number.`);
    const problem = numberProblem(trimmed);
    return problem ? fail(problem) : Number(trimmed);
  }
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === "true";
  if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (e) {
      return fail(`invalid JSON (a cell starting with [ or { is read as JSON): ${(e as Error).message}`);
    }
    const prefix = cell.path.split(".").map((s) => (INDEX.test(s) ? Number(s) : s));
    for (const f of findInexactNumbers(trimmed, prefix)) errors.push({ line, field: f.path.join("."), message: f.message });
    return value;
  }
  return text;
}

async function* byteChunks(input: Input, onBytes?: (n: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of iterateChunks<Buffer | Uint8Array | string>(input)) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    onBytes?.(bytes.length);
    yield bytes;
  }
}

