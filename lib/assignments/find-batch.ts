import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/auth/permissions";

/** A batch only by id *and* project, so a batch id from another project is "not found". */
export async function findBatchInProject(projectId: string, batchId: string) {
  const batch = await getDb().batch.findFirst({ where: { id: batchId, projectId } });
  if (!batch) throw new NotFoundError("Batch not found.");
  return batch;
}

export async function findBatchByName(projectId: string, name: string) {
  const batch = await getDb().batch.findFirst({ where: { name, projectId } });
  if (!batch) throw new NotFoundError(`Batch "${name}" not found.`);
  return batch;
}
