import type { AnnotationData } from "@/lib/annotations/schema";
import type { ExportResponseRecord } from "@/lib/export/record-schema";
import { csvValue } from "../export-values";
import type { CsvRow, ExportContext } from "../types";
import { isJudgedAction } from "./actions";
import { isErroneousVerdict } from "./taxonomy";

/**
 * A run's labels in the export: every agent action and test (numbered from 1 in the run) with what the
 * reviewer said, and the run's figures: error rate over judged actions, unnecessary tests, cost.
 */
export const actionsExport = {
  id: "actions" as const,
  response(doc: AnnotationData, responseId: string, ctx: ExportContext): Partial<ExportResponseRecord> {
    const run = ctx.actions?.get(responseId);
    if (!run) return {};
    const labels = doc.actions?.[responseId] ?? {};
    const actions = run.flatMap((a, i) => {
      if (!isJudgedAction(a) && a.type !== "test") return [];
      const l = labels[String(i)];
      return [{
        number: i + 1,
        type: a.type,
        ...(a.tool ? { tool: a.tool } : {}),
        ...(a.test ? { test: a.test } : {}),
        ...(a.costUsd !== undefined ? { costUsd: a.costUsd } : {}),
        verdict: l?.verdict ?? null,
        errorTypes: l?.errorTypes ?? [],
        severity: l?.severity ?? null,
        ...(a.type === "test" ? { necessary: l?.necessary ?? null } : {}),
        ...(l?.comment ? { comment: l.comment } : {}),
      }];
    });
    const judged = actions.filter((a) => a.verdict !== null);
    const tests = actions.filter((a) => a.type === "test");
    const costs = run.map((a) => a.costUsd).filter((c): c is number => typeof c === "number");
    return {
      trajectory: {
        actions,
        judged: judged.length,
        erroneous: judged.filter((a) => isErroneousVerdict(a.verdict)).length,
        testsOrdered: tests.length,
        unnecessaryTests: tests.filter((a) => a.necessary === false).length,
        cost: costs.length ? Math.round(costs.reduce((s, c) => s + c, 0) * 1e6) / 1e6 : null,
      },
    };
  },
  /** Rows `action` (`action:<number>`, the verdict; errors and severity in the comment), `action:<number>:necessary` for tests, then the run's figures. */
  csvResponseRows(r: ExportResponseRecord, row: CsvRow): string[][] {
    const t = r.trajectory;
    if (!t) return [];
    return [
      ...t.actions.flatMap((a) => [
        row(r, "action", `action:${a.number}`, a.verdict ?? "", [a.severity, ...a.errorTypes, a.comment].filter(Boolean).join("; ")),
        ...(a.type === "test" ? [row(r, "action", `action:${a.number}:necessary`, csvValue(a.necessary ?? null), a.test ?? "")] : []),
      ]),
      row(r, "action", "erroneous_actions", `${t.erroneous}/${t.judged}`, ""),
      row(r, "action", "unnecessary_tests", `${t.unnecessaryTests}/${t.testsOrdered}`, ""),
      row(r, "action", "run_cost_usd", csvValue(t.cost), ""),
    ];
  },
};
