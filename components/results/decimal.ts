import { useLocale } from "next-intl";

// Fixed decimals in the reader's language: toFixed's digits and rounding (the same figures as the
// CSV download and the tests), with the language's decimal separator ("0.85", "0,85"). English is
// toFixed itself. Intl.NumberFormat is not used for the digits: it rounds some halves differently
// (2.675 → "2.68" where toFixed gives "2.67").

const separators = new Map<string, string>();

function decimalSeparator(locale: string): string {
  let sep = separators.get(locale);
  if (sep === undefined) {
    sep = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
    separators.set(locale, sep);
  }
  return sep;
}

export type Fixed = (x: number, digits: number) => string;

export function fixedFor(locale: string): Fixed {
  const sep = decimalSeparator(locale);
  return sep === "." ? (x, digits) => x.toFixed(digits) : (x, digits) => x.toFixed(digits).replace(".", sep);
}

/** `fixed(x, 2)`: x.toFixed(2) with the current language's decimal separator. */
export function useFixed(): Fixed {
  return fixedFor(useLocale());
}
