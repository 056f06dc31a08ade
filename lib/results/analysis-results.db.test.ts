import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { asActor } from "@/test/support/study";
import { seedVariantStudy } from "@/test/support/variant-study";
import { loadRubricResults } from "./load-results";
import { resultsFilterSchema } from "./results-filter";
import { segmentOptions } from "./segments";
import { loadVariantComparisons } from "./variant-pairs";
import { loadAutoGrades } from "./auto-grades";
import { runCli } from "@/lib/cli/main";

// Issue 13: every results figure by an analysis field (segments), and variants against originals.
const filter = (segment?: string) => resultsFilterSchema.parse(segment ? { segment } : {});

describe("results by analysis field", () => {
  it("narrow annotations by an item field and responses by a response field; numbers by range; cutoff derived", async () => {
    const { admin, project, firstAxis } = await seedVariantStudy();
    const actor = asActor(admin);
    const ratingsOf = async (segment?: string) => {
      const results = await loadRubricResults(actor, project.id, filter(segment), { resamples: 0 });
      const axis = results.axes.find((a) => a.axis.key === firstAxis)!;
      return { annotations: results.annotations, byModel: Object.fromEntries(axis.models.map((m) => [m.model, m.ratings])) };
    };
    expect(await ratingsOf()).toEqual({ annotations: 8, byModel: { "model-alpha": 8, "model-beta": 8 } });
    expect(await ratingsOf("group:women")).toEqual({ annotations: 4, byModel: { "model-alpha": 4, "model-beta": 4 } });
    expect(await ratingsOf("variant:age-perturbed")).toEqual({ annotations: 4, byModel: { "model-alpha": 4, "model-beta": 4 } });
    expect(await ratingsOf("prompt:persona-nurse")).toEqual({ annotations: 8, byModel: { "model-beta": 8 } });
    // Alpha costs 0.01 × case number, beta 0.002: from 0.02 up, alpha's cases 2–4 (original and variant each).
    expect(await ratingsOf("costUsd:0.02..")).toEqual({ annotations: 6, byModel: { "model-alpha": 6 } });
    expect(await ratingsOf("costUsd:0..0.02")).toEqual({ annotations: 8, byModel: { "model-alpha": 2, "model-beta": 8 } });
    // Cases 3–4 are dated 2025-06, after both cutoffs; cases 1–2 (2023) before.
    expect(await ratingsOf("afterCutoff:yes")).toEqual({ annotations: 4, byModel: { "model-alpha": 4, "model-beta": 4 } });
    expect(await ratingsOf("date:2023")).toEqual({ annotations: 4, byModel: { "model-alpha": 4, "model-beta": 4 } });
  });

  it("offer each field's values with counts, numbers as quartile ranges that cover every value once", async () => {
    const { project } = await seedVariantStudy();
    const options = await segmentOptions(getDb(), project.id);
    const of = (field: string) => options.find((o) => o.field === field)?.choices;
    expect(of("variant")).toEqual([{ segment: "variant:age-perturbed", label: "age-perturbed", count: 4 }, { segment: "variant:original", label: "original", count: 4 }]);
    expect(of("afterCutoff")).toEqual([{ segment: "afterCutoff:no", label: "no", count: 8 }, { segment: "afterCutoff:yes", label: "yes", count: 8 }]);
    expect(of("inputTokens")).toBeUndefined();
    // 16 costs: eight 0.002 (beta), then 0.01–0.04 twice each; quartile edges 0.002, 0.002, 0.002, 0.02 collapse to two ranges.
    expect(of("costUsd")).toEqual([{ segment: "costUsd:0.002..0.02", label: "0.002 – < 0.02", count: 10 }, { segment: "costUsd:0.02..", label: "≥ 0.02", count: 6 }]);
  });

  it("reject a segment that is not field:value with the reason", () => {
    expect(resultsFilterSchema.safeParse({ segment: "colour:red" }).error?.issues[0].message).toMatch(/^segment must start with one of variant, group/);
    expect(resultsFilterSchema.safeParse({ segment: "costUsd:cheap" }).error?.issues[0].message).toMatch(/range such as 0.01..0.05/);
    expect(resultsFilterSchema.safeParse({ segment: "costUsd:5..1" }).error?.issues[0].message).toMatch(/high end must be above/);
    expect(resultsFilterSchema.safeParse({ segment: "afterCutoff:maybe" }).error?.issues[0].message).toBe("segment afterCutoff is yes or no.");
  });
});

describe("variants against originals", () => {
  it("pair each variant with its original per model, on the automatic grade and on best-rated axes, with McNemar's exact test", async () => {
    const { admin, project, firstAxis } = await seedVariantStudy();
    const comparisons = await loadVariantComparisons(asActor(admin), project.id, filter());
    const find = (outcome: string, model: string) => comparisons.find((c) => c.outcome === outcome && c.model === model)!;
    // Alpha: right on all 4 originals, on 1 of 4 variants: b = 3, c = 0, exact two-sided p = 2 × (1/2)³.
    expect(find("auto:correct", "model-alpha")).toMatchObject({ variant: "age-perturbed", pairs: 4, b: 3, c: 0, originalRate: 1, variantRate: 0.25, method: "exact-binomial", test: "McNemar" });
    expect(find("auto:correct", "model-alpha").pValue).toBeCloseTo(0.25, 12);
    expect(find("auto:correct", "model-beta")).toMatchObject({ pairs: 4, b: 0, c: 0, pValue: 1 });
    expect(find(firstAxis, "model-alpha")).toMatchObject({ pairs: 4, b: 3, c: 0, originalRate: 1, variantRate: 0.25 });
    expect(comparisons[0].outcome).toBe("auto:correct");
    expect(comparisons[0].citation).toMatch(/McNemar Q\. Psychometrika 1947/);
    // The filter applies: women only (cases 1 and 3, both wrong on the variant for alpha).
    const women = await loadVariantComparisons(asActor(admin), project.id, filter("group:women"));
    expect(women.find((c) => c.outcome === "auto:correct" && c.model === "model-alpha")).toMatchObject({ pairs: 2, b: 2, c: 0 });
  });
});

describe("automatic grades", () => {
  it("grade every keyed answer per model without reviews, under the item filters and segments", async () => {
    const { admin, project } = await seedVariantStudy();
    const grades = await loadAutoGrades(asActor(admin), project.id, filter());
    // Alpha: the 4 originals and case-4's variant right (5 of 8); beta right throughout.
    expect(grades.map((g) => [g.model, g.correct.count, g.correct.n])).toEqual([["model-alpha", 5, 8], ["model-beta", 8, 8]]);
    expect(grades[0].correct.low).toBeLessThan(0.625);
    expect((await loadAutoGrades(asActor(admin), project.id, filter("variant:age-perturbed"))).map((g) => [g.model, g.correct.count, g.correct.n])).toEqual([["model-alpha", 1, 4], ["model-beta", 4, 4]]);
    expect((await loadAutoGrades(asActor(admin), project.id, filter("prompt:plain"))).map((g) => g.model)).toEqual(["model-alpha"]);
    expect(await loadAutoGrades(asActor(admin), project.id, resultsFilterSchema.parse({ kind: "qa" }))).toEqual([]);
  });
});

describe("the results command", () => {
  it("takes --segment and lists the variant comparisons in its table and CSV", async () => {
    const { admin, project } = await seedVariantStudy();
    const run = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
      return { code, out: out.join("\n"), err: err.join("\n") };
    };
    const table = await run("results", project.slug, "--segment", "group:women", "--as", admin.email);
    expect(table).toMatchObject({ code: 0, err: "" });
    expect(table.out).toMatch(/^basis\t4 annotations\t4 items/);
    expect(table.out).toContain("variants\tauto:correct\tmodel-alpha\tage-perturbed vs original\tpairs 2\toriginal 100.0 %\tvariant 0.0 %\tMcNemar b 2 c 0 p 0.500 (exact-binomial)");
    const csv = await run("results", project.slug, "--format", "csv", "--as", admin.email);
    expect(csv.out).toContain("variant_pairs,auto:correct,model-alpha,age-perturbed,mcnemar_p,exact-binomial,");
    expect(csv.out).toContain("auto_grade,auto:correct,model-alpha,,share_correct,,Answer correct (graded automatically),5,8,0.625,");
    expect(await run("results", project.slug, "--segment", "colour:red", "--as", admin.email)).toMatchObject({ code: 2, err: expect.stringMatching(/^Error: segment: segment must start with one of variant/) });
  });
});
