// A rubric template is data (DESIGN.md: "Templates are data, not code paths").
export type AxisOption = { value: string; label: string; help?: string };

export type AxisTemplate = {
  key: string;
  label: string;
  help: string;
  type: "SCALE" | "CHOICE" | "BOOLEAN" | "TEXT";
  appliesTo: "RESPONSE" | "PAIR" | "ITEM";
  required: boolean;
  /** Ordered best → worst where the axis is ordinal. */
  options: AxisOption[];
  min?: number;
  max?: number;
  polarity?: "HIGHER_IS_BETTER" | "CHOSEN_IS_WORSE";
};

export type RubricTemplate = {
  key: string;
  name: string;
  description: string;
  citation: { text: string; url: string };
  axes: AxisTemplate[];
};
