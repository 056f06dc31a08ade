import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readBratFiles } from "../brat/brat-files";
import { writeConll } from "./write-conll";

// Acceptance test of issue 8: the BIO export of the AbstRCT fixtures equals a conversion computed
// here, deliberately simply and without the module: read the T lines by splitting strings, paint
// each character with its span (longest first), split the text on whitespace, and tag each token
// by the span of its first painted character. (SOURCE.md reports that this kind of conversion, with
// MajorClaim folded into Claim, reproduces the 14,870 (token, tag) pairs of AbstRCT's own BIO release.)
const DIR = path.resolve(import.meta.dirname, "../../../../shared/fixtures/abstrct/brat");
const IDS = readdirSync(DIR)
  .filter((n) => n.endsWith(".txt"))
  .map((n) => n.slice(0, -4))
  .sort();

function simpleBio(fold: boolean): string {
  const docs = IDS.map((id) => {
    const chars = Array.from(readFileSync(path.join(DIR, `${id}.txt`), "utf8"));
    const spans = readFileSync(path.join(DIR, `${id}.ann`), "utf8")
      .split("\n")
      .filter((l) => l.startsWith("T"))
      .map((l) => {
        const [, head] = l.split("\t");
        const [label, start, end] = head.split(" ");
        return { label: fold && label === "MajorClaim" ? "Claim" : label, start: Number(start), end: Number(end) };
      })
      .sort((a, b) => b.end - b.start - (a.end - a.start));
    const paint: number[] = chars.map(() => -1);
    spans.forEach((s, k) => {
      for (let c = s.start; c < s.end; c += 1) if (paint[c] === -1) paint[c] = k;
    });
    const lines: string[] = [];
    let previous = -1;
    let c = 0;
    while (c < chars.length) {
      if (/\s/.test(chars[c])) {
        c += 1;
        continue;
      }
      const from = c;
      while (c < chars.length && !/\s/.test(chars[c])) c += 1;
      const word = chars.slice(from, c).join("");
      const owner = paint.slice(from, c).find((p) => p !== -1) ?? -1;
      lines.push(`${word}\t${owner === -1 ? "O" : `${owner === previous ? "I" : "B"}-${spans[owner].label}`}`);
      previous = owner;
    }
    return lines.join("\n") + "\n";
  });
  return docs.join("\n");
}

describe("BIO export of the AbstRCT fixtures", () => {
  const files = readdirSync(DIR).map((name) => ({ name, content: readFileSync(path.join(DIR, name), "utf8") }));
  const { documents, issues } = readBratFiles(files);

  it("equals the independent conversion, with MajorClaim folded into Claim and without", () => {
    expect(issues).toEqual([]);
    const folded = writeConll(documents, { foldMajorClaim: true });
    expect(folded).toBe(simpleBio(true));
    expect(folded).not.toMatch(/MajorClaim/);
    expect(writeConll(documents)).toBe(simpleBio(false));
  });

  it("has one B- tag per span (AbstRCT has no overlapping spans) and a blank line between the 30 documents", () => {
    const bio = writeConll(documents);
    const spanCount = documents.reduce((n, d) => n + d.annotation.spans.length, 0);
    expect(bio.split("\n").filter((l) => /\tB-/.test(l))).toHaveLength(spanCount);
    expect(bio.split("\n\n")).toHaveLength(30);
    const tokens = bio.split("\n").filter((l) => l !== "");
    expect(tokens.length).toBe(documents.reduce((n, d) => n + d.text.split(/\s+/).filter(Boolean).length, 0));
  });
});
