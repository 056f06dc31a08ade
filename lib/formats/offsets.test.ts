import { describe, expect, it } from "vitest";
import { codePointsToUtf16, codePointToUtf16, countCodePoints, createOffsetIndex, sliceCodePoints, utf16ToCodePoint, utf16ToCodePoints } from "./offsets";

// Lengths and offsets below were computed with Python 3 (len(), str.index, slicing), the
// convention brat and the corpora use; the property checks compare with Array.from(text), which
// splits a string into code points independently of the module under test.
const SAMPLES = {
  latinCombining: { text: "Cafe\u0301 naïve", python: 11 }, // e + COMBINING ACUTE, and a precomposed ï
  emoji: { text: "👍🏽 ok 👨‍👩‍👧 🇫🇷!", python: 15 }, // skin-tone modifier, ZWJ family, regional-indicator flag
  cjk: { text: "患者は𠮷野家で食事", python: 9 }, // 𠮷 (U+20BB7) lies outside the BMP
  arabic: { text: "ضغط الدم 120/80 ملم زئبق", python: 24 }, // right-to-left with left-to-right digits
  hebrew: { text: "לחץ דם 140/90 במשך 3 ימים", python: 25 },
};

function referenceToUtf16(text: string, cp: number): number {
  return Array.from(text).slice(0, cp).join("").length;
}

describe("code-point offsets", () => {
  it("count code points as Python's len() does, in every script", () => {
    for (const { text, python } of Object.values(SAMPLES)) expect(countCodePoints(text)).toBe(python);
  });

  it("slice like Python: emoji sequences, flags and combining marks count by code point", () => {
    const { text } = SAMPLES.emoji;
    expect(sliceCodePoints(text, 3, 5)).toBe("ok"); // 👍🏽 is two code points, then a space
    expect(sliceCodePoints(text, 6, 11)).toBe("👨‍👩‍👧"); // man, ZWJ, woman, ZWJ, girl
    expect(sliceCodePoints(text, 12, 14)).toBe("🇫🇷");
    expect(sliceCodePoints(text, 14, 15)).toBe("!");
    expect(sliceCodePoints(SAMPLES.latinCombining.text, 0, 5)).toBe("Cafe\u0301");
    expect(sliceCodePoints(SAMPLES.latinCombining.text, 0, 4)).toBe("Cafe"); // a code point offset may split a grapheme
    expect(sliceCodePoints(SAMPLES.cjk.text, 3, 6)).toBe("𠮷野家");
    expect(sliceCodePoints(SAMPLES.arabic.text, 9, 15)).toBe("120/80");
    expect(sliceCodePoints(SAMPLES.hebrew.text, 7, 13)).toBe("140/90");
    expect(sliceCodePoints(SAMPLES.hebrew.text, 19, 20)).toBe("3");
  });

  it("convert both ways at every offset of every sample, agreeing with Array.from", () => {
    for (const { text } of Object.values(SAMPLES)) {
      const index = createOffsetIndex(text);
      const points = Array.from(text);
      expect(index.codePointLength).toBe(points.length);
      for (let cp = 0; cp <= points.length; cp += 1) {
        const u = referenceToUtf16(text, cp);
        expect(index.toUtf16(cp)).toBe(u);
        expect(codePointToUtf16(text, cp)).toBe(u);
        expect(index.toCodePoint(u)).toBe(cp);
        expect(utf16ToCodePoint(text, u)).toBe(cp);
      }
    }
  });

  it("refuse a UTF-16 index between the halves of a surrogate pair, and offsets outside the text", () => {
    const text = "a🙂b";
    expect(utf16ToCodePoint(text, 1)).toBe(1);
    expect(() => utf16ToCodePoint(text, 2)).toThrow(/between the two halves/);
    expect(utf16ToCodePoint(text, 3)).toBe(2);
    expect(() => codePointToUtf16(text, 4)).toThrow(/outside the text, which has 3/);
    expect(() => codePointToUtf16(text, -1)).toThrow(RangeError);
    expect(() => codePointToUtf16(text, 1.5)).toThrow(RangeError);
    expect(() => sliceCodePoints(text, 2, 1)).toThrow(/before it starts/);
  });

  it("count a lone surrogate as one code point, as for…of does", () => {
    const text = "x\ud83dy\ude42z";
    expect(countCodePoints(text)).toBe(Array.from(text).length);
    expect(sliceCodePoints(text, 1, 2)).toBe("\ud83d");
  });

  it("convert a list of 600 offsets over a 20,000-character text with astral characters in one pass", () => {
    const unit = "Premise: BP 140/90 🙂 ضغط 𠮷 שלום 👨‍👩‍👧. ";
    const text = unit.repeat(Math.ceil(20_000 / unit.length));
    const points = Array.from(text);
    const cps = Array.from({ length: 600 }, (_, k) => Math.floor((k * points.length) / 600));
    const utf16 = codePointsToUtf16(text, cps);
    expect(utf16).toEqual(cps.map((cp) => points.slice(0, cp).join("").length));
    expect(utf16ToCodePoints(text, utf16)).toEqual(cps);
  });
});
