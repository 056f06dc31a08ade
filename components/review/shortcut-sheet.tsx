"use client";
import { Fragment, useEffect, useId, useRef } from "react";
import type { MouseEvent as ReactMouseEvent } from "react";
import { useTranslations } from "next-intl";
import { secondaryButtonClass } from "@/components/ui/styles";
import type { ShortcutAction } from "./tools/types";

/** `action`: a message key of the "tools" namespace (components/review/tools/types.ts), shown translated. */
export type Shortcut = { keys: string[]; action: ShortcutAction };

const MODIFIERS = new Set(["ctrl", "control", "cmd", "⌘", "meta", "alt", "option", "⌥", "shift", "⇧"]);

/** ["Ctrl","Enter"] is a chord (Ctrl + Enter); ["J","↓"] are alternatives (J or ↓). */
const isChord = (keys: readonly string[]) => keys.length > 1 && MODIFIERS.has(keys[0].toLowerCase());

const kbdClass =
  "inline-flex min-w-[1.75rem] items-center justify-center rounded border border-slate-300 border-b-2 bg-slate-50 px-1.5 py-0.5 font-mono text-xs font-medium text-slate-800";

/**
 * Keyboard shortcut reference as a native modal <dialog>: the browser traps focus, makes the page
 * behind it inert, closes on Escape and restores focus afterwards. `open` drives showModal()/close();
 * any native close (Escape, the Close button, a click on the backdrop) is reported through onClose.
 */
export function ShortcutSheet({ open, onClose, shortcuts }: { open: boolean; onClose: () => void; shortcuts: readonly Shortcut[] }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const t = useTranslations("review.shortcuts");
  const tTools = useTranslations("tools");
  const kbd = (chunks: React.ReactNode) => <kbd className={kbdClass}>{chunks}</kbd>;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", ""); // very old browsers / test DOMs without <dialog> support
      closeRef.current?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === "function") dialog.close();
      else dialog.removeAttribute("open");
    }
  }, [open]);

  // A click whose target is the <dialog> itself landed on the backdrop (the content fills the box).
  const onDialogClick = (e: ReactMouseEvent<HTMLDialogElement>) => {
    if (e.target === e.currentTarget) e.currentTarget.close();
  };

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      data-testid="shortcut-sheet"
      onClose={onClose}
      onClick={onDialogClick}
      // Keep review-page shortcuts from firing while the sheet is open (Escape still reaches <dialog>).
      onKeyDown={(e) => e.stopPropagation()}
      className="m-auto w-full max-w-lg rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      <div className="p-5">
        <div className="mb-3 flex items-center justify-between gap-4">
          <h2 id={titleId} className="text-lg font-semibold">{t("title")}</h2>
          <button ref={closeRef} type="button" className={secondaryButtonClass} onClick={() => dialogRef.current?.close()} aria-label={t("closeLabel")}>
            {t("close")}
          </button>
        </div>
        <dl className="divide-y divide-slate-100 text-sm">
          {shortcuts.map((s) => {
            const chord = isChord(s.keys);
            return (
              <div key={`${s.keys.join("+")}:${s.action}`} className="flex items-center justify-between gap-4 py-2">
                <dt className="flex shrink-0 items-center gap-1">
                  {s.keys.map((k, i) => (
                    <Fragment key={`${k}-${i}`}>
                      {i > 0 ? <span className="text-xs text-slate-500">{chord ? "+" : t("or")}</span> : null}
                      <kbd className={kbdClass}>{k}</kbd>
                    </Fragment>
                  ))}
                </dt>
                <dd className="text-end text-slate-700">{tTools(s.action)}</dd>
              </div>
            );
          })}
        </dl>
        <p className="mt-3 text-xs text-slate-600" data-testid="shortcut-rule">
          {t.rich("rule", { kbd })}
        </p>
        <p className="mt-2 text-xs text-slate-500">
          {t.rich("escape", { kbd })}
        </p>
      </div>
    </dialog>
  );
}
