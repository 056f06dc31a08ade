import { stringify } from "csv-stringify/sync";

// CSV injection (OWASP, https://owasp.org/www-community/attacks/CSV_Injection): a spreadsheet runs
// a cell that starts with = + - @ TAB or CR as a formula, so text typed by a reviewer or carried by
// an imported item could exfiltrate data (=HYPERLINK(…&A1)) or run commands (DDE). Every delimited
// file the product writes passes its cells through neutralizeCsvCell (docs/decisions/008).
//
// Why not csv-stringify's own `escape_formulas`: it spares only cells given as JS numbers, while
// our values arrive as strings (rubric option values such as "-2", scores already formatted).
// Here a cell that is exactly a decimal number stays as it is, whatever its source: a number
// cannot be a formula, and researchers need -0.5 to read as -0.5.

/** OWASP's triggers, plus the full-width forms that Apple Numbers folds into them (as csv-stringify does). */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"]);
/** A plain decimal number as JavaScript prints one: -0.5, -12, -1e-7, -2.5e+21. */
const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** The cell as a spreadsheet must show it: text that would start a formula gets a leading `'`. */
export function neutralizeCsvCell(cell: string): string {
  if (cell === "" || !FORMULA_TRIGGERS.has(cell[0])) return cell;
  if (PLAIN_NUMBER.test(cell)) return cell;
  return "'" + cell;
}

/**
 * Rows → delimited text (RFC 4180 quoting by csv-stringify), every cell neutralized. The one
 * writer for CSV exports and the CLI's tab-separated tables.
 */
export function writeDelimitedRows(rows: string[][], delimiter: "," | "\t" = ","): string {
  return stringify(rows.map((row) => row.map(neutralizeCsvCell)), { delimiter });
}
