import { describe, expect, it } from "vitest";
import { CLIENT_TOOLS, PAGE_KEYS, shortcutsFor } from "@/components/review/tools";
import { annotationDataSchema, emptyAnnotationData } from "@/lib/annotations/schema";
import { checkDocument, enabledTools, TOOL_DESCRIBERS, TOOL_IDS, TOOLS } from "@/lib/tools";
import { TOOL_EXPORTS } from "@/lib/tools/export-projections";

// Conformance of the tool registries (decision 010): every part of a tool is registered under the same
// id everywhere, the composed document accepts an empty annotation, and no tool binds a page-wide key.
describe("tool registries", () => {
  it("list the same tools, once each, on the server, in the describers, the exports and the review page", () => {
    expect(new Set(TOOL_IDS).size).toBe(TOOLS.length);
    expect(TOOL_DESCRIBERS.map((t) => t.id)).toEqual(TOOL_IDS);
    expect(TOOL_EXPORTS.map((t) => t.id)).toEqual(TOOL_IDS);
    expect(CLIENT_TOOLS.map((t) => t.id).sort()).toEqual([...TOOL_IDS].sort());
    expect(new Set(CLIENT_TOOLS.map((t) => t.id)).size).toBe(CLIENT_TOOLS.length);
  });

  it("compose a document schema whose empty annotation every tool accepts", () => {
    expect(annotationDataSchema.parse({})).toEqual(emptyAnnotationData());
    expect(checkDocument(emptyAnnotationData(), { axes: [], responseIds: ["r1", "r2"] }, true)).toEqual([]);
    for (const tool of TOOLS) expect(tool.check(emptyAnnotationData(), { axes: [], responseIds: [] }, false)).toEqual([]);
  });

  it("give every client tool a keymap that never binds a page-wide key, and no two tools one key in one scope", () => {
    const pageKeys = new Set(PAGE_KEYS.flatMap((k) => k.keys.map((x) => x.toLowerCase())));
    const owner = new Map<string, string>();
    for (const tool of CLIENT_TOOLS) {
      expect(tool.keymap.length).toBeGreaterThan(0);
      for (const binding of tool.keymap) {
        for (const key of binding.keys.map((k) => k.toLowerCase())) {
          expect({ tool: tool.id, key, page: pageKeys.has(key) }).toEqual({ tool: tool.id, key, page: false });
          const slot = `${binding.scope}:${key}`;
          expect({ slot, tool: owner.get(slot) ?? tool.id }).toEqual({ slot, tool: tool.id });
          owner.set(slot, tool.id);
        }
      }
    }
    expect(shortcutsFor(new Set(["ratings"])).map((s) => s.scope)).toEqual([...PAGE_KEYS.map(() => "page"), "axis", "axis", "axis"]);
  });

  it("enable tools from the rubric, the template and the item", () => {
    const axes = (...targets: string[]) => targets.map((appliesTo) => ({ appliesTo }));
    expect(enabledTools({ axes: axes("RESPONSE", "PAIR"), templateTools: [], itemKind: "QA", criteriaCount: 0, responseCount: 2 })).toEqual(["ratings", "pairwise"]);
    expect(enabledTools({ axes: axes("PAIR"), templateTools: [], itemKind: "QA", criteriaCount: 0, responseCount: 1 })).toEqual([]);
    expect(enabledTools({ axes: axes("ITEM"), templateTools: ["criteria"], itemKind: "DIALOGUE", criteriaCount: 3, responseCount: 1 })).toEqual(["ratings", "criteria"]);
    expect(enabledTools({ axes: [], templateTools: ["ddx-match"], itemKind: "DDX", criteriaCount: 0, responseCount: 1 })).toEqual(["ddx-match"]);
    expect(enabledTools({ axes: [], templateTools: [], itemKind: "QA", criteriaCount: 0, responseCount: 2, statementCount: 4 })).toEqual(["references"]);
    expect(enabledTools({ axes: axes("ITEM"), templateTools: ["arguments"], itemKind: "NOTE", criteriaCount: 0, responseCount: 0, argumentsEnabled: true })).toEqual(["ratings", "arguments"]);
    // Per-turn axes rate dialogues only.
    expect(enabledTools({ axes: axes("TURN", "RESPONSE"), templateTools: [], itemKind: "DIALOGUE", criteriaCount: 0, responseCount: 2 })).toEqual(["ratings", "turns"]);
    expect(enabledTools({ axes: axes("TURN"), templateTools: [], itemKind: "QA", criteriaCount: 0, responseCount: 2 })).toEqual([]);
  });
});
