"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { ReviewAudio } from "@/lib/assignments/load-for-review";
import { PlainText } from "@/components/ui/markdown";
import { textProps } from "@/components/ui/text-direction";

/** 75.4 → "1:15". */
export function clockTime(seconds: number): string {
  const s = Math.floor(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * A recording with its transcript (voice consultations, issue 13): the browser's own controls
 * (keyboard-operable), and each timed utterance a button that plays from there; the utterance
 * being heard is marked while it plays. The file comes by item id, never by name.
 */
export function AudioPlayer({ audio, language }: { audio: ReviewAudio; language?: string | null }) {
  const t = useTranslations("review.audio");
  const ref = useRef<HTMLAudioElement>(null);
  const [now, setNow] = useState<number | null>(null);
  const text = textProps(language);
  const playFrom = (start: number) => {
    const player = ref.current;
    if (!player) return;
    player.currentTime = start;
    void player.play().catch(() => {}); // autoplay policies may refuse; the position is set either way
  };
  const current = (start?: number, end?: number) => now !== null && start !== undefined && now >= start && (end === undefined || now < end);
  return (
    <figure className="mt-3" data-testid="audio">
      <audio ref={ref} controls preload="metadata" src={audio.url} className="w-full" aria-label={audio.caption ?? t("recording")} onTimeUpdate={(e) => setNow(e.currentTarget.currentTime)} />
      {audio.caption ? <figcaption className="mt-1 text-xs text-slate-600" {...text}><PlainText text={audio.caption} /></figcaption> : null}
      {audio.transcript ? (
        <ol className="mt-2 max-h-72 space-y-1 overflow-auto text-sm" aria-label={t("transcript")} data-testid="audio-transcript" {...text}>
          {audio.transcript.map((u, i) => (
            <li key={i} className={`flex items-baseline gap-2 rounded px-1 ${current(u.start, u.end) ? "bg-amber-50" : ""}`} aria-current={current(u.start, u.end) ? "true" : undefined}>
              {u.start !== undefined ? (
                <button type="button" className="shrink-0 rounded border border-slate-300 px-1 font-mono text-xs text-blue-800 hover:bg-slate-50" onClick={() => playFrom(u.start!)} aria-label={t("playFrom", { time: clockTime(u.start) })} data-start={u.start}>
                  {clockTime(u.start)}
                </button>
              ) : null}
              {u.speaker ? <span className="shrink-0 font-medium"><PlainText text={u.speaker} />:</span> : null}
              <span><PlainText text={u.text} /></span>
            </li>
          ))}
        </ol>
      ) : null}
    </figure>
  );
}
