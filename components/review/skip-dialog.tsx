"use client";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass, inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { SKIP_REASON_KEYS, SKIP_REASON_TEXT, type SkipReasonKey } from "./skip-reasons";

/** Skip with a reason: a native modal dialog (focus trap and Escape come from the browser). */
export function SkipDialog({ open, onClose, onSkip }: { open: boolean; onClose: () => void; onSkip: (reason: string) => Promise<string | null> }) {
  const ref = useRef<HTMLDialogElement>(null);
  const t = useTranslations("review.skip");
  const [reason, setReason] = useState<SkipReasonKey | "other">(SKIP_REASON_KEYS[0]);
  const [other, setOther] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const submit = async () => {
    setBusy(true);
    // The reason is stored in English, the details as typed.
    const preset = reason === "other" ? null : SKIP_REASON_TEXT[reason];
    const text = !preset ? other.trim() : other.trim() ? `${preset}: ${other.trim()}` : preset;
    const message = await onSkip(text);
    setBusy(false);
    setError(message);
  };
  return (
    <dialog ref={ref} onClose={onClose} className="m-auto w-full max-w-md rounded-lg p-5 shadow-xl backdrop:bg-slate-900/40" data-testid="skip-dialog" aria-labelledby="skip-title">
      <h2 id="skip-title" className="mb-2 font-semibold">{t("title")}</h2>
      <p className="mb-3 text-sm text-slate-600">{t("intro")}</p>
      <fieldset className="space-y-1 text-sm">
        <legend className="sr-only">{t("reason")}</legend>
        {[...SKIP_REASON_KEYS, "other" as const].map((r) => (
          <label key={r} className="flex items-center gap-2">
            <input type="radio" name="skip-reason" checked={reason === r} onChange={() => setReason(r)} />
            {r === "other" ? t("other") : t(`reasons.${r}`)}
          </label>
        ))}
      </fieldset>
      <label className="mt-3 block text-sm" htmlFor="skip-detail">{reason === "other" ? t("reason") : t("details")}</label>
      <textarea id="skip-detail" className={inputClass} rows={2} value={other} onChange={(e) => setOther(e.target.value)} data-testid="skip-detail" />
      {error ? <p className="mt-2 text-sm text-red-700" role="alert">{error}</p> : null}
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" className={secondaryButtonClass} onClick={onClose}>{t("cancel")}</button>
        <button type="button" className={buttonClass} onClick={submit} disabled={busy || (reason === "other" && other.trim().length < 3)} data-testid="skip-confirm">{t("confirm")}</button>
      </div>
    </dialog>
  );
}
