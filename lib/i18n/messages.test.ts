import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { LOCALES } from "./locales";
import { loadMessages, messagesDir } from "./messages";
import { NAMESPACES } from "./messages-type";

// Every shipped language is complete: the same namespaces and keys as English, each message valid
// ICU with the same arguments, and plurals with the "other" form every language needs.

function flatten(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") return out.set(prefix, value);
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    // next-intl reads "a.b" as a path: a key with a dot in it can never be looked up.
    if (key.includes(".")) throw new Error(`Message key "${prefix ? `${prefix}.` : ""}${key}" contains a dot.`);
    for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      into.add(`<${el.value}>`);
      argumentsOf(el.children, into);
      continue;
    }
    into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

function pluralsWithoutOther(elements: MessageFormatElement[]): string[] {
  const missing: string[] = [];
  for (const el of elements) {
    if ((el.type === TYPE.plural || el.type === TYPE.select) && !("other" in el.options)) missing.push(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) missing.push(...pluralsWithoutOther(o.value));
    if (el.type === TYPE.tag) missing.push(...pluralsWithoutOther(el.children));
  }
  return missing;
}

const english = flatten(loadMessages("en"));

describe("UI messages", () => {
  it("every language has exactly the declared namespaces", () => {
    for (const locale of LOCALES) {
      const files = readdirSync(`${messagesDir()}/${locale}`).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5)).sort();
      expect(files, locale).toEqual([...NAMESPACES].sort());
    }
  });

  it("English has messages", () => {
    expect(english.size).toBeGreaterThan(100);
  });

  for (const locale of LOCALES) {
    it(`${locale}: every English key, no other key, same arguments, valid ICU`, () => {
      const messages = flatten(loadMessages(locale));
      const missing = [...english.keys()].filter((k) => !messages.has(k));
      const extra = [...messages.keys()].filter((k) => !english.has(k));
      expect(missing, `${locale} lacks these keys`).toEqual([]);
      expect(extra, `${locale} has keys English does not`).toEqual([]);
      const problems: string[] = [];
      for (const [key, text] of messages) {
        if (!text.trim()) {
          problems.push(`${key}: empty`);
          continue;
        }
        let ast: MessageFormatElement[];
        try {
          ast = parse(text);
        } catch (error) {
          problems.push(`${key}: not valid ICU (${(error as Error).message})`);
          continue;
        }
        const expected = [...argumentsOf(parse(english.get(key)!))].sort();
        const actual = [...argumentsOf(ast)].sort();
        if (JSON.stringify(expected) !== JSON.stringify(actual)) problems.push(`${key}: arguments ${actual.join(",")} ≠ English ${expected.join(",")}`);
        const noOther = pluralsWithoutOther(ast);
        if (noOther.length) problems.push(`${key}: plural/select without "other" (${noOther.join(",")})`);
      }
      expect(problems).toEqual([]);
    });
  }

  it("translations are translations, not English copied", () => {
    for (const locale of LOCALES.filter((l) => l !== "en")) {
      const messages = flatten(loadMessages(locale));
      // Names, formats and codes are rightly identical; whole sentences are not.
      const copied = [...english].filter(([k, text]) => text.split(/\s+/).length >= 4 && messages.get(k) === text).map(([k]) => k);
      expect(copied, `${locale}: sentences left in English`).toEqual([]);
    }
  });
});
