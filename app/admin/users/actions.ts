"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/auth/action";
import { createUserSchema } from "@/lib/auth/schema";
import { createUser, setUserActive } from "@/lib/auth/users";

export const createUserAction = authedAction(
  "user:manage",
  createUserSchema,
  async (actor, input) => {
    const user = await createUser(actor.id, input);
    revalidatePath("/admin/users");
    return { id: user.id, email: user.email };
  },
  (u) => `Created ${u.email}.`,
);

export const setUserActiveAction = authedAction(
  "user:manage",
  z.object({ userId: z.string().min(1), isActive: z.enum(["true", "false"]).transform((v) => v === "true") }),
  async (actor, input) => {
    const user = await setUserActive(actor.id, input.userId, input.isActive);
    revalidatePath("/admin/users");
    return { id: user.id, isActive: user.isActive };
  },
);
