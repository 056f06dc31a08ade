import { describe, expect, it } from "vitest";
import { itemSnippet } from "./snippet";

describe("itemSnippet", () => {
  it("takes the question, case, note or last patient turn as plain text", () => {
    expect(itemSnippet("QA", { question: "Can I take **ibuprofen**\n\nwith CKD?" })).toBe("Can I take ibuprofen with CKD?");
    expect(itemSnippet("DDX", { case: "# Case\nFever and rash." })).toBe("Case Fever and rash.");
    expect(itemSnippet("DIALOGUE", { turns: [{ role: "patient", content: "I feel dizzy." }, { role: "assistant", content: "Since when?" }, { role: "patient", content: "Two days." }] })).toBe("Two days.");
    expect(itemSnippet("NOTE", { text: "Patient is 54.", sentences: [] })).toBe("Patient is 54.");
  });

  it("cuts long text at a word and never fails on unexpected input", () => {
    const long = itemSnippet("QA", { question: "word ".repeat(100) });
    expect(long.length).toBeLessThanOrEqual(121);
    expect(long.endsWith("word…")).toBe(true);
    expect(itemSnippet("QA", { nothing: true })).toBe("");
  });
});
