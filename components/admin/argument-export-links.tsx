import { secondaryButtonClass } from "@/components/ui/styles";

/** brat (zip, one folder per annotator) and CoNLL/BIO downloads of argument spans (lib/tools/arguments/export-files.ts). */
export function ArgumentExportLinks({ slug }: { slug: string }) {
  const href = (query: string) => `/api/v1/projects/${slug}/export?${query}`;
  return (
    <div className="mt-3">
      <h3 className="mb-2 text-sm font-medium">Export argument annotations</h3>
      <div className="flex flex-wrap gap-2">
        <a className={secondaryButtonClass} href={href("format=brat")} data-testid="export-brat">brat (reviewers)</a>
        <a className={secondaryButtonClass} href={href("format=conll")} data-testid="export-conll">BIO (reviewers)</a>
        <a className={secondaryButtonClass} href={href("format=brat&source=imported")} data-testid="export-brat-imported">brat (imported)</a>
        <a className={secondaryButtonClass} href={href("format=conll&source=imported&foldMajorClaim=true")} data-testid="export-conll-imported">BIO (imported, MajorClaim as Claim)</a>
      </div>
      <p className="mt-1 text-xs text-slate-500">
        brat: a zip with one folder per reviewer (pseudonym) or &quot;imported&quot;, files named by external id, annotation.conf included. BIO: IOB2 tags on
        whitespace tokens, a -DOCSTART- line naming each document. Offsets are Unicode code points (docs/formats.md).
      </p>
    </div>
  );
}
