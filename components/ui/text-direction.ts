import { textDirection } from "@/lib/i18n/locales";

/**
 * The attributes for an element holding an item's or a model's text: its own direction (from the
 * item's language; "auto" when unknown, so the browser reads it from the text) and, when known, its
 * language. UI chrome around it keeps the page's direction.
 */
export function textProps(language: string | null | undefined): { dir: "ltr" | "rtl" | "auto"; lang?: string } {
  return language ? { dir: textDirection(language), lang: language } : { dir: "auto" };
}
