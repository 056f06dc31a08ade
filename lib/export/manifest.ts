import { getDb } from "@/lib/db/client";
import pkg from "@/package.json";
import type { ExportFilter } from "./annotation-records";
import type { ExportFormat, ParsedExportQuery } from "./schema";

/**
 * manifest.json of a download (decision 016): what was exported, how, from which rubric versions,
 * by which app version, when, and how many records of each type it holds. Inside every zip and
 * folder; for a single-file format it is `?manifest=true` (CLI: FILE.manifest.json beside --out).
 */
export type ExportManifest = {
  manifest: 1;
  app: { name: string; version: string };
  generatedAt: string;
  format: ExportFormat;
  project: { slug: string; name: string };
  filters: {
    batch: string | null;
    status: string;
    kind: string | null;
    reviewer: string | null;
    from: string | null;
    to: string | null;
    content: boolean;
  };
  reviewers: "pseudonymized" | "identified";
  rubrics: Array<{ version: number; name: string; template: string | null; axes: number; frozenAt: string | null }>;
  /** Records read (submitted annotations, skipped assignments) and rows written per record type / file. */
  counts: Record<string, number>;
  files?: Array<{ path: string; rows?: number; bytes: number }>;
};

export const APP_VERSION = pkg.version;

export async function buildManifest(opts: {
  format: ExportFormat;
  project: { id: string; slug: string; name: string };
  query: Pick<ParsedExportQuery, "batch" | "status" | "kind" | "reviewer" | "from" | "to">;
  filter: ExportFilter;
  counts: Record<string, number>;
  files?: ExportManifest["files"];
}): Promise<ExportManifest> {
  const rubrics = await getDb().rubric.findMany({ where: { projectId: opts.project.id }, orderBy: { version: "asc" }, include: { _count: { select: { axes: true } } } });
  const q = opts.query;
  return {
    manifest: 1,
    app: { name: pkg.name, version: pkg.version },
    generatedAt: new Date().toISOString(),
    format: opts.format,
    project: { slug: opts.project.slug, name: opts.project.name },
    filters: { batch: q.batch ?? null, status: q.status, kind: q.kind ?? null, reviewer: q.reviewer ?? null, from: q.from ?? null, to: q.to ?? null, content: Boolean(opts.filter.includeContent) },
    reviewers: opts.filter.identifyReviewers ? "identified" : "pseudonymized",
    rubrics: rubrics.map((r) => ({ version: r.version, name: r.name, template: r.templateKey, axes: r._count.axes, frozenAt: r.frozenAt?.toISOString() ?? null })),
    counts: opts.counts,
    ...(opts.files ? { files: opts.files } : {}),
  };
}

/**
 * The manifest of a single-file download, by running the same export and counting what it writes
 * (so the counts are those of the file, not an estimate); the file's text is discarded.
 */
export async function manifestOfSingleFileExport(opts: {
  actorId: string;
  project: { id: string; slug: string; name: string };
  filter: ExportFilter;
  format: ExportFormat;
  query: Pick<ParsedExportQuery, "batch" | "status" | "kind" | "reviewer" | "from" | "to">;
}): Promise<ExportManifest> {
  const { runExport } = await import("./run-export");
  const counts: Record<string, number> = { records_submitted: 0, records_skipped: 0 };
  let bytes = 0;
  for await (const chunk of runExport({ actorId: opts.actorId, filter: opts.filter, format: opts.format, counts })) bytes += Buffer.byteLength(chunk);
  return buildManifest({ ...opts, counts: { ...counts, bytes } });
}
