"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { inviteUser, inviteUserSchema } from "@/lib/auth/invitations";
import { headers } from "next/headers";
import { z } from "zod";
import { authedAction } from "@/lib/auth/action";
import { clearLockout } from "@/lib/auth/login-throttle";
import { issuePasswordReset } from "@/lib/auth/password-reset";
import { createUserSchema, userProfileSchema } from "@/lib/auth/schema";
import { createUser, setUserActive, updateUserProfile } from "@/lib/auth/users";

export const createUserAction = authedAction(
  "user:manage",
  createUserSchema,
  async (actor, input) => {
    const user = await createUser(actor.id, input);
    revalidatePath("/admin/users");
    return { id: user.id, email: user.email };
  },
  async (u) => (await getTranslations("admin.actions"))("created", { email: u.email }),
);

export const updateUserProfileAction = authedAction(
  "user:manage",
  userProfileSchema.extend({ userId: z.string().min(1) }),
  async (actor, input) => {
    const { userId, ...profile } = input;
    const user = await updateUserProfile(actor.id, userId, profile);
    revalidatePath("/admin/users");
    return { email: user.email };
  },
  async (u) => (await getTranslations("admin.actions"))("profileSaved", { email: u.email }),
);

/** The same account without a password: a one-time invitation link (7 days) for the admin to hand over. */
export const inviteUserAction = authedAction("user:manage", inviteUserSchema, async (actor, input) => {
  const invite = await inviteUser(actor.id, input);
  revalidatePath("/admin/users");
  const base = (await headers()).get("origin") ?? process.env.NEXTAUTH_URL ?? "";
  return { id: invite.user.id, email: invite.email, link: `${base}${invite.path}`, expiresAt: invite.expiresAt.toISOString() };
});

export const setUserActiveAction = authedAction(
  "user:manage",
  z.object({ userId: z.string().min(1), isActive: z.enum(["true", "false"]).transform((v) => v === "true") }),
  async (actor, input) => {
    const user = await setUserActive(actor.id, input.userId, input.isActive);
    revalidatePath("/admin/users");
    return { id: user.id, isActive: user.isActive };
  },
);

/** The link is made for the address the admin is using (the browser's Origin), else the public URL. */
export const issueResetLinkAction = authedAction("user:manage", z.object({ userId: z.string().min(1) }), async (actor, input) => {
  const reset = await issuePasswordReset(actor.id, input.userId);
  const base = (await headers()).get("origin") ?? process.env.NEXTAUTH_URL ?? "";
  return { link: `${base}${reset.path}`, email: reset.email, expiresAt: reset.expiresAt.toISOString() };
});

export const clearLockoutAction = authedAction(
  "user:manage",
  z
    .object({ email: z.string().optional(), ip: z.string().optional() })
    .refine((v) => v.email || v.ip, { error: "Say which account or address to lift." })
    .transform((v) => ({ email: v.email || undefined, ip: v.ip || null })),
  async (actor, input) => {
    const result = await clearLockout(actor.id, input);
    revalidatePath("/admin/users");
    return result;
  },
);
