import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { LOCALES } from "./locales";

/** "" means: follow the browser's language. */
export const userLocaleSchema = z.object({ locale: z.union([z.enum(LOCALES), z.literal("")]) });

/** Sets (or clears) the actor's own UI language; the next page they open speaks it. */
export async function setUserLocale(actor: Actor, input: z.input<typeof userLocaleSchema>): Promise<{ locale: string | null }> {
  const { locale } = userLocaleSchema.parse(input);
  const value = locale || null;
  await getDb().user.update({ where: { id: actor.id }, data: { locale: value } });
  await recordAudit({ actorId: actor.id, action: "user.locale", entityType: "User", entityId: actor.id, data: { locale: value } });
  return { locale: value };
}
