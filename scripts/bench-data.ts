/**
 * Synthetic study for `npm run bench`: N submitted REVIEW annotations on N/2 two-response QA items,
 * 2 reviewers per item, generated with set-based SQL (INSERT … SELECT generate_series) so 100k
 * annotations take seconds, not the minutes that row-by-row Prisma calls would.
 *
 * Only the project (and its real Med-PaLM rubric) goes through lib/ (createProject); every other
 * row is plain SQL that satisfies the migration's CHECKs and FKs (SUBMITTED ⇒ submittedAt,
 * Assignment(batchId,itemId) ∈ BatchItem, NOT NULL "updatedAt" without default, …).
 *
 * Ids look like Prisma cuids (25 chars, leading "c") and sort in creation order, as cuids roughly do,
 * so the export's keyset pagination on Annotation.id walks the heap as it would in production.
 */
import type pg from "pg";
import { createProject } from "@/lib/projects/create-project";

export type BenchStudy = { adminId: string; projectId: string; batchId: string; rubricId: string; items: number; annotations: number };

/** SQL expression for a cuid-like id: 'c' + 1-letter table tag + zero-padded index + md5 noise. */
const cid = (tag: string, index: string) => `('c${tag}' || lpad((${index})::text, 9, '0') || substr(md5('${tag}' || (${index})), 1, 14))`;

// Every annotation a = 0…N-1 rates item i = a % I as the item's (slot = a / I)-th reviewer: each
// item's two reviews are far apart in id order, so a page of 1000 annotations touches ~1000 items.
// The second reviewer is offset by 1…R-1 from the first, so the two are always distinct.
// bigint: a × 7919 (the pseudo-random time on task) passes 2^31 beyond 271,000 annotations.
const plan = (n: number, items: number, reviewers: number) => `
  SELECT a, i, slot,
         ${cid("u", `CASE WHEN slot = 0 THEN i % ${reviewers} ELSE (i + 1 + (i / ${reviewers}) % ${reviewers - 1}) % ${reviewers} END`)} AS reviewer,
         timestamp '2026-01-05 08:00' + a::float8 * interval '20 seconds' AS submitted
  FROM (SELECT a, a % ${items} AS i, a / ${items} AS slot FROM generate_series(0::bigint, ${n - 1}) a) g`;

const SPECIALTIES = ["cardiology", "endocrinology", "family medicine", "neurology", "pediatrics"];

// ~100-char sentences; each response concatenates six of them (~600 chars), rotated per row.
export const SENTENCES = [
  "Chest pain that spreads to the arm or jaw, with sweating or breathlessness, needs emergency care now.",
  "Most adults should aim for a blood pressure below 130/80 mmHg, confirmed with home or ambulatory readings.",
  "Metformin is usually the first medicine for type 2 diabetes unless kidney function is markedly reduced.",
  "A fever above 38 °C in an infant younger than three months should always be assessed by a clinician.",
  "Sudden weakness of one side of the face or body is a stroke warning sign; note the time symptoms began.",
  "Antibiotics do not shorten viral colds; rest, fluids and paracetamol relieve most symptoms within a week.",
  "Statins lower the risk of heart attack in people with high cardiovascular risk, even with normal LDL.",
  "If symptoms persist beyond two weeks or worsen, book a review with your doctor to reconsider the diagnosis.",
];

const OVERALL_COMMENTS = [
  "",
  "",
  "Both answers are broadly accurate; A is clearer about when to seek urgent care.",
  "B omits red-flag symptoms that should prompt an emergency visit.",
  "A overstates the evidence for supplements; otherwise acceptable.",
  "Neither answer asks about pregnancy, which changes the recommendation.",
  "B is accurate but too technical for a lay reader.",
];

const AXIS_COMMENTS = ["Does not mention when to seek urgent care.", "Dose given is outdated.", "Reasonable, but cites no guideline."];

/** Deterministic PRNG (mulberry32) so every run rates the same way. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A pool of per-response rating blocks over the rubric's real axes; the first option is the most common. */
function ratingBlocks(axes: Array<{ key: string; options: Array<{ value: string }> }>, count: number) {
  const rand = rng(42);
  return Array.from({ length: count }, () => {
    const ratings = Object.fromEntries(axes.map((ax) => [ax.key, ax.options[rand() < 0.7 ? 0 : Math.floor(rand() * ax.options.length)].value]));
    const comments: Record<string, string> = rand() < 0.2 ? { missing_content: AXIS_COMMENTS[Math.floor(rand() * AXIS_COMMENTS.length)] } : {};
    return { ratings, comments };
  });
}

/**
 * Creates the study. `client` is a plain pg connection to the (migrated) bench database; Prisma
 * (via createProject) must already point at the same database through DATABASE_URL.
 */
export async function generateStudy(client: pg.Client, n: number, reviewers = 20): Promise<BenchStudy> {
  if (n < 2 || reviewers < 2) throw new Error("need at least 2 annotations and 2 reviewers");
  const items = Math.ceil(n / 2);
  const adminId = "cadmin0000000000000000000";
  await client.query(`SET synchronous_commit = off`); // bench data: no need to wait for WAL flushes
  await client.query(
    `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES ($1, 'admin@bench.consilium.local', 'Bench admin', 'ADMIN', 'bench-no-login', now())`,
    [adminId],
  );
  const project = await createProject(adminId, {
    name: "Benchmark study",
    slug: "bench-study",
    template: "med-palm-long-form",
    reviewersPerItem: 2,
  });
  const rubric = await client.query<{ id: string }>(`SELECT id FROM "Rubric" WHERE "projectId" = $1`, [project.id]);
  const rubricId = rubric.rows[0].id;
  const axes = await client.query<{ key: string; options: Array<{ value: string }> }>(
    `SELECT key, options FROM "RubricAxis" WHERE "rubricId" = $1 ORDER BY position`,
    [rubricId],
  );
  const blocks = ratingBlocks(axes.rows, 97);
  const batchId = "cbatch0000000000000000000";
  const p = project.id;

  const statements: Array<[string, unknown[]]> = [
    [`INSERT INTO "User" (id, email, name, role, specialty, "passwordHash", "updatedAt")
      SELECT ${cid("u", "r")}, 'reviewer' || r || '@bench.consilium.local', 'Reviewer ' || r, 'REVIEWER', ($1::text[])[1 + r % 5], 'bench-no-login', now()
      FROM generate_series(0, ${reviewers - 1}) r`, [SPECIALTIES]],
    [`INSERT INTO "ProjectMember" (id, "projectId", "userId", role)
      SELECT ${cid("m", "r")}, $1, ${cid("u", "r")}, 'REVIEWER' FROM generate_series(0, ${reviewers - 1}) r`, [p]],
    [`INSERT INTO "Item" (id, "projectId", "externalId", kind, specialty, input)
      SELECT ${cid("i", "i")}, $1, 'q-' || (i + 1), 'QA', ($2::text[])[1 + i % 5],
             jsonb_build_object('question', 'Question ' || (i + 1) || ': what should a patient with condition ' || (i % 997) || ' know about treatment options and warning signs?')
      FROM generate_series(0, ${items - 1}) i`, [p, SPECIALTIES]],
    [`INSERT INTO "Response" (id, "itemId", position, label, "modelName", content)
      SELECT ${cid("r", "i * 2 + pos")}, ${cid("i", "i")}, pos, chr(65 + pos), (ARRAY['model-alpha', 'model-beta'])[pos + 1],
             (SELECT string_agg(($1::text[])[1 + (i * 3 + pos * 5 + k) % 8], ' ') FROM generate_series(0, 5) k)
      FROM generate_series(0, ${items - 1}) i CROSS JOIN generate_series(0, 1) pos`, [SENTENCES]],
    [`INSERT INTO "Batch" (id, "projectId", name, "createdById") VALUES ($1, $2, 'bench-batch-1', $3)`, [batchId, p, adminId]],
    [`INSERT INTO "BatchItem" ("batchId", "itemId") SELECT $1, ${cid("i", "i")} FROM generate_series(0, ${items - 1}) i`, [batchId]],
    // responseOrder: the two response ids, swapped for odd-hash assignments (randomized screen order).
    [`INSERT INTO "Assignment" (id, "batchId", "itemId", "reviewerId", "rubricId", status, "displayOrder", "responseOrder",
                               "timeOnTaskMs", "startedAt", "submittedAt", "updatedAt")
      SELECT ${cid("a", "a")}, $1, ${cid("i", "i")}, reviewer, $2, 'SUBMITTED', a / ${reviewers},
             CASE WHEN (a * 7919) % 2 = 0 THEN ARRAY[${cid("r", "i * 2")}, ${cid("r", "i * 2 + 1")}]
                  ELSE ARRAY[${cid("r", "i * 2 + 1")}, ${cid("r", "i * 2")}] END,
             60000 + (a * 7919) % 540000, submitted - interval '10 minutes', submitted, submitted
      FROM (${plan(n, items, reviewers)}) s`, [batchId, rubricId]],
    // data: {responses: {<respId>: block, …}, item: {…}, overallComment}, blocks picked from the pool.
    [`INSERT INTO "Annotation" (id, kind, "itemId", "assignmentId", "authorId", data, version, "submittedAt", "updatedAt")
      SELECT ${cid("n", "a")}, 'REVIEW', ${cid("i", "i")}, ${cid("a", "a")}, reviewer,
             jsonb_build_object(
               'responses', jsonb_build_object(${cid("r", "i * 2")}, $1::jsonb -> ((a * 7) % ${blocks.length})::int,
                                               ${cid("r", "i * 2 + 1")}, $1::jsonb -> ((a * 13 + 5) % ${blocks.length})::int),
               'item', jsonb_build_object('ratings', '{}'::jsonb, 'comments', '{}'::jsonb),
               'overallComment', ($2::text[])[(1 + a % ${OVERALL_COMMENTS.length})::int]),
             1 + a % 3, submitted, submitted
      FROM (${plan(n, items, reviewers)}) s`, [JSON.stringify(blocks), OVERALL_COMMENTS]],
  ];
  await client.query("BEGIN");
  for (const [sql, params] of statements) await client.query(sql, params);
  await client.query("COMMIT");
  // Fresh statistics and visibility map on the big tables, as autovacuum would leave a real database.
  // "Batch" and "Project" (one row each) are deliberately NOT analyzed: autovacuum only analyzes a
  // table after 50+ row changes, so a real deployment with a few batches has no statistics there
  // either, and the export's page query plan depends on it (ANALYZE "Batch" changes it completely).
  await client.query(`VACUUM ANALYZE "User", "Item", "Response", "BatchItem", "Assignment", "Annotation"`);
  return { adminId, projectId: p, batchId, rubricId, items, annotations: n };
}
