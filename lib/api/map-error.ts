import { NotFoundError } from "@/lib/auth/permissions";
import { ConflictError } from "@/lib/auth/users";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Errors every entry point answers the same way (routes with a status, actions with a message):
 * domain refusals, and Prisma's "record not found" / "still referenced" / "already exists" for
 * ids that arrive from a form or URL and no longer (or never did) match a row. Null otherwise.
 */
export function mapKnownError(error: unknown): { status: number; message: string } | null {
  if (error instanceof NotFoundError) return { status: 404, message: error.message };
  if (error instanceof ConflictError) return { status: 409, message: error.message };
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2025") return { status: 404, message: "That record does not exist (it may have been deleted)." };
    if (error.code === "P2003") return { status: 404, message: "A record this refers to does not exist (it may have been deleted)." };
    if (error.code === "P2002") return { status: 409, message: "That already exists." };
  }
  return null;
}
