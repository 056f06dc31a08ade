// JSON text that PostgreSQL already wrote (an item's input, a response's text) carried through a
// record into its JSONL line as is: parsing it only to stringify it again was a third of the
// export's allocations (decision 028). Only JSONL records carry it (runExport asks for it there);
// every other consumer gets parsed values.

/** PostgreSQL never stores U+0000 in text or jsonb, so this mark cannot come from data. */
const MARK = "\u0000";
/** The mark as JSON.stringify writes it (a quoted string starting with the escaped U+0000). */
const MARKED = /"\\u0000(\d+)"/g;

let collecting: string[] | null = null;

/** A JSON text from the database, written verbatim by stringifyRecord. */
export class RawJson {
  constructor(readonly text: string) {}
  /** Inside stringifyRecord: a mark replaced afterwards; anywhere else (never on a hot path) the parsed value. */
  toJSON(): unknown {
    if (!collecting) return JSON.parse(this.text);
    collecting.push(this.text);
    return `${MARK}${collecting.length - 1}`;
  }
}

/** The value raw JSON stands in for, typed as the record field it fills (the line is the same). */
export const rawJson = <T>(text: string): T => new RawJson(text) as unknown as T;

/** JSON.stringify, with each RawJson's text written where it sits. */
export function stringifyRecord(value: unknown): string {
  const parts: string[] = [];
  collecting = parts;
  let line: string;
  try {
    line = JSON.stringify(value);
  } finally {
    collecting = null;
  }
  return parts.length ? line.replace(MARKED, (_, index: string) => parts[Number(index)]) : line;
}
