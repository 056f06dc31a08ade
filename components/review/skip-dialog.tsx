"use client";
import { useEffect, useRef, useState } from "react";
import { buttonClass, inputClass, secondaryButtonClass } from "@/components/ui/styles";

export const SKIP_REASONS = ["Outside my expertise", "Cannot judge from the information given", "Content is unreadable or broken", "Conflict of interest"] as const;

/** Skip with a reason: a native modal dialog (focus trap and Escape come from the browser). */
export function SkipDialog({ open, onClose, onSkip }: { open: boolean; onClose: () => void; onSkip: (reason: string) => Promise<string | null> }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState<string>(SKIP_REASONS[0]);
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
    const text = reason === "other" ? other.trim() : other.trim() ? `${reason}: ${other.trim()}` : reason;
    const message = await onSkip(text);
    setBusy(false);
    setError(message);
  };
  return (
    <dialog ref={ref} onClose={onClose} className="m-auto w-full max-w-md rounded-lg p-5 shadow-xl backdrop:bg-slate-900/40" data-testid="skip-dialog" aria-labelledby="skip-title">
      <h2 id="skip-title" className="mb-2 font-semibold">Skip this item</h2>
      <p className="mb-3 text-sm text-slate-600">The item goes back to the study team with your reason. Your draft is kept.</p>
      <fieldset className="space-y-1 text-sm">
        <legend className="sr-only">Reason</legend>
        {[...SKIP_REASONS, "other"].map((r) => (
          <label key={r} className="flex items-center gap-2">
            <input type="radio" name="skip-reason" checked={reason === r} onChange={() => setReason(r)} />
            {r === "other" ? "Other" : r}
          </label>
        ))}
      </fieldset>
      <label className="mt-3 block text-sm" htmlFor="skip-detail">{reason === "other" ? "Reason" : "Details (optional)"}</label>
      <textarea id="skip-detail" className={inputClass} rows={2} value={other} onChange={(e) => setOther(e.target.value)} data-testid="skip-detail" />
      {error ? <p className="mt-2 text-sm text-red-700" role="alert">{error}</p> : null}
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" className={secondaryButtonClass} onClick={onClose}>Cancel</button>
        <button type="button" className={buttonClass} onClick={submit} disabled={busy || (reason === "other" && other.trim().length < 3)} data-testid="skip-confirm">Skip item</button>
      </div>
    </dialog>
  );
}
