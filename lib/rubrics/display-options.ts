// How an axis's answers are laid out for a reviewer, and which key picks each (client-safe, no React).
// Rules (issue 7: on Med-PaLM's rubric key 1 meant "Yes" on one axis and "No" on the next):
// - yes/no questions are always shown Yes, No, whatever order the rubric publishes, and Y / N pick them;
// - every other axis keeps its published order (scales run from their minimum up);
// - number keys pick the n-th option as shown;
// - the best answer, where the rubric names one, is marked, so the better end is always visible.

export type AxisForDisplay = {
  type: "SCALE" | "CHOICE" | "BOOLEAN" | "TEXT";
  options: Array<{ value: string; label: string; help?: string; group?: string }>;
  min: number | null;
  max: number | null;
  allowsNotApplicable?: boolean;
  /** The best answer as stored ("yes", "5", "true"). */
  best?: string;
};

export type DisplayOption = {
  value: string | number | boolean;
  label: string;
  help?: string;
  group?: string;
  /** Letter key that picks it (Y, N, or the N/A key); number keys follow the display order. */
  key?: string;
  isBest?: boolean;
};

const NOT_APPLICABLE: DisplayOption = { value: "na", label: "Cannot rate / N/A", key: "na" };

function isYesNo(options: AxisForDisplay["options"]): boolean {
  const values = options.map((o) => o.value.toLowerCase()).sort();
  return values.length === 2 && values[0] === "no" && values[1] === "yes";
}

export function displayOptions(axis: AxisForDisplay): DisplayOption[] {
  const best = axis.best;
  const mark = (o: DisplayOption): DisplayOption => (best !== undefined && String(o.value) === best ? { ...o, isBest: true } : o);
  const extra = axis.allowsNotApplicable ? [NOT_APPLICABLE] : [];
  if (axis.type === "BOOLEAN") return [...[{ value: true, label: "Yes", key: "y" }, { value: false, label: "No", key: "n" }].map(mark), ...extra];
  if (axis.type === "SCALE") {
    const min = axis.min ?? 1;
    const points = Array.from({ length: (axis.max ?? 5) - min + 1 }, (_, i) => ({ value: min + i, label: axis.options[i]?.label ?? String(min + i), help: axis.options[i]?.help }));
    return [...points.map(mark), ...extra];
  }
  if (axis.type === "CHOICE" && isYesNo(axis.options)) {
    const yes = axis.options.find((o) => o.value.toLowerCase() === "yes")!;
    const no = axis.options.find((o) => o.value.toLowerCase() === "no")!;
    return [...[{ ...yes, key: "y" }, { ...no, key: "n" }].map(mark), ...extra];
  }
  return [...axis.options.map(mark), ...extra];
}
