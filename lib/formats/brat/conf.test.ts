import { describe, expect, it } from "vitest";
import { DEFAULT_LABEL_SET, type LabelSet } from "../argument-types";
import { describeIssue } from "../format-issue";
import { parseBratConf } from "./parse-conf";
import { writeBratConf, writeBratVisualConf } from "./write-conf";

describe("brat annotation.conf", () => {
  it("writes the default label set as brat reads it, and reads it back with names and colours from visual.conf", () => {
    const conf = writeBratConf(DEFAULT_LABEL_SET);
    expect(conf).toContain("[entities]\n\nMajorClaim\nClaim\nPremise\n");
    expect(conf).toContain("[relations]\n\nSupport\tArg1:Claim|Premise, Arg2:MajorClaim|Claim|Premise\nAttack\tArg1:Claim|Premise, Arg2:MajorClaim|Claim|Premise\n");
    const visual = writeBratVisualConf(DEFAULT_LABEL_SET);
    expect(visual).toContain("MajorClaim | Major claim\n");
    expect(visual).toContain("MajorClaim\tbgColor:#7c3aed\n");
    expect(parseBratConf(conf, { visualConf: visual })).toEqual({ labelSet: DEFAULT_LABEL_SET, issues: [], notes: [] });
  });

  it("writes pairs that are not one product as several lines of the same relation, which read back united", () => {
    const labelSet: LabelSet = {
      labels: DEFAULT_LABEL_SET.labels,
      relations: [{ key: "Support", name: "Support", allowed: [["Claim", "MajorClaim"], ["Premise", "Claim"], ["Premise", "Premise"]] }],
    };
    const conf = writeBratConf(labelSet);
    expect(conf).toContain("Support\tArg1:Claim, Arg2:MajorClaim\nSupport\tArg1:Premise, Arg2:Claim|Premise\n");
    expect(parseBratConf(conf).labelSet.relations).toEqual(labelSet.relations);
  });

  it("expands <ENTITY> and macros, flattens the hierarchy, skips abstract types, and notes or refuses what it cannot keep", () => {
    const conf = [
      "# comment",
      "[entities]",
      "!Argument",
      "\tClaim",
      "\tPremise",
      "1stClaim",
      "[relations]",
      "<ARG>=Claim|Premise",
      "Support\tArg1:<ARG>, Arg2:<ENTITY>, <REL-TYPE>:symmetric",
      "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
      "Rebut\tArg1:Claim, Arg2:Evidence",
      "Joint\tArg1:Claim, Arg2:Claim, Arg3:Claim",
      "[events]",
      "Treatment\tTheme:Claim",
      "[attributes]",
      "Negated\tArg:<ENTITY>",
    ].join("\n");
    const parsed = parseBratConf(conf, { file: "annotation.conf" });
    expect(parsed.labelSet.labels.map((l) => l.key)).toEqual(["Claim", "Premise"]);
    expect(parsed.labelSet.relations).toEqual([
      { key: "Support", name: "Support", allowed: [["Claim", "Claim"], ["Claim", "Premise"], ["Premise", "Claim"], ["Premise", "Premise"]] },
    ]);
    expect(parsed.issues.map(describeIssue)).toEqual([
      'annotation.conf, line 6: The entity type "1stClaim" cannot be a label: a label has letters, digits, _ and -, and starts with a letter.',
      'annotation.conf, line 11: The relation "Rebut" names "Evidence", which [entities] does not list.',
      'annotation.conf, line 12: The relation "Joint" must name exactly Arg1 and Arg2, e.g. "Joint\tArg1:Premise, Arg2:Claim".',
      'annotation.conf, line 14: "Treatment" is defined under [events], which Consilium cannot represent (only span labels and relations).',
      'annotation.conf, line 16: "Negated" is defined under [attributes], which Consilium cannot represent (only span labels and relations).',
    ]);
    expect(parsed.notes.map(describeIssue)).toEqual([
      'annotation.conf, line 4: "Claim" sits under another type in brat\'s hierarchy; Consilium\'s labels are flat, so it is a label of its own.',
      'annotation.conf, line 5: "Premise" sits under another type in brat\'s hierarchy; Consilium\'s labels are flat, so it is a label of its own.',
            'annotation.conf, line 9: The flag <REL-TYPE>:symmetric of "Support" is not used.',
      "annotation.conf, line 10: The <OVERLAP> rule is not used: Consilium allows overlapping and nested spans of any labels.",
    ]);
  });

  it("assigns each label a free shortcut and a palette colour when visual.conf gives none", () => {
    const parsed = parseBratConf("[entities]\nClaim\nCounterclaim\nC2\n[relations]\n");
    expect(parsed.labelSet.labels.map((l) => l.shortcut)).toEqual(["c", "o", "2"]);
    expect(new Set(parsed.labelSet.labels.map((l) => l.color)).size).toBe(3);
    expect(parsed.issues).toEqual([]);
  });
});
