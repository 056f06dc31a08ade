import type { Tx } from "@/lib/db/client";
import type { AxisTemplate, RubricTemplate } from "./templates";

export async function createRubricFromTemplate(tx: Tx, projectId: string, template: RubricTemplate, version = 1) {
  return tx.rubric.create({
    data: {
      projectId,
      version,
      name: template.name,
      templateKey: template.key,
      axes: { create: axisRows(template.axes) },
    },
  });
}

/** Axes as RubricAxis rows, in order: the one mapping for templates and for saved rubric documents. */
export function axisRows(axes: readonly AxisTemplate[]) {
  return axes.map((axis, position) => ({
    key: axis.key,
    label: axis.label,
    help: axis.help,
    type: axis.type,
    appliesTo: axis.appliesTo,
    required: axis.required,
    position,
    options: axis.options,
    min: axis.min ?? null,
    max: axis.max ?? null,
    polarity: axis.polarity ?? ("HIGHER_IS_BETTER" as const),
    allowsNotApplicable: axis.allowsNotApplicable ?? false,
    bestValue: axis.best === undefined ? null : String(axis.best),
    optionsFrom: axis.optionsFrom ?? null,
  }));
}
