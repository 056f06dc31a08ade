import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { assertProjectOpen } from "./archive";
import { findProjectForActor } from "./access";
import { axisTranslationSchema, TRANSLATABLE_LOCALES, type AxisTranslation, type AxisTranslations } from "./axis-translations-schema";
import { readProjectSettings } from "./settings";

/** The wording shown to a reviewer, and the English original when it was translated. */
export type TranslatableAxis = { key: string; label: string; help?: string | null; options?: Array<{ value: string; label: string }> | null };
export type Original = { label: string; help: string | null; options: Record<string, string> };

/**
 * Axes in the reader's language where the project has a translation; each translated axis carries
 * `original` (the English wording) so the reviewer can check it. Empty translations fall back.
 */
export function translateAxes<A extends TranslatableAxis>(axes: A[], translations: AxisTranslations | undefined, locale: string | null | undefined): Array<A & { original?: Original }> {
  const table = locale && locale !== "en" ? translations?.[locale as keyof AxisTranslations] : undefined;
  if (!table) return axes;
  return axes.map((axis) => {
    const t = table[axis.key];
    if (!t) return axis;
    const translatedOptions = axis.options?.map((o) => ({ ...o, label: t.options?.[o.value] || o.label }));
    const changed = Boolean(t.label || t.help || axis.options?.some((o) => t.options?.[o.value]));
    if (!changed) return axis;
    return {
      ...axis,
      label: t.label || axis.label,
      help: t.help || axis.help,
      ...(axis.options ? { options: translatedOptions } : {}),
      original: { label: axis.label, help: axis.help ?? null, options: Object.fromEntries((axis.options ?? []).map((o) => [o.value, o.label])) },
    };
  });
}

export const saveAxisTranslationsSchema = z.object({
  locale: z.enum(TRANSLATABLE_LOCALES),
  axes: z.record(z.string().max(100), axisTranslationSchema),
});

/** The axes of the project's current rubric, with the translations stored for one language. */
export async function loadAxisTranslations(actor: Actor, slug: string) {
  const project = await findProjectForActor(actor, slug, "project:manage");
  const rubric = await getDb().rubric.findFirst({ where: { projectId: project.id }, orderBy: { version: "desc" }, include: { axes: { orderBy: { position: "asc" } } } });
  const settings = readProjectSettings(project.settings);
  return { project, axes: rubric?.axes ?? [], translations: settings.axisTranslations ?? {} };
}

/** Replaces one language's translations; blanks are dropped, so a cleared field shows the English again. */
export async function saveAxisTranslations(actor: Actor, slug: string, input: z.input<typeof saveAxisTranslationsSchema>) {
  const project = await findProjectForActor(actor, slug, "project:manage");
  const { locale, axes } = saveAxisTranslationsSchema.parse(input);
  const cleaned: Record<string, AxisTranslation> = {};
  for (const [key, t] of Object.entries(axes)) {
    const options = Object.fromEntries(Object.entries(t.options ?? {}).filter(([, v]) => v));
    const entry: AxisTranslation = { ...(t.label ? { label: t.label } : {}), ...(t.help ? { help: t.help } : {}), ...(Object.keys(options).length ? { options } : {}) };
    if (Object.keys(entry).length) cleaned[key] = entry;
  }
  return getDb().$transaction(async (tx) => {
    await assertProjectOpen(tx, project.id);
    // Read inside the transaction: a concurrent settings save is not overwritten.
    const current = await tx.project.findUniqueOrThrow({ where: { id: project.id }, select: { settings: true } });
    const raw = (current.settings as Record<string, unknown> | null) ?? {};
    const all = { ...(readProjectSettings(raw).axisTranslations ?? {}), [locale]: cleaned };
    await tx.project.update({ where: { id: project.id }, data: { settings: { ...raw, axisTranslations: all } } });
    await recordAudit({ actorId: actor.id, action: "project.translations", entityType: "Project", entityId: project.id, projectId: project.id, data: { locale, axes: Object.keys(cleaned).length } }, tx);
    return { locale, axes: Object.keys(cleaned).length };
  });
}
