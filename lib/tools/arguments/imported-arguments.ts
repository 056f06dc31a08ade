import type { LabelSet } from "@/lib/formats/argument-types";
import { checkArgumentAnnotation } from "@/lib/formats/check-annotation";
import { itemInputOf, itemReferenceOf, type ItemImport } from "@/lib/items/schema";
import type { ImportError } from "@/lib/import/import-records";
import { argumentTargetAnnotationSchema } from "./schema";
import { argumentTargetsOf } from "./targets";

/**
 * An item's imported argument annotation (`reference.arguments`, by target key: brat and
 * CasiMedicos-Arg imports write it, a JSONL line may carry it) against the item's own texts and the
 * project's label set. Response texts are not targets here: a response's id does not exist before the
 * import. Every problem is located by field, as the import reports them.
 */
export function checkImportedArguments(line: number, item: ItemImport, labelSet: LabelSet): ImportError[] {
  const raw = (item.reference as { arguments?: unknown } | undefined)?.arguments;
  if (raw === undefined) return [];
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return [{ line, field: "reference.arguments", message: 'must be an object keyed by text, e.g. {"item.text": {"spans": […], "relations": […]}}.' }];
  const texts = new Map(argumentTargetsOf({ kind: item.kind, input: itemInputOf(item), reference: itemReferenceOf(item) }, []).map((t) => [t.key, t.text]));
  const errors: ImportError[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const field = `reference.arguments.${key}`;
    const text = texts.get(key);
    if (text === undefined) {
      errors.push({ line, field, message: `this item has no text "${key}" to annotate (a ${item.kind} item has ${[...texts.keys()].join(", ") || "none"}).` });
      continue;
    }
    const parsed = argumentTargetAnnotationSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 20)) errors.push({ line, field: [field, ...issue.path].join("."), message: issue.message });
      continue;
    }
    for (const p of checkArgumentAnnotation(text, parsed.data, labelSet).slice(0, 50)) errors.push({ line, field: [field, ...p.path].join("."), message: p.message });
  }
  return errors;
}
