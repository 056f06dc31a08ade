import type { ChunkSource } from "@/lib/streams/iterate-chunks";
import { findInexactNumbers } from "./check-json";
import { describeNotJsonl } from "./import-format";
import type { ImportError, ImportRecord } from "./import-records";
import { readLines } from "./read-lines";

// JSONL → import records (importItems validates them, all-or-nothing). Each non-blank line is one
// JSON value; its numbers are checked against the line's text (check-json.ts). A line that is not
// JSON at all means the file is in another format: one error there, and reading stops, instead
// of one "invalid JSON" per line of a brat or BIO file.

type Step = { records: ImportRecord[]; stop?: boolean };

/** Turns lines into records; `first` is true until the first non-blank line has been seen. */
function jsonlLineReader() {
  let first = true;
  return (line: number, text: string): Step => {
    const fail = (message: string, stop = false): Step => ({ records: [{ line, error: { line, field: "(line)", message } }], stop });
    const body = line === 1 ? text.replace(/^\uFEFF/, "") : text;
    if (!body.trim()) return { records: [] };
    const isFirst = first;
    first = false;
    const start = body.trimStart()[0];
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (e) {
      if (start !== "{" && start !== "[") return fail(describeNotJsonl(body), true);
      if (isFirst && /^\s*[{[]\s*$/.test(body))
        return fail(`This line holds only "${body.trim()}": a JSON document spread over several lines is not JSONL, where each item is one line. Reading stopped here.`, true);
      return fail(`This line is not valid JSON: ${(e as Error).message}.`);
    }
    const errors: ImportError[] = findInexactNumbers(body).map((f) => ({ line, field: f.path.join(".") || "(line)", message: f.message }));
    return { records: [{ line, value, size: body.length, ...(errors.length ? { errors } : {}) }] };
  };
}

/** Import records of a JSONL byte stream: strict UTF-8, bounded line length (read-lines.ts). */
export async function* jsonlItemRecords(input: ChunkSource, opts: { onBytes?: (n: number) => void; maxLineBytes?: number } = {}): AsyncGenerator<ImportRecord> {
  const next = jsonlLineReader();
  let sawContent = false;
  for await (const line of readLines(input, opts)) {
    if ("error" in line) {
      yield { line: line.line, error: { line: line.line, field: "(line)", message: line.error } };
      // Bytes that are not UTF-8 before any content: a binary file, or one in another encoding.
      if (!sawContent && line.error.includes("UTF-8")) return;
      sawContent = true;
      continue;
    }
    const step = next(line.line, line.text);
    sawContent ||= step.records.length > 0;
    yield* step.records;
    if (step.stop) return;
  }
}

/** The same records from lines already decoded (the seed and tests pass strings). */
export async function* jsonlStringRecords(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<ImportRecord> {
  const next = jsonlLineReader();
  let lineNo = 0;
  for await (const text of lines) {
    lineNo += 1;
    const step = next(lineNo, text);
    yield* step.records;
    if (step.stop) return;
  }
}
