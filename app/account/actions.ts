"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { authedAction } from "@/lib/auth/action";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { changePassword } from "@/lib/auth/change-password";
import { requestClientAddress } from "@/lib/auth/client-address";
import { changePasswordSchema } from "@/lib/auth/schema";
import { setUserLocale, userLocaleSchema } from "@/lib/i18n/user-locale";

export const changePasswordAction = authedAction("account:manage", changePasswordSchema, async (actor, input) => {
  await changePassword(actor, input, requestClientAddress(await headers()));
  // Every session ended with the change, this one included.
  redirect("/login?notice=password-changed");
});

// Checkboxes arrive as "scopes[]"; the domain function validates names, role and expiry.
const tokenForm = z
  .object({ name: z.string().default(""), "scopes[]": z.array(z.string()).default([]), expiresInDays: z.string().default("") })
  .transform((v) => ({ name: v.name, scopes: v["scopes[]"], expiresInDays: v.expiresInDays || undefined }));

export const createTokenAction = authedAction(
  "account:manage",
  tokenForm,
  async (actor, input) => {
    const created = await createApiToken(actor, input as Parameters<typeof createApiToken>[1]);
    revalidatePath("/account");
    return { token: created.token, name: created.name, expiresAt: created.expiresAt.toISOString() };
  },
  async (t) => (await getTranslations("account.tokens"))("created", { name: t.name }),
);

export const revokeTokenAction = authedAction("account:manage", z.object({ tokenId: z.string().min(1) }), async (actor, input) => {
  const token = await revokeApiToken(actor, input.tokenId);
  revalidatePath("/account");
  return { id: token.id };
});

export const setLanguageAction = authedAction("account:manage", userLocaleSchema, async (actor, input) => setUserLocale(actor, input));
