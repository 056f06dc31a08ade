"use client";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";

/**
 * Lets the reviewer pick a note sentence by clicking it in the note (the item view, rendered on the
 * server, marks sentences with data-sentence-id), and highlights the one picked. Keyboard users pick
 * it from the axis's own radio list; both write the same value.
 */
export function useSentencePicking(enabled: boolean, picked: string | null, onPick: (id: string) => void) {
  const latest = useRef(onPick);
  const title = useTranslations("review.item")("pickSentence");
  useEffect(() => {
    latest.current = onPick;
  });
  useEffect(() => {
    const list = document.querySelector<HTMLElement>('[data-testid="note-sentences"]');
    if (!enabled || !list) return;
    list.dataset.pickable = "true";
    list.title = title;
    const onClick = (e: MouseEvent) => {
      const sentence = (e.target as HTMLElement).closest<HTMLElement>("[data-sentence-id]");
      if (sentence && !window.getSelection()?.toString()) latest.current(sentence.dataset.sentenceId!);
    };
    list.addEventListener("click", onClick);
    return () => {
      list.removeEventListener("click", onClick);
      delete list.dataset.pickable;
      list.title = "";
    };
  }, [enabled, title]);

  useEffect(() => {
    for (const el of document.querySelectorAll<HTMLElement>("[data-sentence-id]")) {
      if (el.dataset.sentenceId === picked) el.dataset.picked = "true";
      else delete el.dataset.picked;
    }
  }, [picked]);
}
