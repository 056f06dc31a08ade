import "server-only";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { mapKnownError } from "@/lib/api/map-error";
import { getActor } from "./session";
import { ForbiddenError, requirePermission, type Actor, type Permission } from "./permissions";

export type ActionResult<T> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key);
    out[key] = key.endsWith("[]") ? values : values[0];
  }
  return out;
}

const fieldErrorsOf = (error: z.ZodError) => z.flattenError(error).fieldErrors as Record<string, string[]>;

/** Domain refusals become messages; Next's redirect()/notFound() and real faults are rethrown. */
function refusal(error: unknown): { ok: false; error: string; fieldErrors?: Record<string, string[]> } | null {
  if (error instanceof ForbiddenError) return { ok: false, error: error.message };
  if (error instanceof z.ZodError) return { ok: false, error: error.issues.map((i) => i.message).join(" ") };
  const known = mapKnownError(error);
  return known ? { ok: false, error: known.message } : null;
}

/** A success message; may be async so it can be translated (getTranslations) in the caller's language. */
export type ActionMessage<T> = (data: T) => string | Promise<string>;

async function parseAndRun<S extends z.ZodType, T>(schema: S, formData: FormData, run: (input: z.output<S>) => Promise<T>, message?: ActionMessage<T>): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(formDataToObject(formData));
  if (!parsed.success) {
    const t = await getTranslations("common");
    return { ok: false, error: t("correctFields"), fieldErrors: fieldErrorsOf(parsed.error) };
  }
  const data = await run(parsed.data);
  return { ok: true, data, message: message ? await message(data) : undefined };
}

/**
 * The one wrapper for server actions (STYLE.md): session → permission → zod parse → domain call.
 * Usable with useActionState: (previousState, formData) => result. Domain errors become messages.
 * (Next itself refuses a server action whose Origin differs from the host: no CSRF here.)
 */
export function authedAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  run: (actor: Actor, input: z.output<S>) => Promise<T>,
  message?: ActionMessage<T>,
) {
  return async (_previous: unknown, formData: FormData): Promise<ActionResult<T>> => {
    try {
      const actor = await getActor();
      requirePermission(actor, permission);
      return await parseAndRun(schema, formData, (input) => run(actor, input), message);
    } catch (error) {
      const result = refusal(error);
      if (result) return result;
      throw error;
    }
  };
}

/** The same, for the few actions anyone may call (a password reset link carries its own secret). */
export function publicAction<S extends z.ZodType, T>(schema: S, run: (input: z.output<S>) => Promise<T>, message?: ActionMessage<T>) {
  return async (_previous: unknown, formData: FormData): Promise<ActionResult<T>> => {
    try {
      return await parseAndRun(schema, formData, run, message);
    } catch (error) {
      const result = refusal(error);
      if (result) return result;
      throw error;
    }
  };
}
