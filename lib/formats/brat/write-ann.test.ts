import { describe, expect, it } from "vitest";
import type { ArgumentAnnotation } from "../argument-types";
import { parseBratAnn } from "./parse-ann";
import { writeBratAnn } from "./write-ann";

describe("writeBratAnn", () => {
  it("writes T lines by start, end and label, then R lines, renumbered, with code-point offsets", () => {
    const text = "🇫🇷 Claim one. Premise 👍🏽 two.";
    const annotation: ArgumentAnnotation = {
      spans: [
        { id: "s9", label: "Premise", start: 14, end: 29, text: "Premise 👍🏽 two." },
        { id: "s2", label: "MajorClaim", start: 3, end: 13, text: "Claim one." },
        { id: "s1", label: "Claim", start: 3, end: 13, text: "Claim one." },
      ],
      relations: [
        { id: "r7", label: "Support", from: "s9", to: "s2" },
        { id: "r1", label: "Attack", from: "s9", to: "s1" },
      ],
    };
    expect(writeBratAnn(annotation, text)).toBe(
      [
        "T1\tClaim 3 13\tClaim one.",
        "T2\tMajorClaim 3 13\tClaim one.",
        "T3\tPremise 14 29\tPremise 👍🏽 two.",
        "R1\tAttack Arg1:T3 Arg2:T1\t",
        "R2\tSupport Arg1:T3 Arg2:T2\t",
        "",
      ].join("\n"),
    );
    expect(writeBratAnn({ spans: [], relations: [] }, text)).toBe("");
  });

  it("writes a span across line breaks as brat's pieces, which read back as the same span", () => {
    const text = "A\r\nClaim across\n\nlines\nend";
    const spans = [
      { id: "a", label: "Claim", start: 3, end: 22, text: "Claim across\n\nlines" },
      { id: "b", label: "Premise", start: 1, end: 17, text: "\r\nClaim across\n\n" }, // starts and ends with a break
    ];
    const ann = writeBratAnn({ spans, relations: [{ id: "r", label: "Support", from: "b", to: "a" }] }, text);
    expect(ann).toBe("T1\tPremise 1 1;3 15;17 17\t Claim across \nT2\tClaim 3 15;17 22\tClaim across lines\nR1\tSupport Arg1:T1 Arg2:T2\t\n");
    const parsed = parseBratAnn(ann, text);
    expect(parsed.issues).toEqual([]);
    expect(parsed.annotation.spans.map(({ start, end, text: t }) => ({ start, end, text: t }))).toEqual([
      { start: 1, end: 17, text: "\r\nClaim across\n\n" },
      { start: 3, end: 22, text: "Claim across\n\nlines" },
    ]);
  });

  it("refuses an annotation that does not fit its text", () => {
    const text = "Short.";
    expect(() => writeBratAnn({ spans: [{ id: "a", label: "Claim", start: 0, end: 5, text: "Other" }], relations: [] }, text)).toThrow(/differs from the text at its offsets 0–5/);
    expect(() => writeBratAnn({ spans: [{ id: "a", label: "Claim", start: 0, end: 9, text: "Short." }], relations: [] }, text)).toThrow(/does not fit the text \(6 characters\)/);
    expect(() => writeBratAnn({ spans: [], relations: [{ id: "r", label: "Support", from: "a", to: "b" }] }, text)).toThrow(/names span a, which does not exist/);
  });
});
