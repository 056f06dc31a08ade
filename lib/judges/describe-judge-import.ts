import { plural } from "@/lib/import/describe-import";
import type { JudgeImportResult } from "./import-judge-results";

// Words for a judge import's outcome, shared by the project page's form and the CLI (client-safe:
// the result type is imported as a type only). Errors read as the item import's (describeImportError).

/** "Imported 40 judge values (2 replaced) from gpt-4o-judge" (the caller adds where to, and the full stop). */
export function describeJudgeImport(result: Extract<JudgeImportResult, { ok: true }>): string {
  const replaced = result.replaced ? ` (${plural(result.replaced, "earlier value")} replaced)` : "";
  return `Imported ${plural(result.imported, "judge value")}${replaced} from ${result.judges.join(", ")}`;
}
