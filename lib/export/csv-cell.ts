// CSV injection (OWASP, https://owasp.org/www-community/attacks/CSV_Injection): a spreadsheet runs
// a cell that starts with = + - @ TAB or CR as a formula, so text typed by a reviewer or carried by
// an imported item could exfiltrate data (=HYPERLINK(…&A1)) or run commands (DDE). Every delimited
// file the product writes passes its cells through neutralizeCsvCell (docs/decisions/008).
//
// Why not csv-stringify's `escape_formulas` (we used csv-stringify before): it spares only cells
// given as JS numbers, while our values arrive as strings (rubric option values such as "-2",
// scores already formatted).
// Here a cell that is exactly a decimal number stays as it is, whatever its source: a number
// cannot be a formula, and researchers need -0.5 to read as -0.5.

/** OWASP's triggers (= + - @ TAB CR), plus the full-width forms that Apple Numbers folds into them (as csv-stringify does). */
function startsLikeFormula(cell: string): boolean {
  switch (cell.charCodeAt(0)) {
    case 0x3d: case 0x2b: case 0x2d: case 0x40: case 0x09: case 0x0d: // = + - @ TAB CR
    case 0xff1d: case 0xff0b: case 0xff0d: case 0xff20: // ＝ ＋ － ＠
      return true;
    default:
      return false;
  }
}
/** A plain decimal number as JavaScript prints one: -0.5, -12, -1e-7, -2.5e+21. */
const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** The cell as a spreadsheet must show it: text that would start a formula gets a leading `'`. */
export function neutralizeCsvCell(cell: string): string {
  if (!startsLikeFormula(cell) || PLAIN_NUMBER.test(cell)) return cell;
  return "'" + cell;
}

/** RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): a cell holding a quote, the delimiter or a line break is quoted, quotes doubled. */
const NEEDS_QUOTES = { ",": /[",\r\n]/, "\t": /["\t\r\n]/ } as const;

/**
 * Rows → delimited text, every cell neutralized, one "\n"-terminated line per row. The one writer
 * for CSV exports and the CLI's tab-separated tables. Hand-written rather than csv-stringify: the
 * quoting rule is four lines, and csv-stringify took ~8× the CPU on export-shaped rows (500k rows of
 * 21 cells: 10.1 s vs 1.3 s), which bounded the CSV export (decision 008). Tests read the output
 * back with csv-parse.
 */
export function writeDelimitedRows(rows: string[][], delimiter: "," | "\t" = ","): string {
  const needsQuotes = NEEDS_QUOTES[delimiter];
  let out = "";
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const cell = neutralizeCsvCell(row[i]);
      if (i) out += delimiter;
      out += needsQuotes.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
    }
    out += "\n";
  }
  return out;
}
