"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { Original } from "@/lib/projects/axis-translations";

/** The rubric's English wording of a translated axis, one click away (decision 036). */
export function OriginalWording({ original }: { original: Original }) {
  const t = useTranslations("common.original");
  const [open, setOpen] = useState(false);
  const options = Object.values(original.options);
  return (
    <div className="mb-2 text-xs">
      <button type="button" className="text-blue-800 underline" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="original-toggle">
        {open ? t("hide") : t("show")}
      </button>
      {open ? (
        <div lang="en" dir="ltr" className="mt-1 rounded border border-slate-200 bg-slate-50 p-2 text-start text-slate-700" data-testid="original-wording">
          <p className="font-medium">{original.label}</p>
          {original.help ? <p className="mt-1 whitespace-pre-line">{original.help}</p> : null}
          {options.length ? <p className="mt-1">{options.join(" · ")}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
