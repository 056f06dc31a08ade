import { describe, expect, it } from "vitest";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { NotFoundError } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { asActor, completeRatings, seedStudy } from "@/test/support/study";
import { renderPdf, studyReportHtml } from "./render-pdf";
import { loadStudyReport, studyReportMarkdown } from "./study-report";

describe("study report", () => {
  it("states the design, work, results, agreement and checklists from the records; the PDF is printed by Chromium", async () => {
    const { reviewers, researcher, outsider, project, assignments } = await seedStudy({ items: 3 });
    // A model name that would break a Markdown table or inject markup in the PDF.
    await getDb().response.updateMany({ where: { item: { projectId: project.id }, modelName: "model-beta" }, data: { modelName: "beta|<script>x</script>" } });
    for (const a of assignments.slice(0, 5)) {
      const reviewer = reviewers.find((r) => r.id === a.reviewerId)!;
      await saveAnnotation(asActor(reviewer), a.id, { baseVersion: 0, clientMutationId: `r-${a.id}`, data: { ...emptyAnnotationData(), ...completeRatings(a.responseOrder) }, submit: true });
    }
    const data = await loadStudyReport(asActor(researcher), project.id);
    expect(data.design).toMatchObject({ items: { total: 3, gold: 0, byKind: { qa: 3 } }, reviewers: { count: 2 }, work: { submitted: 5, skipped: 0, pending: 1 } });
    expect(data.design.models.map((m) => m.name)).toEqual(["beta|<script>x</script>", "model-alpha"]);

    const md = studyReportMarkdown(data);
    expect(md).toContain(`# Study report: ${project.name}`);
    expect(md).toContain("5 assignments submitted, 0 skipped");
    expect(md).toContain("| Blinding | blinded to model identity");
    expect(md).toContain("beta\\|<script>x</script>"); // the pipe escaped, so the table keeps its columns
    expect(md).toMatch(/\| Scientific consensus \| model-alpha \| 5 \| 100 % \(\d+–100\) \|/);
    expect(md).toContain("## Agreement");
    // Checklists: filled where the records allow, the rest marked for the team.
    expect(md).toContain("- ☑ **Blinding of evaluators to the model**: Reviewers were blinded");
    expect(md).toContain("- ☐ **Model versions, prompts and inference settings**: _to complete_");

    const html = await studyReportHtml(md, "Study report");
    expect(html).not.toContain("<script>x</script>");
    const pdf = await renderPdf(html);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(5_000);

    await expect(loadStudyReport(asActor(outsider), project.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
