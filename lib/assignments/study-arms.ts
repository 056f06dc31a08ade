import { z } from "zod";
import { storableString } from "@/lib/validation/storable";
import { shuffle, type Rng } from "./plan-assignments";

// Study arms (issue 10, decision 025): every planned (item, reviewer) is rated twice by the same
// reviewer, once without and once with extra material, in two linked phases.
// - sequential ("unassisted → assisted", the reader-study design of the AMIE differential study):
//   the unassisted rating first; the assisted one opens the moment it is submitted, right after it.
// - crossover ("A/B with a washout"): in period 1 each reviewer rates half their items unassisted
//   and half assisted (alternating along a shuffled order, so within one of each other); period 2,
//   after the washout in days, rates each item again in the other arm.
// The second phase is a companion batch whose assignments point at the first (Assignment.precededById)
// and open only once it is submitted, so the order is enforced, not only planned. Arms are not
// repeats: results never pair the two phases as intra-rater occasions (lib/results).

export const ARM_DESIGNS = ["sequential", "crossover"] as const;
export type ArmDesignName = (typeof ARM_DESIGNS)[number];
export type Arm = "UNASSISTED" | "ASSISTED";

const title = storableString("The assistance title").trim().min(1, { error: "Name the assistance as reviewers will see it (e.g. \"AI suggestion\")." }).max(80);

/** What the assisted phase shows: the item's reference (answer and explanation), or one of its responses (by import label), which is then never rated. */
export const assistSchema = z.discriminatedUnion(
  "material",
  [
    z.strictObject({ material: z.literal("reference"), title }),
    z.strictObject({ material: z.literal("response"), label: z.string().regex(/^[A-Z]$/, { error: "The response label is one capital letter (A, B, …), as imported." }), title }),
  ],
  { error: "The assistance material is \"reference\" or \"response\"." },
);
export type Assist = z.infer<typeof assistSchema>;

export const armsSchema = z.strictObject({
  design: z.enum(ARM_DESIGNS, { error: "The arm design is sequential or crossover." }),
  assist: assistSchema,
  /** Crossover: days between the periods (period 2 opens then, and only for items whose period-1 rating is submitted). */
  washoutDays: z.int().min(0).max(365).default(0),
});
export type ArmsInput = z.input<typeof armsSchema>;

export const DESIGN_OF: Record<ArmDesignName, "SEQUENTIAL" | "CROSSOVER"> = { sequential: "SEQUENTIAL", crossover: "CROSSOVER" };

/** The companion batch's name: plain words a reviewer understands, nothing about the hypothesis. */
export function secondPhaseName(batchName: string, design: ArmDesignName): string {
  return design === "sequential" ? `${batchName} (assisted)` : `${batchName} (period 2)`;
}

type FirstRow = { id: string; reviewerId: string; itemId: string; displayOrder: number };
export type SecondPhase = { precededById: string; reviewerId: string; itemId: string; arm: Arm; displayOrder: number };

/**
 * Arms for the first-phase rows, and the second phase: each row again, same reviewer, other arm.
 * Sequential keeps the reviewer's order (the assisted rating follows its unassisted one); crossover
 * alternates arms along a shuffled order per reviewer and, when `reshuffle`, orders period 2 afresh.
 */
export function planArms(rows: ReadonlyArray<FirstRow>, design: ArmDesignName, opts: { rng: Rng; reshuffle: boolean }) {
  const firstArm = new Map<string, Arm>();
  const byReviewer = new Map<string, FirstRow[]>();
  for (const r of rows) byReviewer.set(r.reviewerId, [...(byReviewer.get(r.reviewerId) ?? []), r]);
  const second: SecondPhase[] = [];
  for (const [reviewerId, mine] of byReviewer) {
    const ordered = [...mine].sort((a, b) => a.displayOrder - b.displayOrder);
    if (design === "sequential") {
      for (const r of ordered) firstArm.set(r.id, "UNASSISTED");
    } else {
      // Which half starts assisted is itself random per reviewer, so neither arm is always "the first half".
      const startAssisted = opts.rng() < 0.5;
      shuffle(ordered, opts.rng).forEach((r, i) => firstArm.set(r.id, (i % 2 === 0) === startAssisted ? "ASSISTED" : "UNASSISTED"));
    }
    const order = design === "crossover" && opts.reshuffle ? shuffle(ordered, opts.rng) : ordered;
    order.forEach((r, displayOrder) => second.push({ precededById: r.id, reviewerId, itemId: r.itemId, arm: firstArm.get(r.id) === "ASSISTED" ? "UNASSISTED" : "ASSISTED", displayOrder }));
  }
  return { firstArm, second };
}

/** The reviewer-facing words for an arm, in exports and on the dashboard. */
export const ARM_NAME: Record<Arm, "unassisted" | "assisted"> = { UNASSISTED: "unassisted", ASSISTED: "assisted" };

/** The assistance as exports name it: "reference" or "response B". */
export function assistanceName(stored: unknown): string {
  const assist = assistSchema.safeParse(stored);
  if (!assist.success) return "unknown";
  return assist.data.material === "reference" ? "reference" : `response ${assist.data.label}`;
}
