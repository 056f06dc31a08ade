import { useTranslations } from "next-intl";
import type { ReviewItem } from "@/lib/assignments/load-for-review";
import { Markdown, PlainText } from "@/components/ui/markdown";
import { cardClass } from "@/components/ui/styles";
import { textProps } from "@/components/ui/text-direction";
import { ImageViewer } from "./image-viewer";
import { AudioPlayer } from "./audio-player";
import { Transcript } from "./transcript";

// The case under review, one layout per item kind. A server component: all markdown arrives
// rendered and sanitized, so none of this adds JavaScript to the review page (except the image
// viewer, which needs zoom and pan). The item's text is shown in its own language's direction
// (`language`, the item's; "auto" when not given); headings and labels follow the page.

const heading = "mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500";

/** `imagesInTool`: the regions tool shows the images (with its drawing layer), below the question. */
export function ItemView({ item, language, imagesInTool = false }: { item: ReviewItem; language?: string | null; imagesInTool?: boolean }) {
  const t = useTranslations("review.item");
  const text = textProps(language);
  switch (item.kind) {
    case "qa":
      return (
        <section className={cardClass} aria-label={t("question")} data-kind="qa">
          <h2 className={heading}>{t("question")}</h2>
          <Markdown html={item.questionHtml} data-testid="question" {...text} />
          {item.numericKey ? (
            <p className="mt-2 text-sm" data-testid="numeric-key">
              {t("numericKey", { value: String(item.numericKey.value), unit: item.numericKey.unit ?? "", low: String(item.numericKey.low), high: String(item.numericKey.high) })}
            </p>
          ) : null}
          {item.audio ? <AudioPlayer audio={item.audio} language={language} /> : null}
          {item.contextHtml ? (
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer text-slate-600">{t("context")}</summary>
              <Markdown html={item.contextHtml} {...text} />
            </details>
          ) : null}
        </section>
      );
    case "mcq":
      return (
        <section className={cardClass} aria-label={t("question")} data-kind="mcq">
          <h2 className={heading}>{t("question")}</h2>
          <Markdown html={item.questionHtml} data-testid="question" {...text} />
          {item.correctOptions ? <p className="mt-2 text-xs text-slate-600" data-testid="select-all">{t("selectAll")}</p> : null}
          <ol className="mt-3 space-y-1" aria-label={t("options")} data-testid="mcq-options">
            {item.options.map((o) => {
              const correct = item.correctOption === o.key || Boolean(item.correctOptions?.includes(o.key));
              return (
                <li key={o.key} className={`flex items-baseline gap-2 rounded border px-2 py-1 text-sm [&_p]:my-0 ${correct ? "border-green-500 bg-green-50" : "border-slate-200"}`} data-option={o.key} data-correct={correct || undefined}>
                  <span className="font-semibold" {...text}><PlainText text={o.key} />.</span>
                  <Markdown html={o.html} {...text} />
                  {correct ? <span className="ms-auto text-xs font-medium text-green-800">{t("correct")}</span> : null}
                </li>
              );
            })}
          </ol>
        </section>
      );
    case "dialogue":
      return (
        <section className={cardClass} aria-label={t("conversation")} data-kind="dialogue">
          <h2 className={heading}>{t("conversation")}</h2>
          <Transcript turns={item.turns} language={language} />
          {item.audio ? <AudioPlayer audio={item.audio} language={language} /> : null}
          <p className="mt-2 text-xs text-slate-600">
            {item.target === "whole_dialogue" ? t("rateWholeDialogue") : t("rateNextTurn")}
          </p>
        </section>
      );
    case "vqa":
      return (
        <section className={cardClass} aria-label={t("imagesAndQuestion")} data-kind="vqa">
          {imagesInTool ? null : <ImageViewer images={item.images} language={language} layout={item.layout} />}
          <h2 className={`${heading} mt-3`}>{t("question")}</h2>
          <Markdown html={item.questionHtml} data-testid="question" {...text} />
        </section>
      );
    case "note":
      return (
        <section className={cardClass} aria-label={t("note")} data-kind="note">
          <h2 className={heading}>{t("note")}</h2>
          {/* The review form makes sentences clickable (data-pickable) when the rubric asks for one. */}
          <ol className="group space-y-0.5 text-sm" data-testid="note-sentences">
            {item.sentences.map((s) => (
              <li key={s.id} className="flex gap-2 rounded group-data-[pickable=true]:cursor-pointer group-data-[pickable=true]:hover:bg-slate-100 data-[picked=true]:bg-amber-100 data-[picked=true]:ring-1 data-[picked=true]:ring-amber-400" data-sentence-id={s.id}>
                <span className="w-8 shrink-0 select-none text-end font-mono text-xs leading-5 text-slate-400" aria-label={t("sentence", { id: s.id })}>{s.id}</span>
                <span {...text}><PlainText text={s.text} /></span>
              </li>
            ))}
          </ol>
        </section>
      );
    case "ddx":
      return (
        <section className={cardClass} aria-label={t("case")} data-kind="ddx">
          <h2 className={heading}>{t("case")}</h2>
          <Markdown html={item.caseHtml} data-testid="question" {...text} />
        </section>
      );
    case "record":
      return (
        <section className={cardClass} aria-label={t("recordTask")} data-kind="record">
          <h2 className={heading}>{t("recordTask")}</h2>
          <Markdown html={item.questionHtml} data-testid="question" {...text} />
          <p className="mt-1 text-xs text-slate-600">{t("recordBeside", { entries: item.record.entries.length })}</p>
        </section>
      );
    case "summary":
      return (
        <section className={cardClass} aria-label={t("summaryTask")} data-kind="summary">
          <h2 className={heading}>{t("summaryTask")}</h2>
          {item.instructionHtml ? <Markdown html={item.instructionHtml} data-testid="question" {...text} /> : null}
          <p className="mt-1 text-xs text-slate-600">{t("summarySourceBeside")}</p>
        </section>
      );
    case "trajectory":
      return (
        <section className={cardClass} aria-label={t("agentCase")} data-kind="trajectory">
          <h2 className={heading}>{t("agentCase")}</h2>
          <Markdown html={item.caseHtml} data-testid="question" {...text} />
          {item.tools.length ? (
            <details className="mt-2 text-sm" data-testid="agent-tools">
              <summary className="cursor-pointer text-slate-600">{t("agentTools")} ({item.tools.length})</summary>
              <ul className="mt-1 space-y-0.5">
                {item.tools.map((tool) => (
                  <li key={tool.name}><code className="rounded bg-slate-100 px-1" dir="ltr"><PlainText text={tool.name} /></code>{tool.description ? <span {...text}> — <PlainText text={tool.description} /></span> : null}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      );
  }
}
