"use client";
import { useEffect, useRef } from "react";

// Keyboard-first review. Every rating block in the form carries `data-nav` and is focusable; its
// options carry `data-option` (and `data-key` for letter shortcuts). The handler works on the DOM
// so that each widget stays a plain component and the key map lives in one place.

export type ReviewKeyActions = {
  submit: () => void;
  skip: () => void;
  toggleHelp: () => void;
  toggleHistory: () => void;
};

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  return target.tagName === "INPUT" && !["radio", "checkbox", "button"].includes((target as HTMLInputElement).type);
}

function navBlocks(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>("[data-nav]")].filter((el) => !el.closest("fieldset:disabled") && el.offsetParent !== null);
}

/**
 * ] and [: to the first block of the next or previous navigation group (`data-nav-group`, e.g. a
 * dialogue's AI turn with its axes). From outside any group, ] goes to the first group below the focus.
 */
function moveGroup(root: HTMLElement, delta: 1 | -1, current: React.RefObject<HTMLElement | null>): boolean {
  const groups = [...root.querySelectorAll<HTMLElement>("[data-nav-group]")].filter((el) => el.offsetParent !== null);
  if (!groups.length) return false;
  const active = (document.activeElement instanceof HTMLElement && root.contains(document.activeElement) ? document.activeElement : null) ?? current.current;
  const inGroup = active?.closest<HTMLElement>("[data-nav-group]") ?? null;
  let index = inGroup ? groups.indexOf(inGroup) + delta : -1;
  if (!inGroup) {
    const after = active ? groups.findIndex((g) => active.compareDocumentPosition(g) & Node.DOCUMENT_POSITION_FOLLOWING) : 0;
    index = delta > 0 ? (after === -1 ? groups.length - 1 : after) : (after === -1 ? groups.length - 1 : after - 1);
  }
  const group = groups[Math.min(Math.max(index, 0), groups.length - 1)];
  const target = navBlocks(group)[0] ?? group;
  current.current = target;
  target.focus();
  target.scrollIntoView({ block: "nearest" });
  return true;
}

export function useReviewKeyboard(root: React.RefObject<HTMLElement | null>, actions: ReviewKeyActions, enabled: boolean) {
  const current = useRef<HTMLElement | null>(null);
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });

  useEffect(() => {
    const move = (delta: number) => {
      const container = root.current;
      if (!container) return;
      const blocks = navBlocks(container);
      if (!blocks.length) return;
      const active = (document.activeElement?.closest("[data-nav]") as HTMLElement | null) ?? current.current;
      const index = active ? blocks.indexOf(active) : -1;
      const next = blocks[Math.min(Math.max(index === -1 ? (delta > 0 ? 0 : blocks.length - 1) : index + delta, 0), blocks.length - 1)];
      current.current = next;
      next.focus();
      next.scrollIntoView({ block: "nearest" });
    };
    const focusedBlock = () => (document.activeElement?.closest("[data-nav]") as HTMLElement | null) ?? null;
    const choose = (block: HTMLElement, input: HTMLInputElement | undefined) => {
      if (!input) return;
      input.click();
      current.current = block;
      // Rating and moving on is one keystroke: go to the next block (radio choices only), unless the
      // option asks the reviewer to stay (an erroneous step verdict wants a severity and error types).
      if (input.type === "radio" && input.dataset.advance !== "false") move(1);
      else block.focus();
    };

    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter") {
        e.preventDefault();
        if (enabled) latest.current.submit();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) {
        if (e.key === "Escape" && isTyping(e.target)) (e.target as HTMLElement).closest<HTMLElement>("[data-nav]")?.focus();
        return;
      }
      if (e.key === "?") {
        e.preventDefault();
        latest.current.toggleHelp();
        return;
      }
      if (e.key === "h" || e.key === "H") return latest.current.toggleHistory();
      if (!enabled) return;
      const key = e.key.toLowerCase();
      if (key === "j" || e.key === "ArrowDown") {
        e.preventDefault();
        return move(1);
      }
      if (key === "k" || e.key === "ArrowUp") {
        e.preventDefault();
        return move(-1);
      }
      if (key === "s") {
        e.preventDefault();
        return latest.current.skip();
      }
      if (e.key === "]" || e.key === "[") {
        const container = root.current;
        if (container && moveGroup(container, e.key === "]" ? 1 : -1, current)) e.preventDefault();
        return;
      }
      const block = focusedBlock();
      if (!block) return;
      // A key a tool bound to one option of the block (Y/N, A/T/B, a step's severity 7–9) wins; a digit
      // otherwise picks the n-th option as shown. Tools declare these in their keymaps (components/review/tools).
      // U takes the focused block's suggestion (decision 034); tools declare it in their keymaps.
      const use = key === "u" ? block.querySelector<HTMLButtonElement>("[data-use-suggestion]") : null;
      if (use) {
        e.preventDefault();
        use.click();
        block.focus();
        return;
      }
      const keyed = /^[a-z0-9]$/.test(key) ? block.querySelector<HTMLInputElement>(`input[data-key="${key}"]:not(:disabled)`) : null;
      if (keyed) {
        e.preventDefault();
        return choose(block, keyed);
      }
      if (/^[1-9]$/.test(e.key)) {
        e.preventDefault();
        return choose(block, block.querySelectorAll<HTMLInputElement>("input[data-option]")[Number(e.key) - 1]);
      }
      const opens = /^[a-z]$/.test(key) ? block.querySelector<HTMLDetailsElement>(`details[data-open-key="${key}"]`) : null;
      if (opens) {
        e.preventDefault();
        opens.open = true;
        opens.querySelector<HTMLElement>("input, textarea, select")?.focus();
        return;
      }
      if (key === "c") {
        const details = block.querySelector<HTMLDetailsElement>("details[data-comment]");
        if (details) {
          e.preventDefault();
          details.open = true;
          details.querySelector("textarea")?.focus();
        }
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [root, enabled]);
}
