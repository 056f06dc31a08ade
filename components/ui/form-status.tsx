import type { ActionResult } from "@/lib/auth/action";

export function FormStatus({ state }: { state: ActionResult<unknown> | null }) {
  if (!state) return null;
  if (state.ok) return state.message ? <p className="text-sm text-green-700" data-testid="form-success">{state.message}</p> : null;
  return (
    <p className="text-sm text-red-700" data-testid="form-error" role="status">
      {state.error}
    </p>
  );
}

export function FieldError({ state, name }: { state: ActionResult<unknown> | null; name: string }) {
  const errors = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  return errors?.length ? <p className="mt-1 text-xs text-red-700">{errors.join(" ")}</p> : null;
}
