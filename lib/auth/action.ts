import "server-only";
import { z } from "zod";
import { getActor } from "./session";
import { ForbiddenError, NotFoundError, requirePermission, type Actor, type Permission } from "./permissions";
import { ConflictError } from "./users";

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

/**
 * The one wrapper for server actions (STYLE.md): session → permission → zod parse → domain call.
 * Usable with useActionState: (previousState, formData) => result. Domain errors become messages.
 */
export function authedAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  run: (actor: Actor, input: z.output<S>) => Promise<T>,
  message?: (data: T) => string,
) {
  return async (_previous: unknown, formData: FormData): Promise<ActionResult<T>> => {
    try {
      const actor = await getActor();
      requirePermission(actor, permission);
      const parsed = schema.safeParse(formDataToObject(formData));
      if (!parsed.success) {
        return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
      }
      const data = await run(actor, parsed.data);
      return { ok: true, data, message: message?.(data) };
    } catch (error) {
      if (error instanceof ForbiddenError || error instanceof NotFoundError || error instanceof ConflictError) {
        return { ok: false, error: error.message };
      }
      if (error instanceof z.ZodError) return { ok: false, error: error.issues.map((i) => i.message).join(" ") };
      // Next uses thrown errors for redirect()/notFound(); let those through.
      throw error;
    }
  };
}
