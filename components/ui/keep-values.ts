"use client";
import { startTransition } from "react";

/**
 * Submits through the action without React's automatic form reset, so a refused form keeps what
 * was typed (a new key after success still clears it).
 */
export function keepValuesOnError(action: (formData: FormData) => void) {
  return (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  };
}
