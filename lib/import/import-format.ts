// Which reader an import file goes to. Client-safe: the import form, the API route and the CLI
// decide the same way. Before this, anything that was not called .csv was read as JSONL, so a
// brat or BIO file gave one "invalid JSON" error per line (14,870 of them for one corpus).

export const IMPORT_FORMATS = ["jsonl", "csv"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const SUPPORTED_FORMATS = "JSONL (.jsonl or .ndjson: one JSON object per line) and CSV (.csv: a header row of field paths)";

const BY_EXTENSION: Record<string, ImportFormat> = { jsonl: "jsonl", ndjson: "jsonl", csv: "csv" };
const BY_CONTENT_TYPE: Record<string, ImportFormat> = {
  "text/csv": "csv",
  "application/x-ndjson": "jsonl",
  "application/ndjson": "jsonl",
  "application/jsonl": "jsonl",
  "application/x-jsonlines": "jsonl",
  "application/jsonlines": "jsonl",
};

// Formats people may try that are not item imports, with what to do instead.
const NOT_ITEMS: Record<string, string> = {
  json: "A .json file holds one JSON document, while an import needs one item per line (JSONL). Convert HealthBench .json examples with scripts/convert-healthbench.ts; if this file already has one item per line, rename it .jsonl.",
  ann: "brat standoff (.ann) holds argument annotations, not items.",
  txt: "A .txt file has no item fields.",
  tsv: "Tab-separated files (BIO/CoNLL) are not an item format; for a spreadsheet, save it as comma-separated CSV.",
  conll: "BIO/CoNLL files are not an item format.",
  bio: "BIO/CoNLL files are not an item format.",
  xlsx: "Save the spreadsheet as CSV (UTF-8) first.",
};

export type FormatChoice = { format: ImportFormat } | { error: string };

function extensionOf(name: string): string {
  const base = name.trim().split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/**
 * The format an import is read in: an explicit choice (`--format`, `?format=`) first, then the
 * file name's extension, then the Content-Type; JSONL when nothing says otherwise (the readers
 * stop at the first line that shows the format is wrong). Callers add how to choose explicitly.
 */
export function chooseImportFormat(opts: { format?: string | null; fileName?: string | null; contentType?: string | null }): FormatChoice {
  const explicit = opts.format?.trim().toLowerCase();
  if (explicit) {
    const format = explicit === "ndjson" ? "jsonl" : explicit;
    return (IMPORT_FORMATS as readonly string[]).includes(format)
      ? { format: format as ImportFormat }
      : { error: `"${opts.format}" is not an import format. Supported formats: ${SUPPORTED_FORMATS}.` };
  }
  if (opts.fileName?.trim()) {
    const extension = extensionOf(opts.fileName);
    if (BY_EXTENSION[extension]) return { format: BY_EXTENSION[extension] };
    const why = NOT_ITEMS[extension] ?? (extension ? `".${extension}" files cannot be imported.` : "The name has no extension to tell its format.");
    return { error: `Cannot import "${opts.fileName.trim()}": ${why} Supported formats: ${SUPPORTED_FORMATS}.` };
  }
  const type = opts.contentType?.split(";")[0].trim().toLowerCase();
  if (type && BY_CONTENT_TYPE[type]) return { format: BY_CONTENT_TYPE[type] };
  return { format: "jsonl" };
}

/** Why a line that is not JSON cannot start a JSONL file, with a guess at what the file is. */
export function describeNotJsonl(text: string): string {
  const hint = /^[TRAEMN#*]\d*\t/.test(text)
    ? "It looks like brat standoff annotations, which are not an item format. "
    : text.includes("\t")
      ? "It looks like tab-separated text (such as BIO/CoNLL), which is not an item format. "
      : text.includes(",")
        ? "It looks like CSV: give the file a .csv name, or choose the CSV format. "
        : "";
  return `This line is not JSON, so the file is not JSONL (one JSON object per line); reading stopped here. ${hint}Supported formats: ${SUPPORTED_FORMATS}.`;
}
