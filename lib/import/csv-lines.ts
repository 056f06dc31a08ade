// Physical line numbers of CSV records, so errors point at the line a spreadsheet user sees.
// csv-parse's `info.lines` is where a record ENDS, and it counts a CRLF inside a quoted field as
// two lines (csv-parse 7), so it cannot tell where a record starts. We count instead: every record
// takes one line plus the line breaks inside its fields, and csv-parse tells how many empty lines
// it skipped so far (`info.empty_lines`, also on its errors).

const LINE_BREAK = /\r\n|\r|\n/g;

export function lineBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

/** Call `next` once per parsed record, in order and header included: it answers where that record starts. */
export function csvRecordLines() {
  let consumed = 0; // lines taken by the records seen so far (empty lines not included)
  return {
    next(fields: readonly (string | undefined)[], emptyLines: number): number {
      const start = consumed + emptyLines + 1;
      consumed += 1 + fields.reduce((n, field) => n + lineBreaks(field ?? ""), 0);
      return start;
    },
    /** Where the record after the last one starts (a syntax error stops csv-parse before it is emitted). */
    following(emptyLines: number): number {
      return consumed + emptyLines + 1;
    },
  };
}
