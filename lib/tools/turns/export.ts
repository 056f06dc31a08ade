import type { AnnotationData } from "@/lib/annotations/schema";
import type { ExportResponseRecord } from "@/lib/export/record-schema";
import { csvValue } from "../export-values";
import type { CsvRow } from "../types";

/**
 * Per-turn ratings in the export (decision 033): per response, its rated AI turns in transcript order,
 * each with its position in the response's transcript (`turn`, from 1) and the TURN axes' values and
 * comments; CSV one `turn` row per axis and turn, with the position in the `turn` column.
 */
export const turnsExport = {
  id: "turns" as const,
  response(doc: AnnotationData, responseId: string): Partial<ExportResponseRecord> {
    const byTurn = doc.turns?.[responseId];
    if (!byTurn) return {};
    const turnRatings = Object.entries(byTurn)
      .filter(([, block]) => Object.keys(block.ratings).length || Object.keys(block.comments).length)
      .map(([position, block]) => ({ turn: Number(position) + 1, ratings: block.ratings, comments: block.comments }))
      .sort((a, b) => a.turn - b.turn);
    return turnRatings.length ? { turnRatings } : {};
  },
  csvResponseRows(r: ExportResponseRecord, row: CsvRow): string[][] {
    const rows: string[][] = [];
    for (const t of r.turnRatings ?? []) {
      for (const axis of new Set([...Object.keys(t.ratings), ...Object.keys(t.comments)])) {
        rows.push(row(r, "turn", axis, csvValue(t.ratings[axis]), t.comments[axis] ?? "", undefined, t.turn));
      }
    }
    return rows;
  },
};
