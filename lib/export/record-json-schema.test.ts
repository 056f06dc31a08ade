import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXPORT_SCHEMA_PATH, renderExportRecordJsonSchema } from "./record-json-schema";

const file = path.resolve(import.meta.dirname, "../..", EXPORT_SCHEMA_PATH);
const committed = () => (existsSync(file) ? readFileSync(file, "utf8") : "(missing)");

describe("published export record schema", () => {
  it("docs/export-record.schema.json is generated from the zod schema and up to date (npm run docs:export-schema)", () => {
    expect(committed(), "docs/export-record.schema.json is out of date: run npm run docs:export-schema").toBe(renderExportRecordJsonSchema());
  });

  it("documents keys that appear only when used as optional, with their types", () => {
    const schema = JSON.parse(renderExportRecordJsonSchema());
    const [submitted, skipped] = schema.oneOf;
    expect([submitted.properties.status.const, skipped.properties.status.const]).toEqual(["submitted", "skipped"]);
    expect(submitted.required).not.toContain("pairwise");
    expect(submitted.properties.pairwise.type).toBe("array");
    const response = submitted.properties.responses.items;
    for (const key of ["confidence", "criteria", "criteriaScore", "differentialMatches", "topK", "content", "reasoning", "answer"]) {
      expect([key, response.required.includes(key)]).toEqual([key, false]);
      expect(response.properties[key].description, key).toBeTruthy();
    }
    expect(response.properties.confidence).toMatchObject({ type: "integer", minimum: 1, maximum: 5 });
    expect(response.properties.criteria.items.properties.number).toMatchObject({ type: "integer", minimum: 1 });
    expect(response.additionalProperties).toBe(false);
    expect(skipped.required).toEqual(expect.arrayContaining(["skipReason", "assignmentId", "reviewer"]));
  });
});
