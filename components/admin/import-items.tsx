"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/styles";
import { ImportErrorList } from "./import-error-list";
import { chooseImportFormat } from "@/lib/import/import-format";
import type { ImportResult as Result } from "@/lib/import/import-items";


/** Streams the file to the import route and reads its NDJSON progress events. */
export function ImportItems({ slug }: { slug: string }) {
  const router = useRouter();
  const t = useTranslations("project.import");
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!file) return;
    setResult(null);
    setFailure(null);
    // The name tells the format (lib/import/import-format.ts); anything else is refused here, before uploading.
    const choice = chooseImportFormat({ fileName: file.name });
    if ("error" in choice) {
      setFailure(choice.error);
      return;
    }
    setProgress(0);
    try {
      const response = await fetch(`/api/v1/projects/${slug}/import?format=${choice.format}`, {
        method: "POST",
        body: file,
        headers: { "Content-Type": choice.format === "csv" ? "text/csv" : "application/x-ndjson", "X-File-Name": file.name },
      });
      if (!response.ok || !response.body) {
        const body = await response.json().catch(() => ({}));
        throw new Error(body.error ?? t("serverAnswered", { status: response.status }));
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines.filter(Boolean)) {
          const event = JSON.parse(line);
          if (event.type === "progress") setProgress(Math.min(1, event.bytes / Math.max(file.size, 1)));
          else if (event.type === "result") setResult(event as Result);
        }
      }
      router.refresh();
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setProgress(null);
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-4 space-y-2 border-t border-slate-100 pt-4" aria-label={t("items.label")}>
      <label className="block text-sm font-medium text-slate-700" htmlFor="import-file">{t("items.file")}</label>
      <p id="import-file-help" className="text-xs text-slate-500">
        {t.rich("items.csvHelp", { fields: "externalId,question,responses.0.modelName,responses.0.content", code: (c) => <code>{c}</code> })}
      </p>
      <input id="import-file" type="file" accept=".jsonl,.ndjson,.csv,application/x-ndjson,application/json,text/csv" className="block text-sm" aria-describedby="import-file-help"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      <button className={buttonClass} disabled={!file || progress !== null}>{t("items.submit")}</button>
      {progress !== null ? (
        <div className="h-2 w-full overflow-hidden rounded bg-slate-200" role="progressbar" aria-valuenow={Math.round(progress * 100)} aria-valuemin={0} aria-valuemax={100}>
          <div className="h-full bg-blue-600 transition-all" style={{ width: `${Math.round(progress * 100)}%` }} />
        </div>
      ) : null}
      {failure ? <p className="text-sm text-red-700" data-testid="import-error">{failure}</p> : null}
      {result?.ok ? <p className="text-sm text-green-700" data-testid="import-result">{t("imported", { items: result.imported, responses: result.responses })}.</p> : null}
      {result && !result.ok ? <ImportErrorList result={result} testId="import-errors" /> : null}
    </form>
  );
}
