import type { ImportError, ImportResult } from "./import-items";

// Words for an import's outcome, shared by the import form and the CLI (client-safe).

export function plural(n: number, noun: string): string {
  return `${n.toLocaleString("en")} ${n === 1 ? noun : `${noun}s`}`;
}

/** "Imported 1 item with 2 responses" (the caller adds where to, and the full stop). */
export function describeImported(result: { imported: number; responses: number }): string {
  return `Imported ${plural(result.imported, "item")} with ${plural(result.responses, "response")}`;
}

/** "line 4, options: …"; errors about a whole line or file ("(line)", "(file)", "(csv)") name no field. */
export function describeImportError(error: ImportError): string {
  const where = error.line > 0 ? `line ${error.line.toLocaleString("en")}` : "";
  const field = error.field.startsWith("(") ? "" : error.field;
  const prefix = [where, field].filter(Boolean).join(", ");
  return prefix ? `${prefix}: ${error.message}` : error.message;
}

/** "Import failed with 2 errors in 3 lines; nothing was imported." */
export function describeFailure(result: Extract<ImportResult, { ok: false }>): string {
  return `Import failed with ${plural(result.errorCount, "error")} in ${plural(result.lines, "line")}; nothing was imported.`;
}
