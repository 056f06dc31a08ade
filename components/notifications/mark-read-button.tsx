"use client";
import { useActionState } from "react";
import { markReadAction } from "@/app/notifications/actions";
import { secondaryButtonClass } from "@/components/ui/styles";

export function MarkReadButton({ id, label }: { id?: string; label: string }) {
  const [, action, pending] = useActionState(markReadAction, null);
  return (
    <form action={action}>
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <button className={secondaryButtonClass} disabled={pending}>{label}</button>
    </form>
  );
}
