import { randomUUID } from "node:crypto";
import { createUser } from "@/lib/auth/users";
import { createProject } from "@/lib/projects/create-project";
import { importItems } from "@/lib/import/import-items";

// Factories shared by the demo seed and the tests: every record goes through the same lib/
// functions the UI uses, so seeded data obeys the same rules.

export const DEMO_PASSWORD = "consilium-demo";

export async function seedUser(opts: { role?: "ADMIN" | "REVIEWER" | "RESEARCHER"; email?: string; name?: string; password?: string; specialty?: string } = {}) {
  const role = opts.role ?? "REVIEWER";
  const email = opts.email ?? `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@test.consilium.local`;
  return createUser(null, { email, name: opts.name ?? `Test ${role.toLowerCase()}`, role, password: opts.password ?? DEMO_PASSWORD, specialty: opts.specialty });
}

export async function seedProject(actorId: string, opts: { slug?: string; name?: string; blinded?: boolean; reviewersPerItem?: number; randomizeOrder?: boolean; guidelines?: string } = {}) {
  const slug = opts.slug ?? `test-${randomUUID().slice(0, 8)}`;
  return createProject(actorId, {
    name: opts.name ?? `Project ${slug}`,
    slug,
    guidelines: opts.guidelines ?? "Rate each answer on every axis.",
    template: "med-palm-long-form",
    blinded: opts.blinded ?? true,
    randomizeOrder: opts.randomizeOrder ?? true,
    reviewersPerItem: opts.reviewersPerItem ?? 2,
  });
}

export type QaLine = { externalId: string; question: string; context?: string; responses: Array<{ modelName: string; content: string; reasoning?: string }> };

export function qaLines(count: number, prefix = "q"): QaLine[] {
  return Array.from({ length: count }, (_, i) => ({
    externalId: `${prefix}-${i + 1}`,
    question: `Question ${i + 1}: what should a patient know about condition ${i + 1}?`,
    responses: [
      { modelName: "model-alpha", content: `**Alpha** answer ${i + 1}.` },
      { modelName: "model-beta", content: `Beta answer ${i + 1}.` },
    ],
  }));
}

async function* asLines(rows: object[]) {
  for (const row of rows) yield JSON.stringify(row);
}

export async function seedItems(actorId: string, projectId: string, rows: object[]) {
  const result = await importItems({ actorId, projectId, lines: asLines(rows) });
  if (!result.ok) throw new Error(`seedItems failed: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return result;
}
