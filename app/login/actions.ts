"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { LOCALE_COOKIE } from "@/lib/i18n/request";

const localeForm = z.object({ locale: z.enum(LOCALES) });

/**
 * The login page's language menu, for visitors who are not signed in: the choice is kept in a
 * cookie (lib/i18n/request.ts reads it when there is no profile language), then the page is shown
 * again in that language. Anything else than a shipped language changes nothing.
 */
export async function setLoginLocaleAction(formData: FormData): Promise<void> {
  const parsed = localeForm.safeParse({ locale: formData.get("locale") });
  if (parsed.success) {
    (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  }
  redirect("/login");
}
