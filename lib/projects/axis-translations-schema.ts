import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

// Rubric templates keep their published English wording; a project may add a translation of each
// axis's label, help and option labels per UI language. Keys are the canonical axis keys and option
// values, so answers and exports never change with the language.

const text = (max: number) => z.string().trim().max(max);

export const axisTranslationSchema = z.object({
  label: text(300).optional(),
  help: text(4000).optional(),
  options: z.record(z.string().max(200), text(300)).optional(),
});
export type AxisTranslation = z.infer<typeof axisTranslationSchema>;

export const TRANSLATABLE_LOCALES = LOCALES.filter((l) => l !== "en");
export type TranslatableLocale = (typeof TRANSLATABLE_LOCALES)[number];

export const axisTranslationsSchema = z.partialRecord(z.enum(TRANSLATABLE_LOCALES), z.record(z.string().max(100), axisTranslationSchema));
export type AxisTranslations = z.infer<typeof axisTranslationsSchema>;
