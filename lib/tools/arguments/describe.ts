import type { ArgumentAnnotation } from "@/lib/formats/argument-types";
import type { ToolDescriber } from "../types";
import { describeTarget } from "./targets";

// Changes of argument spans and relations, for the history and the conflict panel (zod-free: the
// browser runs it). Spans are compared by id, so a relabelled span reads as a change, not as a
// removal and an addition. Long change lists are cut: a reviewer reads the first few.
const MAX_LINES_PER_TEXT = 12;

function quoteSpan(text: string): string {
  const points = Array.from(text);
  return JSON.stringify(points.length > 40 ? `${points.slice(0, 37).join("")}…` : text);
}

function describeText(name: string, before: ArgumentAnnotation | undefined, after: ArgumentAnnotation | undefined): string[] {
  const prev = new Map((before?.spans ?? []).map((s) => [s.id, s]));
  const next = new Map((after?.spans ?? []).map((s) => [s.id, s]));
  const textOf = (id: string) => quoteSpan(next.get(id)?.text ?? prev.get(id)?.text ?? id);
  const lines: string[] = [];
  for (const [id, s] of next) {
    const old = prev.get(id);
    // Span ids are numbered per document (T1, T2…), so two devices may give one id to different
    // spans: only a span whose text overlaps its old self is a change; otherwise it is a new span.
    const same = old && old.start < s.end && s.start < old.end;
    if (!same) lines.push(`${name}: added ${s.label} ${quoteSpan(s.text)}`);
    else if (old.label !== s.label || old.start !== s.start || old.end !== s.end) lines.push(`${name}: ${old.label} ${quoteSpan(old.text)} → ${s.label} ${quoteSpan(s.text)}`);
  }
  for (const [id, s] of prev) {
    const now = next.get(id);
    if (!now || !(s.start < now.end && now.start < s.end)) lines.push(`${name}: removed ${s.label} ${quoteSpan(s.text)}`);
  }
  const relKey = (r: { label: string; from: string; to: string }) => `${r.label}\u0000${r.from}\u0000${r.to}`;
  const prevRel = new Set((before?.relations ?? []).map(relKey));
  const nextRel = new Set((after?.relations ?? []).map(relKey));
  for (const r of after?.relations ?? []) if (!prevRel.has(relKey(r))) lines.push(`${name}: added ${r.label} from ${textOf(r.from)} to ${textOf(r.to)}`);
  for (const r of before?.relations ?? []) if (!nextRel.has(relKey(r))) lines.push(`${name}: removed ${r.label} from ${textOf(r.from)} to ${textOf(r.to)}`);
  if (lines.length <= MAX_LINES_PER_TEXT) return lines;
  return [...lines.slice(0, MAX_LINES_PER_TEXT), `${name}: … and ${lines.length - MAX_LINES_PER_TEXT} more changes`];
}

export const describeArguments: ToolDescriber = {
  id: "arguments",
  document(before, after, labels) {
    const targets = new Set([...Object.keys(before.arguments ?? {}), ...Object.keys(after.arguments ?? {})]);
    return [...targets].flatMap((target) =>
      describeText(`Arguments · ${describeTarget(target, (id) => labels.responses.get(id))}`, before.arguments?.[target], after.arguments?.[target]),
    );
  },
};
