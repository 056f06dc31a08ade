import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db/client";
import { findUnstorableValues } from "@/lib/import/check-json";
import type { ImportError, ImportRecord } from "@/lib/import/import-records";
import { jsonlStringRecords } from "@/lib/import/read-jsonl-items";
import { loadJudgeAxes } from "./judge-axes";
import { resolveJudgeLine, type JudgeItem, type ResolvedJudgeRow } from "./resolve-judge-line";
import { judgeLineSchema } from "./schema";

// Imports an automated judge's values (issue 9; decision 015): all or nothing, in ONE transaction,
// while the file streams in, in chunks of CHUNK_SIZE lines — memory stays flat whatever the file's
// length, because duplicates are found in the database, not in a map of every line: each chunk is
// written at once (also after an error: the transaction rolls back anyway, and later duplicates of
// written lines are still found), and a value for a (judge, response, target) that is already
// stored is either this file's own earlier line ("repeats line N") or an earlier import's value:
// a conflict, unless `replace` is set, which replaces it.

export const CHUNK_SIZE = 500;
export const MAX_REPORTED = 200;

export type JudgeImportResult =
  | { ok: true; importId: string; imported: number; replaced: number; judges: string[] }
  | { ok: false; errors: ImportError[]; errorCount: number; lines: number };

class ImportFailed extends Error {
  constructor(readonly result: Extract<JudgeImportResult, { ok: false }>) {
    super("judge import failed");
  }
}

const keyOf = (r: { judge: string; responseId: string; axisKey: string | null; criterionId: string | null }) =>
  `${r.judge}\u0000${r.responseId}\u0000${r.axisKey ?? ""}\u0000${r.criterionId ?? ""}`;
const targetWords = (r: { axisKey: string | null }) => (r.axisKey !== null ? `axis "${r.axisKey}"` : "this criterion");

export async function importJudgeResults(opts: {
  actorId: string;
  projectId: string;
  /** Records from the JSONL reader (jsonlItemRecords), or JSONL lines already decoded. */
  records?: AsyncIterable<ImportRecord>;
  lines?: AsyncIterable<string> | Iterable<string>;
  /** Replace values an earlier import stored for the same judge, response and target. */
  replace?: boolean;
  fileName?: string;
  onProgress?: (p: { lines: number }) => void;
}): Promise<JudgeImportResult> {
  const db = getDb();
  const importId = randomUUID();
  try {
    return await db.$transaction(
      async (tx) => {
        const axes = await loadJudgeAxes(tx, opts.projectId);
        const errors: ImportError[] = [];
        let errorCount = 0;
        const addError = (e: ImportError) => {
          errorCount += 1;
          if (errors.length < MAX_REPORTED) errors.push(e);
        };
        let chunk: Array<{ line: number; value: unknown; found: ImportError[] }> = [];
        let lineNo = 0;
        let imported = 0;
        let replaced = 0;
        const judges = new Set<string>();

        const flush = async () => {
          const lines = chunk;
          chunk = [];
          const parsed = lines.map(({ line, value, found }) => {
            const result = judgeLineSchema.safeParse(value);
            const errs = [...found];
            for (const f of findUnstorableValues(value)) errs.push({ line, field: f.path.join(".") || "(line)", message: f.message });
            if (!result.success) for (const i of result.error.issues) if (!errs.some((e) => e.field === (i.path.join(".") || "(line)"))) errs.push({ line, field: i.path.join(".") || "(line)", message: i.message });
            return { line, data: result.success && !errs.length ? result.data : null, errs };
          });
          const ids = [...new Set(parsed.flatMap((p) => (p.data ? [p.data.externalId] : [])))];
          const items = new Map<string, JudgeItem>(
            (
              await tx.item.findMany({
                where: { projectId: opts.projectId, externalId: { in: ids } },
                select: { id: true, externalId: true, responses: { select: { id: true, modelName: true, label: true } }, criteria: { select: { id: true, position: true } } },
              })
            ).map((i) => [i.externalId, i]),
          );
          const rows: ResolvedJudgeRow[] = [];
          for (const p of parsed) {
            if (!p.data) {
              p.errs.forEach(addError);
              continue;
            }
            const resolved = resolveJudgeLine(p.line, p.data, items.get(p.data.externalId), axes);
            if ("errors" in resolved) resolved.errors.forEach(addError);
            else rows.push(resolved.row);
          }
          if (!rows.length) return;
          // Values already stored for these judges and responses: this file's earlier lines, or earlier imports'.
          const stored = await tx.judgeResult.findMany({
            where: { projectId: opts.projectId, judge: { in: [...new Set(rows.map((r) => r.judge))] }, responseId: { in: [...new Set(rows.map((r) => r.responseId))] } },
            select: { id: true, judge: true, responseId: true, axisKey: true, criterionId: true, importId: true, sourceLine: true, createdAt: true },
          });
          const byKey = new Map(stored.map((s) => [keyOf(s), s]));
          const toWrite: ResolvedJudgeRow[] = [];
          const toDelete: string[] = [];
          for (const row of rows) {
            const key = keyOf(row);
            const earlier = byKey.get(key);
            if (earlier?.importId === importId) {
              addError({ line: row.line, field: row.axisKey !== null ? "axis" : "criterion", message: `repeats line ${earlier.sourceLine}: judge "${row.judge}" already has a value for this response on ${targetWords(row)} in this file.` });
              continue;
            }
            if (earlier && !opts.replace) {
              addError({
                line: row.line,
                field: row.axisKey !== null ? "axis" : "criterion",
                message: `judge "${row.judge}" already has a value for this response on ${targetWords(row)}, imported ${earlier.createdAt.toISOString().slice(0, 10)}; re-importing is a conflict unless you ask to replace (--replace, or ?replace=true).`,
              });
              continue;
            }
            if (earlier) toDelete.push(earlier.id);
            byKey.set(key, { id: "", judge: row.judge, responseId: row.responseId, axisKey: row.axisKey, criterionId: row.criterionId, importId, sourceLine: row.line, createdAt: new Date() });
            toWrite.push(row);
          }
          if (toDelete.length) await tx.judgeResult.deleteMany({ where: { id: { in: toDelete } } });
          if (toWrite.length) {
            await tx.judgeResult.createMany({
              data: toWrite.map((r) => ({
                id: randomUUID(), projectId: opts.projectId, itemId: r.itemId, responseId: r.responseId, axisKey: r.axisKey, criterionId: r.criterionId,
                value: r.value, judge: r.judge, rationale: r.rationale, importId, sourceLine: r.line,
              })),
            });
          }
          replaced += toDelete.length;
          imported += toWrite.length;
          for (const r of toWrite) judges.add(r.judge);
        };

        const records = opts.records ?? jsonlStringRecords(opts.lines ?? []);
        let seen = 0;
        for await (const record of records) {
          lineNo = record.line;
          if ("error" in record) {
            addError(record.error);
            continue;
          }
          seen += 1;
          chunk.push({ line: record.line, value: record.value, found: record.errors ?? [] });
          if (chunk.length >= CHUNK_SIZE) {
            await flush();
            opts.onProgress?.({ lines: lineNo });
          }
        }
        await flush();
        opts.onProgress?.({ lines: lineNo });
        if (seen === 0 && errorCount === 0) addError({ line: 0, field: "(file)", message: "the file has no judge results." });
        if (errorCount) throw new ImportFailed({ ok: false, errors, errorCount, lines: lineNo });
        await recordAudit(
          { actorId: opts.actorId, action: "judges.import", entityType: "Project", entityId: opts.projectId, projectId: opts.projectId, data: { importId, imported, replaced, judges: [...judges], fileName: opts.fileName ?? null } },
          tx,
        );
        return { ok: true as const, importId, imported, replaced, judges: [...judges].sort() };
      },
      { timeout: 30 * 60 * 1000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof ImportFailed) return error.result;
    throw error;
  }
}
