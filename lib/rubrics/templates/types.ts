// A rubric template is data (DESIGN.md: "Templates are data, not code paths").
export type AxisOption = {
  value: string;
  label: string;
  help?: string;
  /** Heading under which a multi-select CHOICE groups this option (MedVAL's error families). */
  group?: string;
};

export type AxisTemplate = {
  key: string;
  label: string;
  help: string;
  type: "SCALE" | "CHOICE" | "BOOLEAN" | "TEXT";
  /**
   * RESPONSE: rated per response. ITEM: once per item. PAIR: once per item, comparing the first
   * two responses of the reviewer's (randomized) order; options are "A" | "tie" | "B" as shown on
   * screen, but the stored value is the chosen Response.id (or "tie"), never a screen position.
   * RANKING: once per item, ordering all of its responses (a CHOICE without options; decision 029).
   */
  appliesTo: "RESPONSE" | "PAIR" | "ITEM" | "RANKING" | "BEST_WORST" | "TURN";
  required: boolean;
  /** Ordered best → worst where the axis is ordinal. SCALE: one label per point, min first. */
  options: AxisOption[];
  /** SCALE: the range. CHOICE: `max` > 1 makes it multi-select (at most `max` options). */
  min?: number;
  max?: number;
  polarity?: "HIGHER_IS_BETTER" | "CHOSEN_IS_WORSE";
  /** Offers "Cannot rate / does not apply" (stored as "na"), as AMIE's rubric does. */
  allowsNotApplicable?: boolean;
  /**
   * The best answer (the "best bin" Med-PaLM reports), as stored: an option value, a scale point,
   * or true/false. Reviewers see it marked, so the better end of every axis is visible whatever the
   * key; absent for nominal axes (an error type has no better answer).
   */
  best?: string | number | boolean;
  /** The options come from the item: "note_sentences" lists the note's sentences (a CHOICE axis). */
  optionsFrom?: "note_sentences";
};

/** Review tools a template switches on besides its axes (DESIGN.md "What a reviewer annotates"). */
export type TemplateTool = "criteria" | "ddx-match" | "steps" | "arguments";

export type RubricTemplate = {
  key: string;
  name: string;
  description: string;
  citation: { text: string; url: string };
  axes: AxisTemplate[];
  /** Item kinds the template was designed for (shown as a hint; nothing is refused). */
  kinds?: Array<"qa" | "mcq" | "dialogue" | "vqa" | "note" | "ddx">;
  tools?: TemplateTool[];
};
