import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AppShell } from "@/components/ui/app-shell";
import { Markdown } from "@/components/ui/markdown";
import { cardClass } from "@/components/ui/styles";
import { ItemView } from "@/components/review/item-view";
import { ReviewForm } from "@/components/review/review-form";
import { StudyPhase } from "@/components/review/study-phase";
import { PracticePanel } from "@/components/review/practice-panel";
import { EarlierRoundPanel } from "@/components/review/earlier-round-panel";
import { skipReasonText } from "@/components/review/skip-reasons";
import { NotFoundError } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { loadAssignmentForReview, WorkLockedError } from "@/lib/assignments/load-for-review";
import { markAssignmentSeen } from "@/lib/assignments/transition";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review.page");
  return { title: t("title") };
}

export default async function ReviewPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const actor = await requirePageActor("assignment:work");
  const { assignmentId } = await params;
  const payload = await loadAssignmentForReview(actor, assignmentId, { locale: await getLocale() }).catch((e) => (e instanceof NotFoundError ? notFound() : e instanceof WorkLockedError ? e : Promise.reject(e)));
  const [t, tSkip] = await Promise.all([getTranslations("review.page"), getTranslations("review.skip.reasons")]);
  // The lock's reason is lib's sentence (lib/qualification/gate.ts workLockMessage), in English.
  if (payload instanceof WorkLockedError) {
    return (
      <AppShell actor={actor}>
        <p className="text-sm"><Link className="text-blue-800 hover:underline" href="/queue">{t("backToQueue")}</Link></p>
        <p role="alert" className={`${cardClass} mt-4 max-w-2xl`} data-testid="work-locked">{payload.message}</p>
      </AppShell>
    );
  }
  // Starts the wall-clock window that bounds the time on task the browser reports with its next save.
  await markAssignmentSeen(actor, assignmentId);
  const { project, item, itemLanguage, responses, axes, criteria, annotation, assignment, nextAssignmentId, nextScope, tools } = payload;
  // Next stays in this batch, then this project; when both are done the queue says so.
  const nextHref = nextAssignmentId ? `/review/${nextAssignmentId}` : `/queue?done=${encodeURIComponent(assignment.batchId)}`;
  const nextLabel = nextScope === "batch" ? t("next.batch") : nextScope === "project" ? t("next.project") : t("next.none");
  return (
    <AppShell actor={actor}>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <p className="text-sm"><Link className="text-blue-800 hover:underline" href="/queue">{t("backToQueue")}</Link></p>
          <h1 className="text-xl font-semibold">
            {project.name} <span className="font-normal text-slate-600">{t("position", { batch: assignment.batchName, number: String(assignment.number), total: assignment.itemsInBatch })}</span>
          </h1>
          {assignment.status === "SKIPPED" && assignment.skipReason ? <p className="text-sm text-slate-600">{t("skipped", { reason: skipReasonText(assignment.skipReason, (key) => tSkip(key)) })}</p> : null}
        </div>
        <div className="flex items-baseline gap-4 text-sm">
          <details>
            <summary className="cursor-pointer text-blue-800">{t("guidelines")}</summary>
            <Markdown html={project.guidelinesHtml} className={`${cardClass} mt-2 max-w-xl`} />
          </details>
          {/* The review form prefetches the next item in full; this link need not prefetch again. */}
          <Link href={nextHref} prefetch={false} className="text-blue-800 hover:underline" data-testid="next-item">
            {nextLabel}
          </Link>
        </div>
      </div>
      <div className="mb-4">
        <ItemView item={item} language={itemLanguage} imagesInTool={payload.regionReview !== null} />
      </div>
      {payload.practice ? <PracticePanel practice={payload.practice} nextHref={nextHref} language={itemLanguage} /> : null}
      {payload.phase ? <StudyPhase phase={payload.phase} assistance={payload.assistance} language={itemLanguage} /> : null}
      {payload.earlierRound ? <EarlierRoundPanel round={payload.earlierRound} /> : null}
      <ReviewForm
        assignmentId={assignment.id}
        status={assignment.status}
        responses={responses}
        language={itemLanguage}
        axes={axes}
        criteria={criteria}
        askConfidence={project.askConfidence}
        tools={tools}
        referenceStatements={payload.referenceStatements}
        {...(payload.item.kind === "summary" ? { summarySource: payload.item.source } : {})}
        {...(payload.item.kind === "vqa" && payload.regionReview ? { regions: { images: payload.item.images, layout: payload.item.layout, review: payload.regionReview } } : {})}
        {...(payload.item.kind === "record" ? { record: payload.item.record } : {})}
        stepSettings={payload.stepSettings}
        argumentReview={payload.argumentReview}
        suggestions={payload.suggestions}
        pairwiseStrength={project.pairwiseStrength}
        // A practice item's submit stays here, to show its feedback; elsewhere it goes on to the next item.
        nextHref={payload.practice && assignment.status !== "SUBMITTED" ? null : nextHref}
        annotation={annotation}
      />
    </AppShell>
  );
}
