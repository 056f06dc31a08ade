import { parse } from "csv-parse/sync";
import { itemImportSchema } from "@/lib/items/schema";
import { csvRecordLines } from "@/lib/import/csv-lines";

// MEDEC CSV (abachaa/MEDEC, RUBRICS.md §7) → `note` items of our import JSONL. Each row is a
// clinical note that is either correct or holds one injected error; the gold answer goes to
// reference.gold.item so reviewers' flag / type / sentence can be checked against it.

export type MedecError = { line: number; field: string; message: string };

const COLUMNS = ["Text ID", "Text", "Sentences", "Error Flag", "Error Type", "Error Sentence ID", "Error Sentence", "Corrected Sentence", "Corrected Text"];
type Row = Partial<Record<string, string>>;

// Item fields that come straight from one column, so schema errors can name the column.
const FIELD_COLUMN: Record<string, string> = { externalId: "Text ID", text: "Text", sentences: "Sentences" };

export function convertMedecCsv(text: string): { items: Record<string, unknown>[]; errors: MedecError[] } {
  const items: Record<string, unknown>[] = [];
  const errors: MedecError[] = [];
  const firstLineOf = new Map<string, number>();
  const lines = csvRecordLines();
  let headerOk = true;
  try {
    parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true, // a short row becomes missing fields, reported per field below
      columns: (header: string[]) => {
        lines.next(header, 0);
        const missing = COLUMNS.filter((c) => !header.includes(c));
        for (const c of missing) errors.push({ line: 1, field: c, message: `column "${c}" is missing from the header.` });
        headerOk = !missing.length;
        return header;
      },
      on_record: (record: Row, context) => {
        // Quoted fields may span several lines; the record's first line is the one to report.
        const line = lines.next(Object.values(record), context.empty_lines);
        if (!headerOk) return null;
        const result = convertRow(record, line, firstLineOf);
        if ("item" in result) items.push(result.item);
        else errors.push(...result.errors);
        return null; // nothing to accumulate: items are collected above
      },
    });
  } catch (e) {
    // A syntax error (e.g. an unclosed quote) stops csv-parse; the bad record starts after the last good one.
    errors.push({ line: lines.following((e as { empty_lines?: number }).empty_lines ?? 0), field: "(csv)", message: (e as Error).message });
  }
  return { items, errors };
}

function convertRow(row: Row, line: number, firstLineOf: Map<string, number>): { item: Record<string, unknown> } | { errors: MedecError[] } {
  const errors: MedecError[] = [];
  const fail = (field: string, message: string) => errors.push({ line, field, message });
  const value = (column: string) => row[column] ?? "";
  // MEDEC writes "NA" (and -1 for the sentence id) where there is no error.
  const orNull = (column: string) => (["", "NA"].includes(value(column).trim()) ? null : value(column));

  const externalId = value("Text ID").trim();
  if (!externalId) fail("Text ID", "Text ID is required.");
  else if (firstLineOf.has(externalId)) fail("Text ID", `duplicate Text ID "${externalId}" (first on line ${firstLineOf.get(externalId)}).`);
  else firstLineOf.set(externalId, line);

  const flagText = value("Error Flag").trim();
  if (flagText !== "0" && flagText !== "1") fail("Error Flag", `Error Flag must be 0 or 1 (got "${flagText}").`);
  const flag = flagText === "1";

  const idText = value("Error Sentence ID").trim();
  let errorSentenceId: number | null = null;
  if (!/^-?\d+$/.test(idText) || Number(idText) < -1) fail("Error Sentence ID", `Error Sentence ID must be a sentence number or -1 (got "${idText}").`);
  else if (idText !== "-1") errorSentenceId = Number(idText);

  const sentences = parseSentences(value("Sentences"));
  if (!sentences) fail("Sentences", 'Sentences must be "<id> <sentence>" lines numbered from 0.');
  const errorType = orNull("Error Type");
  if (flag) {
    if (!errorType) fail("Error Type", "an error row (Error Flag 1) needs an Error Type.");
    if (errorSentenceId === null) fail("Error Sentence ID", "an error row (Error Flag 1) needs the id of the erroneous sentence.");
    else if (sentences?.length && !sentences.some((s) => s.id === String(errorSentenceId)))
      fail("Error Sentence ID", `sentence ${errorSentenceId} is not in Sentences (0–${sentences.length - 1}).`);
  }
  if (errors.length || !sentences) return { errors };

  const item = {
    kind: "note",
    externalId,
    text: value("Text"),
    ...(sentences.length ? { sentences } : {}),
    responses: [],
    reference: {
      errorFlag: flag,
      errorType,
      errorSentenceId,
      errorSentence: orNull("Error Sentence"),
      correctedSentence: orNull("Corrected Sentence"),
      correctedText: orNull("Corrected Text"),
      gold: { item: { error_flag: flag, ...(flag ? { error_type: errorType, error_sentence_id: String(errorSentenceId) } : {}) } },
    },
    metadata: { source: "medec" },
  };
  const check = itemImportSchema.safeParse(item);
  if (!check.success) {
    return { errors: check.error.issues.map((i) => ({ line, field: FIELD_COLUMN[String(i.path[0])] ?? i.path.join("."), message: i.message })) };
  }
  return { item };
}

/**
 * The Sentences column holds "<id> <sentence>" lines numbered from 0. Upstream segmentation splits
 * some sentences mid-way ("6 Her pulse is" / "7 106/min …"); those are kept as given. Lab-value
 * lines without an id continue the previous sentence, and blank lines are dropped. Only the next
 * expected number starts a sentence, so a continuation line starting with a number stays put.
 * Null when text comes before sentence 0 (not MEDEC's format); [] for an empty column.
 */
export function parseSentences(column: string): { id: string; text: string }[] | null {
  const sentences: { id: string; text: string }[] = [];
  for (const line of column.split(/\r?\n/)) {
    const m = /^(\d+)(?: (.*))?$/.exec(line);
    if (m && Number(m[1]) === sentences.length) sentences.push({ id: m[1], text: m[2] ?? "" });
    else if (line.trim() && sentences.length) sentences[sentences.length - 1].text += `\n${line}`;
    else if (line.trim()) return null;
  }
  return sentences;
}
