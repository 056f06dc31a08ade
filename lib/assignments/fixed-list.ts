import { parse } from "csv-parse/sync";
import { ConflictError } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { canReviewIn } from "./create-batch";

// A batch from a fixed list (issue 10, "Assignment": fixed lists): a CSV of (external_id, reviewer
// email) pairs written elsewhere (a study's randomization sheet), assigned as given instead of
// planned. Every line is checked before anything is written; problems name the line.

export type AssignmentPair = { itemId: string; reviewerId: string };

const HEADER = ["external_id", "reviewer"];

/** Parses and resolves the list: unknown items or reviewers, accounts that cannot review here and repeated pairs are located errors. */
export async function resolveAssignmentList(projectId: string, text: string): Promise<AssignmentPair[]> {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (error) {
    throw new ConflictError(`The assignment list is not valid CSV: ${(error as Error).message}`);
  }
  const problems: string[] = [];
  const first = records[0]?.map((c) => c.toLowerCase());
  const hasHeader = first !== undefined && HEADER.every((h, i) => first[i] === h || (i === 1 && first[i] === "reviewer_email"));
  const lines = records.map((cells, index) => ({ line: index + 1, cells })).slice(hasHeader ? 1 : 0);
  if (!lines.length) throw new ConflictError("The assignment list is empty: one line per assignment, external_id,reviewer (an email).");
  for (const { line, cells } of lines) if (cells.length !== 2 || !cells[0] || !cells[1]) problems.push(`line ${line}: expected two values, external_id,reviewer`);
  const valid = lines.filter(({ cells }) => cells.length === 2 && cells[0] && cells[1]);
  const db = getDb();
  const externalIds = [...new Set(valid.map(({ cells }) => cells[0]))];
  const emails = [...new Set(valid.map(({ cells }) => cells[1].toLowerCase()))];
  const [items, users] = await Promise.all([
    db.item.findMany({ where: { projectId, externalId: { in: externalIds } }, select: { id: true, externalId: true } }),
    db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } }),
  ]);
  const eligible = new Set((await db.user.findMany({ where: { id: { in: users.map((u) => u.id) }, ...canReviewIn(projectId) }, select: { id: true } })).map((u) => u.id));
  const itemOf = new Map(items.map((i) => [i.externalId, i.id]));
  const userOf = new Map(users.map((u) => [u.email, u.id]));
  const seen = new Map<string, number>();
  const pairs: AssignmentPair[] = [];
  for (const { line, cells } of valid) {
    const itemId = itemOf.get(cells[0]);
    const reviewerId = userOf.get(cells[1].toLowerCase());
    if (!itemId) problems.push(`line ${line}: no item "${cells[0]}" in this project`);
    if (!reviewerId) problems.push(`line ${line}: no user ${cells[1]}`);
    else if (!eligible.has(reviewerId)) problems.push(`line ${line}: ${cells[1]} cannot review in this project (deactivated, or a researcher account that is not a reviewer member)`);
    if (!itemId || !reviewerId) continue;
    const key = `${itemId} ${reviewerId}`;
    if (seen.has(key)) problems.push(`line ${line}: repeats line ${seen.get(key)} (a reviewer reviews an item once per batch)`);
    else seen.set(key, line);
    pairs.push({ itemId, reviewerId });
  }
  if (problems.length) {
    throw new ConflictError(`The assignment list has ${problems.length} problem(s); nothing was assigned. ${problems.slice(0, 20).join("; ")}${problems.length > 20 ? "; …" : ""}.`);
  }
  return pairs;
}
