import { z } from "zod";

// A project's qualification policy (issue 10, decision 026). Whether it is required is the column
// Project.requiresQualification (every queue query filters on it); the numbers live here, in
// Project.settings.qualification, parsed with defaults like every other setting.

export const qualificationPolicySchema = z.object({
  /** Share of known answers a reviewer must reproduce to pass, in percent. */
  passPercent: z.int().min(1, { error: "The pass mark is 1 to 100 %." }).max(100, { error: "The pass mark is 1 to 100 %." }).default(80),
  /** overall: over all known answers of the round; every_axis: on each axis separately. */
  rule: z.enum(["overall", "every_axis"], { error: "The pass rule is overall or every_axis." }).default("overall"),
  /** Attempts allowed, the first included. */
  maxAttempts: z.int().min(1, { error: "Allow 1 to 10 attempts." }).max(10, { error: "Allow 1 to 10 attempts." }).default(2),
  /** Gold watch: pause a reviewer whose accuracy on gold items in real batches falls below this (percent); null: never. */
  pauseBelowPercent: z.int().min(1).max(100).nullable().default(null),
  /** … once they have this many gold items graded; at half as many they are warned first. */
  minGoldItems: z.int().min(2, { error: "Grade at least 2 gold items before pausing anyone." }).max(1000).default(6),
});
export type QualificationPolicy = z.infer<typeof qualificationPolicySchema>;

/** The policy from a project's raw settings JSON (defaults for what is missing or malformed). */
export function qualificationPolicyOf(settings: unknown): QualificationPolicy {
  const raw = (settings as { qualification?: unknown } | null)?.qualification;
  const parsed = qualificationPolicySchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : qualificationPolicySchema.parse({});
}

/** Gold watch warns at half the items it pauses at (at least one). */
export const warnAfter = (policy: QualificationPolicy) => Math.max(1, Math.ceil(policy.minGoldItems / 2));
