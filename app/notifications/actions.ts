"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/auth/action";
import { markNotificationsRead } from "@/lib/notifications/notifications";

/** Marks the caller's own notices read (one, or all); another user's ids match nothing. */
export const markReadAction = authedAction("account:manage", z.object({ id: z.string().optional() }), async (actor, input) => {
  const count = await markNotificationsRead(actor.id, input.id ? [input.id] : undefined);
  revalidatePath("/notifications");
  return { count };
});
