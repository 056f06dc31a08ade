import { readFile } from "node:fs/promises";
import { canReviewIn, createBatch, previewBatch } from "@/lib/assignments/create-batch";
import { getDb } from "@/lib/db/client";
import { isDefaultSelection, selectItemIds, type ItemSelection } from "@/lib/assignments/select-items";
import { resolveAssignmentList } from "@/lib/assignments/fixed-list";
import { listUsers, findUserByEmail } from "@/lib/auth/users";
import { findProjectForActor, listProjectMembers } from "@/lib/projects/access";
import type { Command } from "../command";
import { optionalDate, optionalWholeNumber, readArgumentFile, requireString, resolveCliActor } from "../command";
import { UsageError } from "../errors";
import type { ArmsInput } from "@/lib/assignments/study-arms";

const usage = `Usage: consilium assign PROJECT_SLUG --batch NAME [--per-item K] [--reviewers a@x,b@y | --all-reviewers] [--due YYYY-MM-DD]
                        [--items unbatched|all|under-reviewed|disagreement] [--kind K] [--specialty S] [--language L] [--metadata KEY=VALUE]
                        [--external-ids FILE] [--match-specialty] [--show-earlier-round] [--quota N] [--gold-rate PERCENT | --gold-like-others]
                        [--repeat PERCENT [--washout-items N] [--washout-days D]]
                        [--arms sequential|crossover --assist reference|response:L --assist-title TEXT [--arm-washout-days D]]
                        [--responses-shown N] [--qualification] [--preview] [--seed N] --as EMAIL
       consilium assign PROJECT_SLUG --batch NAME --list FILE.csv [--due YYYY-MM-DD] [--arms …] --as EMAIL

Builds a batch and assigns K distinct reviewers per item. Items: every item not yet in a batch
(default), all items, those with fewer submitted reviews than K or those whose reviews disagree without
a decided consensus (second rounds), narrowed by kind,
specialty and language; or the external ids listed in FILE (one per line). It assigns them
with balanced load (default K: the project's reviewers per item; default reviewers: the
project's reviewers; --all-reviewers: every active reviewer on the site). Gold items go to every
chosen reviewer, unless --gold-rate P mixes them into each queue at P percent or --gold-like-others
plans them like any item. --match-specialty gives an item with a specialty only to reviewers who list
it (items nobody can cover are left out and named); --quota N caps each reviewer's share;
--show-earlier-round makes it a Delphi round (reviewers see the group's earlier answers, anonymized).
--responses-shown N shows each assignment N of the item's responses, planned so that pairs of responses are
shown together evenly across the item's reviewers (2: pairwise comparison over many models). --preview
prints each reviewer's load and the plan's seed and writes nothing; --seed N then writes exactly
that plan. --repeat P shows P percent of each reviewer's items to them again, unmarked, at least
--washout-items N (default 10) items later and --washout-days D (default 0) days after, in a batch of
their own ("NAME (2)") linked to the first ratings (intra-rater reliability). --arms makes a study with
arms: each planned rating twice by the same reviewer, without and with the assistance (--assist: the
item's reference answer and explanation, or the response with import label L, which is then not rated),
shown under --assist-title. sequential: unassisted, then assisted ("NAME (assisted)"); crossover: half of
each reviewer's items assisted first, the other arm in "NAME (period 2)", opening --arm-washout-days D
days later. A second phase opens only once its first is submitted. --qualification makes it the project's
qualification round: its gold items (or those chosen) to every chosen reviewer as practice, with the
known answer shown after each submit (the policy is set on the project page). --list assigns a fixed list instead: a CSV of external_id,reviewer (email) pairs, checked
line by line before anything is written.`;

/** --arms and its options as createBatch takes them (lib/assignments/study-arms.ts checks the rest). */
function armsOf(values: Record<string, unknown>): { arms?: ArmsInput } {
  const str = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  const design = str("arms");
  if (design === undefined) {
    const stray = ["assist", "assist-title", "arm-washout-days"].filter((k) => values[k] !== undefined);
    if (stray.length) throw new UsageError(`--${stray.join(", --")} go with --arms sequential|crossover.`);
    return {};
  }
  if (design !== "sequential" && design !== "crossover") throw new UsageError("--arms must be sequential or crossover.");
  const assist = str("assist");
  const title = str("assist-title");
  if (!assist || !title) throw new UsageError("--arms needs --assist reference|response:L and --assist-title TEXT (what reviewers see).");
  const response = /^response:([A-Z])$/.exec(assist);
  if (assist !== "reference" && !response) throw new UsageError("--assist must be reference or response:L (L an import label such as B).");
  const washoutDays = optionalWholeNumber(values, "arm-washout-days", { min: 0, max: 365 });
  if (washoutDays !== undefined && design !== "crossover") throw new UsageError("--arm-washout-days goes with --arms crossover.");
  return { arms: { design, assist: response ? { material: "response" as const, label: response[1], title } : { material: "reference" as const, title }, washoutDays: washoutDays ?? 0 } };
}

const FROM: Record<string, ItemSelection["from"]> = { unbatched: "unbatched", all: "all", "under-reviewed": "under_reviewed", disagreement: "disagreement" };

/** The items the options choose (lib/assignments/select-items.ts); a bad value is a usage error. */
async function itemSelectionOf(values: Record<string, unknown>): Promise<ItemSelection> {
  const str = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  if (str("external-ids") !== undefined) {
    if (str("items") !== undefined) throw new UsageError("Use either --items or --external-ids, not both.");
    let text: string;
    try {
      text = await readFile(str("external-ids")!, "utf8");
    } catch {
      throw new UsageError(`Cannot read ${str("external-ids")}.`);
    }
    return { from: "list", externalIds: text };
  }
  const from = str("items") === undefined ? "unbatched" : FROM[str("items")!];
  if (!from) throw new UsageError("--items must be unbatched, all, under-reviewed or disagreement.");
  return { from, kind: str("kind"), specialty: str("specialty"), language: str("language"), metadata: str("metadata") };
}

export const assignCommand: Command = {
  name: "assign",
  summary: "build a batch and assign it to reviewers",
  usage,
  options: {
    batch: { type: "string" },
    "per-item": { type: "string" },
    "responses-shown": { type: "string" },
    reviewers: { type: "string" },
    "all-reviewers": { type: "boolean" },
    due: { type: "string" },
    "gold-like-others": { type: "boolean" },
    "gold-rate": { type: "string" },
    "match-specialty": { type: "boolean" },
    "show-earlier-round": { type: "boolean" },
    qualification: { type: "boolean" },
    quota: { type: "string" },
    repeat: { type: "string" },
    "washout-items": { type: "string" },
    "washout-days": { type: "string" },
    preview: { type: "boolean" },
    seed: { type: "string" },
    items: { type: "string" },
    kind: { type: "string" },
    specialty: { type: "string" },
    language: { type: "string" },
    "external-ids": { type: "string" },
    metadata: { type: "string" },
    list: { type: "string" },
    arms: { type: "string" },
    assist: { type: "string" },
    "assist-title": { type: "string" },
    "arm-washout-days": { type: "string" },
  },
  async run({ values, positionals }, io) {
    const [slug] = positionals;
    if (!slug) throw new UsageError(usage);
    const actor = await resolveCliActor(values, "batch:assign");
    const project = await findProjectForActor(actor, slug, "batch:assign");
    const name = requireString(values, "batch", usage);
    const perItem = optionalWholeNumber(values, "per-item", { min: 1, max: 50 });
    const dueAt = optionalDate(values, "due");
    if (typeof values.list === "string") {
      const clashing = ["reviewers", "all-reviewers", "items", "external-ids", "kind", "specialty", "language", "metadata", "match-specialty", "quota", "gold-rate", "gold-like-others", "per-item", "preview"].filter((k) => values[k] !== undefined);
      if (clashing.length) throw new UsageError(`--list assigns exactly the listed pairs: drop --${clashing.join(", --")}.`);
      const pairs = await resolveAssignmentList(project.id, readArgumentFile(values.list));
      const result = await createBatch(actor.id, project.id, { name, reviewerIds: [...new Set(pairs.map((p) => p.reviewerId))], pairs, showsEarlierRound: Boolean(values["show-earlier-round"]), ...armsOf(values), ...(dueAt ? { dueAt } : {}) });
      return io.out(`Batch ${result.batch.name}: ${result.items} items, ${result.assignments} assignments from the list.${secondPhase(result.phaseBatch)}`);
    }
    let reviewerIds: string[];
    if (typeof values.reviewers === "string") {
      reviewerIds = [];
      // Each email is resolved here so a typo names the culprit (exit 2) instead of failing the batch as a whole.
      for (const email of values.reviewers.split(",").map((s) => s.trim()).filter(Boolean)) {
        const user = await findUserByEmail(email);
        if (!user) throw new UsageError(`No user with email ${email}.`);
        if (!(await getDb().user.count({ where: { id: user.id, ...canReviewIn(project.id) } }))) {
          throw new UsageError(`${email} cannot review in this project: ${user.isActive ? `a ${user.role.toLowerCase()} account reviews only as a reviewer member (consilium add-member ${project.slug} ${email} --role reviewer)` : "the account is deactivated"}.`);
        }
        reviewerIds.push(user.id);
      }
      if (!reviewerIds.length) throw new UsageError("--reviewers names no one.");
    } else if (values["all-reviewers"]) {
      reviewerIds = (await listUsers({ role: "REVIEWER", activeOnly: true })).map((u) => u.id);
    } else {
      // The project's own reviewers, not the whole site (issue 10).
      reviewerIds = (await listProjectMembers(project.id)).filter((m) => m.role === "REVIEWER" && m.user.isActive).map((m) => m.userId);
      if (!reviewerIds.length) throw new UsageError("The project has no reviewers yet: name them with --reviewers a@x,b@y (or --all-reviewers for every active reviewer on the site).");
    }
    const seed = optionalWholeNumber(values, "seed", { min: 0, max: 2 ** 31 - 1 });
    const selection = await itemSelectionOf(values);
    const itemIds = isDefaultSelection(selection) ? undefined : await selectItemIds(project.id, selection);
    const goldRate = optionalWholeNumber(values, "gold-rate", { min: 1, max: 89 });
    if (goldRate !== undefined && values["gold-like-others"]) throw new UsageError("Use either --gold-rate or --gold-like-others, not both.");
    const quota = optionalWholeNumber(values, "quota", { min: 1, max: 1_000_000 });
    const responsesShown = optionalWholeNumber(values, "responses-shown", { min: 2, max: 8 });
    const repeat = optionalWholeNumber(values, "repeat", { min: 1, max: 50 });
    const washoutItems = optionalWholeNumber(values, "washout-items", { min: 0, max: 100_000 });
    const washoutDays = optionalWholeNumber(values, "washout-days", { min: 0, max: 365 });
    if (repeat === undefined && (washoutItems !== undefined || washoutDays !== undefined)) throw new UsageError("--washout-items and --washout-days go with --repeat PERCENT.");
    const input = {
      name, perItem, reviewerIds, dueAt, goldToAllReviewers: !values["gold-like-others"], matchSpecialty: Boolean(values["match-specialty"]), showsEarlierRound: Boolean(values["show-earlier-round"]), isQualification: Boolean(values.qualification),
      ...(goldRate !== undefined ? { goldRate: goldRate / 100 } : {}),
      ...(repeat !== undefined ? { repeats: { share: repeat / 100, washoutItems: washoutItems ?? 10, washoutDays: washoutDays ?? 0 } } : {}), ...(quota !== undefined ? { quota } : {}), ...(responsesShown !== undefined ? { responsesShown } : {}), ...(seed !== undefined ? { seed } : {}), ...(itemIds ? { itemIds } : {}),
      ...armsOf(values),
    };
    if (values.preview) {
      const plan = await previewBatch(project.id, input);
      io.out(`Plan for batch ${name}: ${plan.items} items${plan.goldItems ? ` (${plan.goldItems} gold)` : ""}, ${plan.assignments} assignments (${plan.perItem} per item). Nothing written.`);
      for (const l of plan.loads) io.out(`  ${l.name}: ${l.assignments} (${l.gold} gold${l.repeats || l.repeatsShort ? `; ${l.repeats} repeats${l.repeatsShort ? `, ${l.repeatsShort} fewer than asked` : ""}` : ""}; ${l.openElsewhere} open elsewhere in the project)${l.isMember ? "" : " — joins the project"}`);
      if (plan.uncovered.count) io.out(`Left out (too few reviewers of their specialty): ${plan.uncovered.count} item(s): ${plan.uncovered.examples.map((u) => `${u.externalId} (${u.specialty ?? "none"}, ${u.eligible} eligible)`).join(", ")}${plan.uncovered.count > plan.uncovered.examples.length ? ", …" : ""}`);
      if (plan.arms) io.out(`Study arms (${plan.arms.design}): ${plan.arms.assignments} second-phase assignments in batch ${plan.arms.secondPhase}.`);
      io.out(`Write exactly this plan with --seed ${plan.seed}.`);
      return;
    }
    const result = await createBatch(actor.id, project.id, input);
    io.out(`Batch ${result.batch.name}: ${result.items} items, ${result.assignments} assignments (${result.perItem} per item, ${reviewerIds.length} reviewers).${result.uncovered ? ` ${result.uncovered} item(s) left out: too few reviewers of their specialty.` : ""}${result.repeats ? ` ${result.repeats} repeat rating(s) in batch ${result.repeatBatch?.name}.` : ""}${secondPhase(result.phaseBatch)}`);
  },
};

const secondPhase = (batch: { name: string; opensAt: Date | null } | null) =>
  batch ? ` Second phase in batch ${batch.name}${batch.opensAt ? `, opening ${batch.opensAt.toISOString().slice(0, 10)}` : ""}; each item opens once its first phase is submitted.` : "";
