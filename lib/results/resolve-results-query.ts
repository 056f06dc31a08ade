import { z } from "zod";
import type { Actor } from "@/lib/auth/permissions";
import { findProjectForActor } from "@/lib/projects/access";
import { resultsFilterSchema } from "./results-filter";

const formatSchema = z.preprocess((v) => (v === "" ? undefined : v), z.enum(["json", "csv"], { error: "format must be json or csv." }).default("json"));

/**
 * The results route's query: `format` plus the filters (an unknown parameter is an error, not
 * ignored). Project (by the caller's access) and filter are checked before any figure is computed.
 */
export async function resolveResultsQuery(actor: Actor, slug: string, query: Record<string, string>) {
  const { format, ...rest } = query;
  const chosen = formatSchema.parse(format);
  const filter = resultsFilterSchema.parse(rest);
  const project = await findProjectForActor(actor, slug, "project:read");
  return { project, filter, format: chosen };
}
