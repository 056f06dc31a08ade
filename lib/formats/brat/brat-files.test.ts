import { describe, expect, it } from "vitest";
import { DEFAULT_LABEL_SET, type ArgumentDocument } from "../argument-types";
import { describeIssue } from "../format-issue";
import { checkBratFileName, externalIdFromFileName, readBratFiles, writeBratFiles } from "./brat-files";

const DOCS: ArgumentDocument[] = [
  {
    externalId: "case-7 (rtl)",
    text: "ضغط الدم 140/90 مرتفع. לכן יש לטפל.",
    annotation: {
      spans: [
        { id: "a", label: "Premise", start: 0, end: 22, text: "ضغط الدم 140/90 مرتفع." },
        { id: "b", label: "Claim", start: 23, end: 35, text: "לכן יש לטפל." },
      ],
      relations: [{ id: "r", label: "Support", from: "a", to: "b" }],
    },
  },
  { externalId: "10735891", text: " Emoji 👍🏽 text.", annotation: { spans: [{ id: "x", label: "MajorClaim", start: 1, end: 15, text: "Emoji 👍🏽 text." }], relations: [] } },
];

describe("brat files", () => {
  it("names each document's files by its external id, and reads the id back from the file name", () => {
    expect(externalIdFromFileName("corpus/dev/10735891.txt")).toBe("10735891");
    expect(externalIdFromFileName("a.b.ann")).toBe("a.b");
    const files = writeBratFiles(DOCS, DEFAULT_LABEL_SET);
    expect(files.map((f) => f.name)).toEqual(["case-7 (rtl).txt", "case-7 (rtl).ann", "10735891.txt", "10735891.ann", "annotation.conf", "visual.conf"]);
    expect(files[1].content).toBe("T1\tPremise 0 22\tضغط الدم 140/90 مرتفع.\nT2\tClaim 23 35\tלכן יש לטפל.\nR1\tSupport Arg1:T1 Arg2:T2\t\n");
    const read = readBratFiles(files);
    expect(read.issues).toEqual([]);
    expect(read.labelSet).toEqual(DEFAULT_LABEL_SET);
    expect(read.documents.map((d) => [d.externalId, d.text, d.annotation.spans.map((s) => s.text)])).toEqual([
      ["10735891", " Emoji 👍🏽 text.", ["Emoji 👍🏽 text."]],
      ["case-7 (rtl)", DOCS[0].text, ["ضغط الدم 140/90 مرتفع.", "לכן יש לטפל."]],
    ]);
  });

  it("refuses ids that cannot name a portable file, and ids that would name the same file", () => {
    expect(checkBratFileName("10735891")).toBeNull();
    expect(checkBratFileName("a/b")).toMatch(/cannot appear in a file name/);
    expect(checkBratFileName("..")).toMatch(/starts with a dot/);
    expect(checkBratFileName("name ")).toMatch(/ends with a space/);
    expect(checkBratFileName("")).toBe("an empty id cannot name a file");
    const twins = [DOCS[1], { ...DOCS[1], externalId: "A1" }, { ...DOCS[1], externalId: "a1" }, { ...DOCS[1], externalId: "x:y" }];
    expect(() => writeBratFiles(twins)).toThrow('Cannot name the brat files: "a1" and "A1" would name the same file; "x:y" contains a character');
  });

  it("reports an .ann without its .txt and duplicate names; notes a .txt without .ann and files it does not read", () => {
    const read = readBratFiles([
      { name: "one.txt", content: "Text." },
      { name: "two.ann", content: "T1\tClaim 0 4\tText\n" },
      { name: "a/three.txt", content: "x" },
      { name: "b/three.txt", content: "y" },
      { name: "README.md", content: "# corpus" },
      { name: "annotation.conf", content: "[entities]\nClaim\n" },
      { name: "old/annotation.conf", content: "[entities]\nPremise\n" },
    ]);
    expect(read.labelSet?.labels.map((l) => l.key)).toEqual(["Claim"]);
    expect(read.documents.map((d) => [d.externalId, d.annotation.spans.length])).toEqual([
      ["one", 0],
      ["three", 0],
    ]);
    expect(read.issues.map(describeIssue)).toEqual([
      "b/three.txt: Two files are named three.txt (a/three.txt and b/three.txt); each document needs its own name.",
      "old/annotation.conf: Two files are named annotation.conf (annotation.conf and old/annotation.conf); a collection has one configuration.",
      "two.ann: There is no two.txt for this annotation file; brat offsets need the text.",
    ]);
    expect(read.notes.map(describeIssue)).toEqual([
      "README.md: This is not a brat document (.txt, .ann) or annotation.conf / visual.conf, so it was not read.",
      "one.txt: There is no one.ann, so this document has no annotations.",
      "a/three.txt: There is no three.ann, so this document has no annotations.",
    ]);
  });
});
