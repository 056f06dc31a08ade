import { useTranslations } from "next-intl";

/**
 * The letter of a response's display label as lib builds it ("Response A" → "A"; lib/items/schema.ts
 * responseLabel), or null for anything else.
 */
export function responseLetter(label: string): string | null {
  return /^Response ([A-Z]+)$/.exec(label)?.[1] ?? null;
}

/** A response's display label in the reader's language ("Response A" → "Respuesta A"); other text unchanged. */
export function useResponseName(): (label: string) => string {
  const t = useTranslations("review.response");
  return (label) => {
    const letter = responseLetter(label);
    return letter ? t("name", { letter }) : label;
  };
}
