import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "./password";
import { assertPasswordPolicy } from "./password-policy";
import { NotFoundError } from "./permissions";
import type { z } from "zod";
import { createUserSchema, userProfileSchema, type CreateUserInput } from "./schema";
import { endAllSessions } from "./sessions";

export class ConflictError extends Error {
  readonly status = 409;
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

export async function createUser(actorId: string | null, input: CreateUserInput) {
  const data = createUserSchema.parse(input);
  assertPasswordPolicy(data.password, data);
  const passwordHash = await hashPassword(data.password);
  const db = getDb();
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: data.email, name: data.name, role: data.role, specialty: data.specialty ?? null, languages: data.languages, yearsOfExperience: data.yearsOfExperience ?? null, passwordHash },
      });
      await recordAudit({ actorId, action: "user.create", entityType: "User", entityId: user.id, data: { role: user.role } }, tx);
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError(`A user with email ${data.email} already exists.`);
    }
    throw error;
  }
}

/**
 * Deactivated users cannot sign in and every session of theirs ends at once (also on
 * reactivation, so an old cookie never comes back to life); their history is kept.
 */
export async function setUserActive(actorId: string, userId: string, isActive: boolean) {
  if (actorId === userId && !isActive) throw new ConflictError("You cannot deactivate your own account.");
  const db = getDb();
  return db.$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!found) throw new NotFoundError("No such user.");
    const user = await tx.user.update({ where: { id: userId }, data: { isActive } });
    await endAllSessions(userId, tx);
    await recordAudit(
      { actorId, action: isActive ? "user.reactivate" : "user.deactivate", entityType: "User", entityId: userId },
      tx,
    );
    return user;
  });
}

export function listUsers(opts: { role?: "ADMIN" | "REVIEWER" | "RESEARCHER"; activeOnly?: boolean } = {}) {
  return getDb().user.findMany({
    where: {
      ...(opts.role ? { role: opts.role } : {}),
      ...(opts.activeOnly ? { isActive: true } : {}),
    },
    orderBy: [{ role: "asc" }, { email: "asc" }],
  });
}

export function countUsers() {
  return getDb().user.count();
}

export function findUserByEmail(email: string) {
  return getDb().user.findUnique({ where: { email: email.trim().toLowerCase() } });
}

/** Changes a user's study profile (specialty, languages, years of experience); audited with the values before and after. */
export async function updateUserProfile(actorId: string, userId: string, input: z.input<typeof userProfileSchema>) {
  const data = userProfileSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { specialty: true, languages: true, yearsOfExperience: true } });
    if (!before) throw new NotFoundError("No such user.");
    const after = { specialty: data.specialty ?? null, languages: data.languages, yearsOfExperience: data.yearsOfExperience ?? null };
    const user = await tx.user.update({ where: { id: userId }, data: after });
    await recordAudit({ actorId, action: "user.profile", entityType: "User", entityId: userId, data: { before, after } }, tx);
    return user;
  });
}
