import { splitSentences } from "@/lib/items/schema";

/** The sentences a region can be linked to: the response's text, split as note sentences are. */
export function linkSentences(content: string | null | undefined): string[] {
  return splitSentences(content ?? "").map((s) => s.text);
}
