import { parse } from "csv-parse/sync";
import { itemImportSchema } from "@/lib/items/schema";
import { csvRecordLines, lineBreaks } from "@/lib/import/csv-lines";
import { parseSentences } from "./medec-sentences";

export { parseSentences } from "./medec-sentences";

// MEDEC CSV (abachaa/MEDEC, RUBRICS.md §7) → `note` items of our import JSONL. Each row is a
// clinical note that is either correct or holds one injected error; the gold answer goes to
// reference.gold.item so reviewers' flag / type / sentence can be checked against it. A file
// without the label columns (notes to review, no answers) gives items without a reference.
// Rows whose cells are all empty are skipped (the official test file ends with 328 of them);
// anything else unexpected is an error with its line and column, never a silent change.

export type MedecError = { line: number; field: string; message: string };

const NOTE_COLUMNS = ["Text ID", "Text", "Sentences"];
const LABEL_COLUMNS = ["Error Flag", "Error Type", "Error Sentence ID", "Error Sentence", "Corrected Sentence", "Corrected Text"];
type Row = Partial<Record<string, string>>;

// Item fields that come straight from one column, so schema errors can name the column.
const FIELD_COLUMN: Record<string, string> = { externalId: "Text ID", text: "Text", sentences: "Sentences" };

export function convertMedecCsv(text: string): { items: Record<string, unknown>[]; errors: MedecError[]; labelled: boolean } {
  const items: Record<string, unknown>[] = [];
  const errors: MedecError[] = [];
  const firstLineOf = new Map<string, number>();
  const lines = csvRecordLines();
  let header: string[] = [];
  let headerOk = true;
  let labelled = true;
  try {
    parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true, // a short row becomes missing fields, reported per field below
      columns: (names: string[]) => {
        lines.next(names, 0);
        header = names;
        const missing = NOTE_COLUMNS.filter((c) => !names.includes(c));
        for (const c of missing) errors.push({ line: 1, field: c, message: `column "${c}" is missing from the header.` });
        const labels = LABEL_COLUMNS.filter((c) => names.includes(c));
        labelled = labels.length > 0;
        if (labelled && labels.length < LABEL_COLUMNS.length) {
          const absent = LABEL_COLUMNS.filter((c) => !names.includes(c)).map((c) => `"${c}"`).join(", ");
          errors.push({ line: 1, field: "(header)", message: `the header has some of MEDEC's label columns but not ${absent}: give all of them, or none for unlabelled notes.` });
        }
        headerOk = !errors.length;
        return names;
      },
      on_record: (record: Row, context) => {
        // Quoted fields may span several lines; the record's first line is the one to report.
        const line = lines.next(Object.values(record), context.empty_lines);
        if (!headerOk || Object.values(record).every((v) => !v?.trim())) return null;
        // Where the Sentences cell starts: after the line breaks of the cells before it.
        const sentencesLine = line + header.slice(0, header.indexOf("Sentences")).reduce((n, c) => n + lineBreaks(record[c] ?? ""), 0);
        const result = convertRow(record, { line, sentencesLine, labelled }, firstLineOf);
        if ("item" in result) items.push(result.item);
        else errors.push(...result.errors);
        return null; // nothing to accumulate: items are collected above
      },
    });
  } catch (e) {
    // A syntax error (e.g. an unclosed quote) stops csv-parse; the bad record starts after the last good one.
    errors.push({ line: lines.following((e as { empty_lines?: number }).empty_lines ?? 0), field: "(csv)", message: (e as Error).message });
  }
  return { items, errors, labelled };
}

type Where = { line: number; sentencesLine: number; labelled: boolean };

function convertRow(row: Row, where: Where, firstLineOf: Map<string, number>): { item: Record<string, unknown> } | { errors: MedecError[] } {
  const { line } = where;
  const errors: MedecError[] = [];
  const fail = (field: string, message: string, at = line) => errors.push({ line: at, field, message });
  const value = (column: string) => row[column] ?? "";

  const externalId = value("Text ID").trim();
  if (!externalId) fail("Text ID", "Text ID is required.");
  else if (firstLineOf.has(externalId)) fail("Text ID", `duplicate Text ID "${externalId}" (first on line ${firstLineOf.get(externalId)}).`);
  else firstLineOf.set(externalId, line);

  const parsed = parseSentences(value("Sentences"));
  if ("problem" in parsed) fail("Sentences", parsed.problem, where.sentencesLine + parsed.line);
  const sentences = "sentences" in parsed ? parsed.sentences : null;
  const reference = where.labelled ? readLabels(row, sentences, fail) : null;
  if (errors.length || !sentences) return { errors };

  const item = {
    kind: "note",
    externalId,
    text: value("Text"),
    ...(sentences.length ? { sentences } : {}),
    responses: [],
    ...(reference ? { reference } : {}),
    metadata: { source: "medec" },
  };
  const check = itemImportSchema.safeParse(item);
  if (!check.success) {
    return { errors: check.error.issues.map((i) => ({ line, field: FIELD_COLUMN[String(i.path[0])] ?? i.path.join("."), message: i.message })) };
  }
  return { item };
}

/** The gold answer of a labelled row (MEDEC writes "NA", and -1 for the sentence id, where there is no error). */
function readLabels(row: Row, sentences: { id: string }[] | null, fail: (field: string, message: string) => void) {
  const value = (column: string) => row[column] ?? "";
  const orNull = (column: string) => (["", "NA"].includes(value(column).trim()) ? null : value(column));

  const flagText = value("Error Flag").trim();
  if (flagText !== "0" && flagText !== "1") fail("Error Flag", `Error Flag must be 0 or 1 (got "${flagText}").`);
  const flag = flagText === "1";

  const idText = value("Error Sentence ID").trim();
  let errorSentenceId: number | null = null;
  if (!/^-?\d+$/.test(idText) || Number(idText) < -1) fail("Error Sentence ID", `Error Sentence ID must be a sentence number or -1 (got "${idText}").`);
  else if (idText !== "-1") errorSentenceId = Number(idText);

  const errorType = orNull("Error Type");
  if (flag) {
    if (!errorType) fail("Error Type", "an error row (Error Flag 1) needs an Error Type.");
    if (errorSentenceId === null) fail("Error Sentence ID", "an error row (Error Flag 1) needs the id of the erroneous sentence.");
    else if (sentences?.length && !sentences.some((s) => s.id === String(errorSentenceId)))
      fail("Error Sentence ID", `sentence ${errorSentenceId} is not in Sentences (0–${sentences.length - 1}).`);
  }
  return {
    errorFlag: flag,
    errorType,
    errorSentenceId,
    errorSentence: orNull("Error Sentence"),
    correctedSentence: orNull("Corrected Sentence"),
    correctedText: orNull("Corrected Text"),
    gold: { item: { error_flag: flag, ...(flag ? { error_type: errorType, error_sentence_id: String(errorSentenceId) } : {}) } },
  };
}
