import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkTaxonomyUpdate, DEFAULT_ERROR_TYPES, kindOfStep, STEP_KINDS, STEP_VERDICTS } from "./taxonomy";

describe("the default error taxonomy", () => {
  it("has the six DeepSeek-R1 categories first, then the issue's types, merging the conflicting-data one", () => {
    expect(DEFAULT_ERROR_TYPES.map((t) => t.key)).toEqual([
      "anchoring_bias",
      "conflicting_data_unreconciled",
      "too_few_alternatives",
      "overthinking",
      "incomplete_knowledge",
      "skipped_intermediate_steps",
      "factual_error",
      "misread_patient_data",
      "premature_closure",
      "calculation_error",
      "guideline_deviation",
      "hallucinated_finding",
      "unsafe_recommendation",
    ]);
    for (const type of DEFAULT_ERROR_TYPES.slice(0, 6)) expect(type.source).toMatch(/DeepSeek R1.*arXiv 2504\.00016/);
    expect(DEFAULT_ERROR_TYPES[1].source).toMatch(/failure to reconcile conflicting data/);
  });

  it("gives every type a one-line label, help and source", () => {
    for (const type of DEFAULT_ERROR_TYPES) {
      expect(type.label.length).toBeGreaterThan(3);
      expect(type.help).toMatch(/^[A-Z].*\.$/);
      expect(type.help).not.toMatch(/\n/);
      expect(type.source.length).toBeGreaterThan(10);
    }
    expect(new Set(DEFAULT_ERROR_TYPES.map((t) => t.label)).size).toBe(DEFAULT_ERROR_TYPES.length);
  });
});

describe("kindOfStep", () => {
  it("uses the labelled kind, or derives one from the verdict", () => {
    expect(kindOfStep({ kind: "citation", verdict: "incorrect" })).toBe("citation");
    expect(STEP_VERDICTS.map((verdict) => kindOfStep({ verdict }))).toEqual(["reasoning", "reasoning", "reasoning", "redundancy", "repetition"]);
    expect(kindOfStep({})).toBeNull();
    expect(STEP_KINDS).toEqual(["reasoning", "citation", "repetition", "redundancy"]);
  });
});

describe("checkTaxonomyUpdate", () => {
  it("refuses to remove a type that labels use, and allows relabelling it", () => {
    const renamed = DEFAULT_ERROR_TYPES.map((t) => (t.key === "overthinking" ? { ...t, label: "Over-deliberation" } : t));
    expect(checkTaxonomyUpdate(renamed, { overthinking: 4 })).toEqual([]);
    const removed = DEFAULT_ERROR_TYPES.filter((t) => t.key !== "overthinking" && t.key !== "calculation_error");
    expect(checkTaxonomyUpdate(removed, { overthinking: 1, calculation_error: 0 })).toEqual([
      'The error type "overthinking" is used on 1 step and cannot be removed; change its label or help instead.',
    ]);
  });
});

describe("client safety", () => {
  // The step annotator runs these in the browser: no zod (its eval probe breaks the CSP) and no
  // server-only modules. schema.ts is the one module with zod; the others take only its types.
  it.each(["segment.ts", "taxonomy.ts", "metrics.ts", "check-block.ts"])("%s imports neither zod nor server code", (file) => {
    const source = readFileSync(path.join(import.meta.dirname, file), "utf8");
    const imports = [...source.matchAll(/^import\s+(type\s+)?(?:[^;"]*?from\s+)?"([^"]+)"/gmu)].map((m) => ({ isType: Boolean(m[1]), from: m[2] }));
    for (const { isType, from } of imports) {
      if (isType) continue;
      expect(from).toMatch(/^\.\/(?:taxonomy|segment)$/u);
    }
  });
});
