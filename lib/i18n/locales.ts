// The UI languages Consilium ships (issue 12). Every one is complete: lib/i18n/messages.test.ts
// fails on a key missing from any of them. Adding a language: a folder under messages/, an entry
// here, and the User_locale_check constraint.

export const LOCALES = ["en", "es", "fr", "it", "ar"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language named in itself, as a language menu shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", es: "Español", fr: "Français", it: "Italiano", ar: "العربية" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

// Scripts written right to left, by ISO 639-1 code: Arabic, Hebrew, Persian, Urdu, Pashto, Sindhi,
// Yiddish, Divehi, Kurdish (Sorani is usually written in Arabic script), Uyghur.
const RTL_LANGUAGES = new Set(["ar", "he", "iw", "fa", "ur", "ps", "sd", "yi", "dv", "ckb", "ug"]);

/**
 * The direction of text in a language (a BCP 47 tag such as "ar", "fa-IR", "en-GB"), or "auto"
 * when the tag is missing or unknown, so the browser decides from the text's first strong letter.
 */
export function textDirection(language: string | null | undefined): "ltr" | "rtl" | "auto" {
  if (!language) return "auto";
  const [primary, ...rest] = language.toLowerCase().split(/[-_]/);
  if (rest.some((s) => s === "arab" || s === "hebr")) return "rtl";
  if (rest.some((s) => s === "latn" || s === "cyrl")) return "ltr";
  if (RTL_LANGUAGES.has(primary)) return "rtl";
  return /^[a-z]{2,3}$/.test(primary) ? "ltr" : "auto";
}

export function localeDirection(locale: Locale): "ltr" | "rtl" {
  return textDirection(locale) === "rtl" ? "rtl" : "ltr";
}

/**
 * The best shipped language for an Accept-Language header (RFC 9110 §12.5.4): the highest-q tag
 * whose primary language we ship ("es-MX" → es), else the default.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.tag && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}
