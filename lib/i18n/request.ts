import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { DEFAULT_LOCALE, isLocale, negotiateLocale, type Locale } from "./locales";
import { loadMessages } from "./messages";

// The UI language of a request (no locale in the URL: a study's links stay the same whoever opens
// them). A signed-in user's profile choice wins; otherwise the language cookie the login page's
// menu sets; otherwise the browser's Accept-Language. docs/decisions/036-languages.md

export const LOCALE_COOKIE = "consilium-locale";

export async function requestLocale(): Promise<Locale> {
  const actor = await getActor();
  if (isLocale(actor?.locale)) return actor.locale;
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"));
}

/** Dates are shown in this zone (an IANA name; UTC unless CONSILIUM_TIME_ZONE says otherwise). */
export function displayTimeZone(): string {
  return process.env.CONSILIUM_TIME_ZONE || "UTC";
}

export default getRequestConfig(async () => {
  let locale: Locale = DEFAULT_LOCALE;
  try {
    locale = await requestLocale();
  } catch {
    // Outside a request (build-time rendering of not-found): the default language.
  }
  return { locale, messages: loadMessages(locale), timeZone: displayTimeZone() };
});
