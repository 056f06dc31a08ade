import { describe, expect, it } from "vitest";
import type { AnnotationRecord } from "./annotation-records";
import { exportChunks, toCsvRows } from "./write-export";

const record: AnnotationRecord = {
  annotationId: "a1", version: 3, project: "p", batch: "b", assignmentId: "as1", itemId: "i1", externalId: "q-1",
  reviewer: "R-abc", submittedAt: "2026-01-01T00:00:00.000Z", timeOnTaskMs: 1200,
  responses: [
    { responseId: "r1", label: "A", modelName: "alpha", shownAs: 2, ratings: { harm_extent: "none" }, comments: { harm_extent: 'said "fine", ok' } },
    { responseId: "r2", label: "B", modelName: "beta", shownAs: 1, ratings: { harm_extent: "death_severe" }, comments: {} },
  ],
  itemRatings: {}, itemComments: {}, overallComment: "multi\nline",
};

async function collect(gen: AsyncGenerator<string>) {
  let out = "";
  for await (const c of gen) out += c;
  return out;
}

async function* one() { yield record; }

describe("export writers", () => {
  it("writes one CSV row per rating plus the overall comment", () => {
    const rows = toCsvRows(record);
    expect(rows).toHaveLength(3);
    expect(rows[0].slice(5, 12)).toEqual(["r1", "A", "alpha", "2", "R-abc", "harm_extent", "none"]);
    expect(rows[2][10]).toBe("overall_comment");
  });

  it("quotes CSV fields with commas, quotes and newlines", async () => {
    const csv = await collect(exportChunks("csv", one()));
    expect(csv.split("\n")[0]).toMatch(/^annotation_id,project,batch/);
    expect(csv).toContain('"said ""fine"", ok"');
    expect(csv).toContain('"multi\nline"');
  });

  it("writes one JSON object per line", async () => {
    const jsonl = await collect(exportChunks("jsonl", one()));
    const lines = jsonl.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]).responses[1].modelName).toBe("beta");
  });
});
