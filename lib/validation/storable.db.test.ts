import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createBatch } from "@/lib/assignments/create-batch";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { skipAssignment } from "@/lib/annotations/skip-assignment";
import { createProject } from "@/lib/projects/create-project";
import { asActor, seedStudy } from "@/test/support/study";

// Text PostgreSQL cannot store (NUL, half a surrogate pair) is a validation error naming the field at
// every boundary that takes free text — not a database error (a 500) halfway through a write.
describe("unstorable text is refused at the boundary", () => {
  it("in annotations, skip reasons, project names and guidelines, batch names", async () => {
    const { admin, reviewers, assignments, project } = await seedStudy();
    const me = asActor(reviewers[0]);
    const a = assignments.find((x) => x.reviewerId === me.id)!;
    const refused = async (p: Promise<unknown>, message: RegExp) => {
      const error = await p.then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues.map((i) => i.message).join(" ")).toMatch(message);
    };
    await refused(saveAnnotation(me, a.id, { baseVersion: 0, clientMutationId: "nul-comment", data: { ...emptyAnnotationData(), overallComment: "bad\u0000byte" } }), /NUL character/);
    await refused(saveAnnotation(me, a.id, { baseVersion: 0, clientMutationId: "surrogate-comment", data: { ...emptyAnnotationData(), overallComment: "half \ud800 pair" } }), /surrogate/);
    await refused(skipAssignment(me, a.id, { reason: "not\u0000mine" }), /NUL character/);
    await refused(createProject(admin.id, { name: "Study\u0000", slug: "nul-study", template: "med-palm-long-form", reviewersPerItem: 1 }), /name contains a NUL/);
    await refused(createProject(admin.id, { name: "Study", slug: "nul-guide", guidelines: "x\u0000", template: "med-palm-long-form", reviewersPerItem: 1 }), /guidelines contains a NUL/);
    await refused(createBatch(admin.id, project.id, { name: "B\u0000", reviewerIds: [reviewers[0].id] }), /batch name contains a NUL/);
  });
});
