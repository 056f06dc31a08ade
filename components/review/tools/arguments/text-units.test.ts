import { describe, expect, it } from "vitest";
import { sliceCodePoints } from "@/lib/formats/offsets";
import { extendFocus, isForwardArrow, moveCaret, selectionToSpan, textDirection, textUnits } from "./text-units";

// The annotator's selection code for every script the issue names: what the browser hands over in
// UTF-16 indices becomes code-point offsets whose slice is exactly the selected text.
const unitTexts = (text: string) => textUnits(text).map((u) => text.slice(u.start, u.end));

/** Selects `part` as the browser would (UTF-16 indices of its first occurrence) and returns the stored span. */
function select(text: string, part: string) {
  const i = text.indexOf(part);
  const span = selectionToSpan(text, i, i + part.length)!;
  return { ...span, text: sliceCodePoints(text, span.start, span.end) };
}

describe("annotator selection offsets", () => {
  it("Latin with combining marks: code points count the accent separately, the slice is exact", () => {
    const text = "Cafe\u0301 patients improved.";
    expect(select(text, "patients improved.")).toEqual({ start: 6, end: 24, text: "patients improved." });
    // A selection ending between e and its accent is widened to the whole character.
    expect(selectionToSpan(text, 0, 4)).toEqual({ start: 0, end: 5 });
  });

  it("emoji: a skin tone, a ZWJ family and a flag are whole characters; offsets after them are code points", () => {
    const text = "👍🏽 👨‍👩‍👧 🇫🇷 Aspirin works.";
    expect(select(text, "Aspirin works.")).toEqual({ start: 12, end: 26, text: "Aspirin works." });
    // Selecting half of the family (UTF-16 indices inside the sequence) takes the whole grapheme.
    const family = text.indexOf("👨");
    expect(selectionToSpan(text, family + 1, family + 3)).toEqual({ start: 3, end: 8 });
    expect(unitTexts(text)).toEqual(["👍🏽", "👨‍👩‍👧", "🇫🇷", "Aspirin", "works."]);
  });

  it("CJK with a character outside the Basic Multilingual Plane", () => {
    const text = "患者は𠮷野家で食べた。血圧は正常。";
    expect(select(text, "血圧は正常。")).toEqual({ start: 11, end: 17, text: "血圧は正常。" });
    expect(select(text, "𠮷野家")).toEqual({ start: 3, end: 6, text: "𠮷野家" });
    expect(unitTexts(text).join("")).toBe(text); // words without spaces, none split
  });

  it("Arabic (right to left, digits left to right): logical offsets, → and ← swapped", () => {
    const text = "ضغط الدم 120/80 مرتفع.";
    expect(select(text, "120/80 مرتفع.")).toEqual({ start: 9, end: 22, text: "120/80 مرتفع." });
    expect(textDirection(text)).toBe("rtl");
    expect(isForwardArrow("ArrowLeft", "rtl")).toBe(true);
    expect(isForwardArrow("ArrowRight", "ltr")).toBe(true);
  });

  it("Hebrew, and mixed text whose first letter decides the direction", () => {
    const text = "לחץ דם 140/90 גבוה";
    expect(select(text, "לחץ דם")).toEqual({ start: 0, end: 6, text: "לחץ דם" });
    expect(textDirection(text)).toBe("rtl");
    expect(textDirection("120 mmHg לחץ")).toBe("ltr");
    expect(textDirection("  120 לחץ mmHg")).toBe("rtl");
  });

  it("trims whitespace around a selection and refuses a selection of only whitespace", () => {
    const text = " Daily aspirin\nlowered risk. ";
    expect(select(text, " Daily aspirin\n")).toEqual({ start: 1, end: 14, text: "Daily aspirin" });
    expect(selectionToSpan(text, 14, 15)).toBeNull();
  });
});

describe("annotator keyboard movement", () => {
  const text = "🙂 Aspirin lowered risk (p < 0.05). Bleeding was rare.";
  const units = textUnits(text);

  it("moves the caret word by word and extends a selection word by word, punctuation kept with its word", () => {
    expect(unitTexts(text)).toEqual(["🙂", "Aspirin", "lowered", "risk", "(p", "<", "0.05).", "Bleeding", "was", "rare."]);
    let caret = moveCaret(units, null, true);
    caret = moveCaret(units, caret, true);
    expect(text.slice(caret)).toMatch(/^Aspirin/);
    let focus = extendFocus(units, caret, true);
    focus = extendFocus(units, focus, true);
    focus = extendFocus(units, focus, true);
    expect(text.slice(caret, focus)).toBe("Aspirin lowered risk");
    expect(text.slice(caret, extendFocus(units, focus, false))).toBe("Aspirin lowered ");
    const span = selectionToSpan(text, caret, focus)!;
    expect(span).toEqual({ start: 2, end: 22 });
    expect(moveCaret(units, caret, false)).toBe(0);
  });
});
