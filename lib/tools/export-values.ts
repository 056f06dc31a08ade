/** A rating value in one CSV cell: strings as they are, everything else as JSON. */
export function csvValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}
