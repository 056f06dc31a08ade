import type { Proportion } from "./intervals";

/** "42 % (31–53)" — a share with its 95 % interval, in whole percent. */
export function percentWithInterval(p: Proportion): string {
  if (p.share === null) return "—";
  const pct = (x: number) => Math.round(x * 100);
  return `${pct(p.share)} % (${pct(p.low ?? p.share)}–${pct(p.high ?? p.share)})`;
}
