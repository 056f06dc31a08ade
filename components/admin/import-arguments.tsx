"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { zipSync } from "fflate";
import { buttonClass } from "@/components/ui/styles";
import { useDescribeImportError } from "./import-error-list";
import type { ArgumentImportResult } from "@/lib/tools/arguments/import-documents";

// Uploads an argument corpus (a brat folder, CoNLL/BIO files, CasiMedicos-Arg's .json + .jsonl) to
// the import route as one zip archive, made here from the chosen files, so that the server reads the
// collection whole (all or nothing) with the same code as the command line.

type Format = "brat" | "conll" | "casimedicos";

async function zipOf(files: File[]): Promise<Uint8Array> {
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[(f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name] = new Uint8Array(await f.arrayBuffer());
  return zipSync(entries, { level: 1 });
}

export function ImportArguments({ slug }: { slug: string }) {
  const router = useRouter();
  const t = useTranslations("project.import");
  const describeImportError = useDescribeImportError();
  const help: Record<Format, string> = {
    brat: t("arguments.helpBrat"),
    conll: t("arguments.helpConll", { first: "<file>-1", second: "<file>-2" }),
    casimedicos: t("arguments.helpCasimedicos"),
  };
  const [format, setFormat] = useState<Format>("brat");
  const [files, setFiles] = useState<File[]>([]);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ArgumentImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!files.length) return;
    setBusy(true);
    setResult(null);
    setFailure(null);
    try {
      const body = await zipOf(files);
      const response = await fetch(`/api/v1/projects/${slug}/import?format=${format}&skipInvalid=${skipInvalid}`, { method: "POST", body: body as BodyInit, headers: { "Content-Type": "application/zip", "X-File-Name": `${files.length} files` } });
      const text = await response.text();
      if (!response.ok) throw new Error(JSON.parse(text || "{}").error ?? t("serverAnswered", { status: response.status }));
      setResult(JSON.parse(text.trim().split("\n").at(-1) ?? "{}") as ArgumentImportResult);
      router.refresh();
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-4 space-y-2 border-t border-slate-100 pt-4" aria-label={t("arguments.label")}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label className="font-medium text-slate-700" htmlFor="arguments-format">{t("arguments.label")}</label>
        <select id="arguments-format" className="rounded border border-slate-300 px-2 py-1" value={format} onChange={(e) => setFormat(e.target.value as Format)} data-testid="arguments-format">
          <option value="brat">{t("arguments.brat")}</option>
          <option value="conll">CoNLL / BIO</option>
          <option value="casimedicos">CasiMedicos-Arg</option>
        </select>
      </div>
      <p className="text-xs text-slate-500">{help[format]} {t("arguments.seeDocs")}</p>
      <div className="flex flex-wrap gap-3 text-sm">
        <label className="flex items-center gap-1">{t("arguments.folder")} <input type="file" className="text-sm" data-testid="arguments-folder" {...{ webkitdirectory: "", directory: "" }} onChange={(e) => setFiles([...(e.target.files ?? [])])} /></label>
        <label className="flex items-center gap-1">{t("arguments.files")} <input type="file" multiple className="text-sm" data-testid="arguments-files" onChange={(e) => setFiles([...(e.target.files ?? [])])} /></label>
      </div>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} /> {t("arguments.skipInvalid")}</label>
      <button className={buttonClass} disabled={!files.length || busy} data-testid="arguments-import">{busy ? t("importing") : t("arguments.submit", { count: files.length })}</button>
      {failure ? <p className="text-sm text-red-700" data-testid="arguments-import-error">{failure}</p> : null}
      {result?.ok ? <p className="text-sm text-green-700" data-testid="arguments-import-result">{t("imported", { items: result.imported, responses: result.responses })}{result.labelSetExtended ? t("arguments.labelSetExtended") : ""}.</p> : null}
      {result && !result.ok ? (
        <div className="text-sm text-red-700" data-testid="arguments-import-errors">
          <p>{t("failedShort", { errors: result.errorCount })}</p>
          <ul className="list-disc ps-5">{result.errors.map((e, i) => <li key={i}>{describeImportError(e)}</li>)}</ul>
        </div>
      ) : null}
      {result?.notes.length ? (
        <details className="text-xs text-slate-600"><summary>{t("arguments.notes", { count: result.notes.length })}</summary><ul className="list-disc ps-5">{result.notes.map((n, i) => <li key={i}>{n}</li>)}</ul></details>
      ) : null}
    </form>
  );
}
