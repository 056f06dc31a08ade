import { describeFailure, describeImportError } from "@/lib/import/describe-import";
import type { ImportError } from "@/lib/import/import-records";

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A refused import (items, judge results): the verdict, every located error shown, and how many more. */
export function ImportErrorList({ result, testId }: { result: Parameters<typeof describeFailure>[0] & { errors: ImportError[]; errorCount: number }; testId: string }) {
  return (
    <div data-testid={testId} className="text-sm text-red-700">
      <p>{describeFailure(result)}</p>
      <ul className="mt-1 max-h-48 list-disc overflow-auto ps-5">
        {result.errors.map((e, i) => <li key={i}>{capitalized(describeImportError(e))}</li>)}
      </ul>
      {result.errorCount > result.errors.length ? <p>… and {(result.errorCount - result.errors.length).toLocaleString("en")} more.</p> : null}
    </div>
  );
}
