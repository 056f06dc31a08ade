import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppShell } from "@/components/ui/app-shell";
import { Markdown } from "@/components/ui/markdown";
import { cardClass } from "@/components/ui/styles";
import { ReviewForm } from "@/components/review/review-form";
import { NotFoundError } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { loadAssignmentForReview } from "@/lib/assignments/load-for-review";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const actor = await requirePageActor("assignment:work");
  const { assignmentId } = await params;
  const payload = await loadAssignmentForReview(actor, assignmentId).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const { project, item, responses, axes, annotation, assignment } = payload;
  return (
    <AppShell actor={actor}>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <p className="text-sm"><Link className="text-blue-800 hover:underline" href="/queue">← My queue</Link></p>
          <h1 className="text-xl font-semibold">{project.name} · item {assignment.displayOrder + 1}</h1>
        </div>
        <details className="text-sm">
          <summary className="cursor-pointer text-blue-800">Guidelines</summary>
          <Markdown html={project.guidelinesHtml} className={`${cardClass} mt-2 max-w-xl`} />
        </details>
      </div>
      <section className={`${cardClass} mb-4`} aria-label="Question">
        <h2 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Question</h2>
        <Markdown html={item.questionHtml} data-testid="question" />
        {item.contextHtml ? (
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-slate-600">Context</summary>
            <Markdown html={item.contextHtml} />
          </details>
        ) : null}
      </section>
      <ReviewForm
        assignmentId={assignment.id}
        status={assignment.status}
        responses={responses}
        axes={axes}
        initialVersion={annotation.version}
        initialData={annotation.data}
      />
    </AppShell>
  );
}
