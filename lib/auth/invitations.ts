import { randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "./password";
import { issueLink } from "./password-reset";
import { createUserSchema } from "./schema";
import { ConflictError } from "./users";

// Invitation by link (issue 10): there is no mail server, so the admin creates the account without a
// password and copies a one-time link (7 days) on which the new user chooses their own. The account
// exists at once (it can be put in projects and batches) but nobody can sign in to it until the link
// is used: its stored password is the hash of 32 random bytes that were never shown to anyone.

export const inviteUserSchema = createUserSchema.omit({ password: true });

export async function inviteUser(actorId: string, input: z.input<typeof inviteUserSchema>) {
  const data = inviteUserSchema.parse(input);
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  try {
    return await getDb().$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: data.email, name: data.name, role: data.role, specialty: data.specialty ?? null, languages: data.languages, yearsOfExperience: data.yearsOfExperience ?? null, passwordHash } });
      await recordAudit({ actorId, action: "user.create", entityType: "User", entityId: user.id, data: { role: user.role, invited: true } }, tx);
      const link = await issueLink(tx, actorId, user.id, "invite");
      return { user, ...link };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ConflictError(`A user with email ${data.email} already exists.`);
    throw error;
  }
}
