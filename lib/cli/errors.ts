import { z } from "zod";
import { ForbiddenError, NotFoundError } from "@/lib/auth/permissions";
import { ConflictError } from "@/lib/auth/users";

/** The command line itself is wrong: a missing or bad argument, or a name that resolves to nothing. */
export class UsageError extends Error {}

/**
 * Exit codes (README "Command line"):
 *   0  done;
 *   1  refused or failed: no permission, a conflict with existing data, or an unexpected error;
 *   2  the command line is wrong: unknown command or option, a missing or invalid value, or a
 *      project, batch, user, template or format that does not exist (scripts can tell a typo
 *      from a refusal).
 */
export function exitCodeOf(error: unknown): 1 | 2 {
  return error instanceof UsageError || error instanceof NotFoundError || error instanceof z.ZodError ? 2 : 1;
}

/** One line for an error we did not expect: Prisma puts the cause on its last line, others on the first. */
function summarize(error: unknown): string {
  const e = error as Partial<Error> & { code?: string; errors?: Array<{ message?: string }> };
  let text = typeof e?.message === "string" ? e.message : String(error);
  // Node reports a refused connection to several addresses as an AggregateError without a message.
  if (!text.trim() && e?.errors?.length) text = e.errors.map((x) => x.message ?? "").join("; ");
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  const line = (e?.name?.startsWith("PrismaClient") ? lines.at(-1) : lines[0]) ?? e?.code ?? e?.name ?? "unknown error";
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/**
 * Prints an error the way every command does and returns its exit code. Never a stack trace unless
 * DEBUG=1: researchers get one line that says what went wrong, and a hint for the unexpected.
 */
export function reportCliError(error: unknown, err: (text: string) => void, env: Record<string, string | undefined> = process.env): 1 | 2 {
  if (error instanceof UsageError) err(error.message);
  else if (error instanceof ForbiddenError || error instanceof NotFoundError || error instanceof ConflictError) err(`Error: ${error.message}`);
  else if (error instanceof z.ZodError) err(`Error: ${error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")}`);
  else if (env.DEBUG === "1") err((error as Error)?.stack ?? `Error: ${String(error)}`);
  else {
    const line = summarize(error);
    const database = /ECONNREFUSED|Can't reach database server|database .* does not exist|password authentication/i.test(line);
    err(`Error: ${line}`);
    err(database
      ? "Hint: check DATABASE_URL (or unset it to use the local database that `npm start` creates); DEBUG=1 shows the details."
      : "Hint: this is unexpected; run again with DEBUG=1 to see the details, and report it if it persists.");
  }
  return exitCodeOf(error);
}
