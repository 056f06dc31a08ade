"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/styles";
import { ImportErrorList } from "./import-error-list";
import type { JudgeImportResult } from "@/lib/judges/import-judge-results";


/** Sends an LLM judge's JSONL file to the judge-results route and shows its outcome (admins). */
export function ImportJudgeResults({ slug }: { slug: string }) {
  const router = useRouter();
  const t = useTranslations("project.import");
  const [file, setFile] = useState<File | null>(null);
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<JudgeImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!file) return;
    setResult(null);
    setFailure(null);
    setBusy(true);
    try {
      const response = await fetch(`/api/v1/projects/${slug}/judge-results${replace ? "?replace=true" : ""}`, {
        method: "POST",
        body: file,
        headers: { "Content-Type": "application/x-ndjson", "X-File-Name": file.name },
      });
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        throw new Error(body.error ?? t("serverAnswered", { status: response.status }));
      }
      // NDJSON: progress events, then one result.
      const events = (await response.text()).split("\n").filter(Boolean).map((l) => JSON.parse(l));
      const last = events.findLast((e) => e.type === "result");
      if (last) setResult(last as JudgeImportResult);
      router.refresh();
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-4 space-y-2 border-t border-slate-100 pt-4" aria-label={t("judge.label")}>
      <label className="block text-sm font-medium text-slate-700" htmlFor="judge-file">{t("judge.file")}</label>
      <p id="judge-file-help" className="text-xs text-slate-500">
        {t.rich("judge.help", {
          example: `{"externalId":"q-1","response":"model-alpha","axis":"overall_quality","value":4,"judge":"gpt-judge"}`,
          criterion: `"criterion":2,"value":true`,
          code: (c) => <code>{c}</code>,
        })}
      </p>
      <input id="judge-file" type="file" accept=".jsonl,.ndjson,application/x-ndjson,application/json" className="block text-sm" aria-describedby="judge-file-help"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} data-testid="judge-replace" />
        {t("judge.replace")}
      </label>
      <button className={buttonClass} disabled={!file || busy}>{busy ? t("importing") : t("judge.submit")}</button>
      {failure ? <p className="text-sm text-red-700" data-testid="judge-import-error">{failure}</p> : null}
      {result?.ok ? <p className="text-sm text-green-700" data-testid="judge-import-result">{t("judge.imported", { values: result.imported, replaced: result.replaced, judges: result.judges.join(", ") })}.</p> : null}
      {result && !result.ok ? <ImportErrorList result={result} testId="judge-import-errors" /> : null}
    </form>
  );
}
