import { describe, expect, it } from "vitest";
import { splitSentences } from "./schema";

describe("splitSentences", () => {
  it("numbers sentences from 0 and keeps decimals and lower-case abbreviations inside them", () => {
    expect(splitSentences("Temperature 38.6 C on arrival. Started on amoxicillin, e.g. for otitis. Review in 2 days!\nNo allergies")).toEqual([
      { id: "0", text: "Temperature 38.6 C on arrival." },
      { id: "1", text: "Started on amoxicillin, e.g. for otitis." },
      { id: "2", text: "Review in 2 days!" },
      { id: "3", text: "No allergies" },
    ]);
  });
});
