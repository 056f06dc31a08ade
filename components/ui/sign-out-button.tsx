"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { clearDrafts, countDrafts } from "./local-drafts";
import { secondaryButtonClass } from "./styles";

/**
 * Signs out everywhere (the server ends every session of the user) and deletes review drafts left
 * in this browser, after saying how much unsent work that discards. Lands on /login of the host
 * in use, whatever NEXTAUTH_URL says.
 */
export function SignOutButton() {
  const [unsent, setUnsent] = useState<{ items: number; changes: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useTranslations("common.signOut");

  async function signOutNow() {
    setBusy(true);
    clearDrafts(window.localStorage);
    await signOut({ redirect: false }).catch(() => undefined);
    // A full load on this host (not NEXTAUTH_URL's), replacing history: the router cache and any
    // page state of the signed-in user are dropped, and Back does not return to their pages.
    window.location.replace(new URL("/login", window.location.origin).href);
  }

  function onClick() {
    const drafts = countDrafts(window.localStorage);
    if (drafts.items) setUnsent(drafts);
    else void signOutNow();
  }

  return (
    <div className="relative">
      <button type="button" onClick={onClick} disabled={busy} className="text-sm text-slate-600 hover:text-slate-900">
        {t("button")}
      </button>
      {unsent ? (
        <div role="alertdialog" aria-labelledby="sign-out-warning" className="absolute end-0 z-20 mt-2 w-80 rounded-lg border border-amber-300 bg-white p-4 text-sm shadow-lg">
          <p id="sign-out-warning" data-testid="sign-out-warning">
            {t("warning", { changes: unsent.changes, items: unsent.items })}
          </p>
          <div className="mt-3 flex justify-end gap-2">
            <button type="button" className={secondaryButtonClass} onClick={() => setUnsent(null)} autoFocus>
              {t("stay")}
            </button>
            <button type="button" className={`${secondaryButtonClass} border-red-300 text-red-700`} onClick={() => void signOutNow()} disabled={busy}>
              {t("discard")}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
