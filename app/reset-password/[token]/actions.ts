"use server";
import { redirect } from "next/navigation";
import { publicAction } from "@/lib/auth/action";
import { resetPassword } from "@/lib/auth/password-reset";
import { resetPasswordSchema } from "@/lib/auth/schema";

// Public: the link's secret is the credential (single use, expiring; lib/auth/password-reset.ts).
export const resetPasswordAction = publicAction(resetPasswordSchema, async (input) => {
  await resetPassword(input);
  redirect("/login?notice=password-reset");
});
