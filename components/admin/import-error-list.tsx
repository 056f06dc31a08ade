"use client";
import { useTranslations } from "next-intl";
import type { ImportError } from "@/lib/import/import-records";

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "line 4, options: …" in the UI's language (the message itself is the server's); errors about a whole line or file ("(line)", "(file)", "(csv)") name no field. */
export function useDescribeImportError(): (error: ImportError) => string {
  const t = useTranslations("project.import");
  return (error) => {
    const where = error.line > 0 ? t("line", { line: error.line }) : "";
    const field = error.field.startsWith("(") ? "" : error.field;
    const prefix = [where, field].filter(Boolean).join(", ");
    return prefix ? `${prefix}: ${error.message}` : error.message;
  };
}

/** A refused import (items, judge results): the verdict, every located error shown, and how many more. */
export function ImportErrorList({ result, testId }: { result: { errors: ImportError[]; errorCount: number; lines: number }; testId: string }) {
  const t = useTranslations("project.import");
  const describe = useDescribeImportError();
  return (
    <div data-testid={testId} className="text-sm text-red-700">
      <p>{t("failed", { errors: result.errorCount, lines: result.lines })}</p>
      <ul className="mt-1 max-h-48 list-disc overflow-auto ps-5">
        {result.errors.map((e, i) => <li key={i}>{capitalized(describe(e))}</li>)}
      </ul>
      {result.errorCount > result.errors.length ? <p>{t("more", { count: result.errorCount - result.errors.length })}</p> : null}
    </div>
  );
}
