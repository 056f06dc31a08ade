"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { authedAction } from "@/lib/auth/action";
import { saveAxisTranslations } from "@/lib/projects/axis-translations";
import type { AxisTranslation } from "@/lib/projects/axis-translations-schema";

// Form fields are named "t|<axis key>|label", "t|<axis key>|help" and "t|<axis key>|option|<value>".
const form = z.looseObject({ slug: z.string().min(1), locale: z.string() }).transform((v) => {
  const axes: Record<string, AxisTranslation & { options: Record<string, string> }> = {};
  for (const [name, value] of Object.entries(v)) {
    const [prefix, key, field, option] = name.split("|");
    if (prefix !== "t" || !key || typeof value !== "string") continue;
    const axis = (axes[key] ??= { options: {} });
    if (field === "label") axis.label = value;
    else if (field === "help") axis.help = value;
    else if (field === "option" && option !== undefined) axis.options[option] = value;
  }
  return { slug: v.slug, locale: v.locale, axes };
});

export const saveAxisTranslationsAction = authedAction(
  "project:manage",
  form,
  async (actor, input) => {
    const saved = await saveAxisTranslations(actor, input.slug, { locale: input.locale as never, axes: input.axes });
    revalidatePath(`/projects/${input.slug}/translations`);
    return saved;
  },
  async (r) => (await getTranslations("translations"))("saved", { count: r.axes }),
);
