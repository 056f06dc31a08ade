import { getDb } from "@/lib/db/client";
import { findProjectForActor } from "@/lib/projects/access";
import { qualificationPolicyOf } from "@/lib/qualification/policy";
import { updateQualificationPolicy } from "@/lib/qualification/update-policy";
import type { Command } from "../command";
import { optionalWholeNumber, resolveCliActor } from "../command";
import { UsageError } from "../errors";

const usage = `Usage: consilium qualification-policy PROJECT_SLUG [--required | --not-required] [--pass PERCENT]
                                       [--rule overall|every_axis] [--attempts N]
                                       [--pause-below PERCENT | --no-pause] [--min-gold N] --as EMAIL

Shows the project's qualification policy, or changes what the flags name (the rest stays): whether
reviewers must pass the qualification round before real batches open to them, the pass mark (percent of
known answers, over the round or on every axis), the attempts allowed, and the gold watch (pause a
reviewer whose accuracy on gold items in real batches falls below PERCENT once --min-gold items are
graded; warned at half as many). The round itself is a batch: consilium assign … --qualification.`;

export const qualificationPolicyCommand: Command = {
  name: "qualification-policy",
  summary: "show or set the project's qualification policy and gold watch",
  usage,
  options: {
    required: { type: "boolean" },
    "not-required": { type: "boolean" },
    pass: { type: "string" },
    rule: { type: "string" },
    attempts: { type: "string" },
    "pause-below": { type: "string" },
    "no-pause": { type: "boolean" },
    "min-gold": { type: "string" },
  },
  async run({ values, positionals }, io) {
    const [slug] = positionals;
    if (!slug || positionals.length > 1) throw new UsageError(usage);
    const actor = await resolveCliActor(values, "project:manage");
    const project = await findProjectForActor(actor, slug, "project:manage");
    if (values.required && values["not-required"]) throw new UsageError("Use either --required or --not-required.");
    if (values["pause-below"] !== undefined && values["no-pause"]) throw new UsageError("Use either --pause-below or --no-pause.");
    if (values.rule !== undefined && values.rule !== "overall" && values.rule !== "every_axis") throw new UsageError("--rule must be overall or every_axis.");
    const current = await getDb().project.findUniqueOrThrow({ where: { id: project.id }, select: { requiresQualification: true, settings: true } });
    const policy = qualificationPolicyOf(current.settings);
    const pass = optionalWholeNumber(values, "pass", { min: 1, max: 100 });
    const attempts = optionalWholeNumber(values, "attempts", { min: 1, max: 10 });
    const pauseBelow = optionalWholeNumber(values, "pause-below", { min: 1, max: 100 });
    const minGold = optionalWholeNumber(values, "min-gold", { min: 2, max: 1000 });
    const changing = ["required", "not-required", "pass", "rule", "attempts", "pause-below", "no-pause", "min-gold"].some((k) => values[k] !== undefined);
    const next = {
      required: values.required ? true : values["not-required"] ? false : current.requiresQualification,
      passPercent: pass ?? policy.passPercent,
      rule: (values.rule as "overall" | "every_axis" | undefined) ?? policy.rule,
      maxAttempts: attempts ?? policy.maxAttempts,
      pauseBelowPercent: values["no-pause"] ? null : (pauseBelow ?? policy.pauseBelowPercent),
      minGoldItems: minGold ?? policy.minGoldItems,
    };
    if (changing) await updateQualificationPolicy(actor, project.id, next);
    io.out(
      `${changing ? "Saved" : "Qualification policy"} for ${project.slug}: ${next.required ? "a pass is required before real batches" : "no pass required"}; pass mark ${next.passPercent} % ${next.rule === "overall" ? "overall" : "on every axis"}, ${next.maxAttempts} attempt(s); ` +
        (next.pauseBelowPercent === null ? "no gold watch." : `gold watch: pause below ${next.pauseBelowPercent} % after ${next.minGoldItems} gold items.`),
    );
  },
};
