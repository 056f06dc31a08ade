import { z } from "zod";
import { projectSettingsSchema } from "./settings";
import { storableString } from "@/lib/validation/storable";

export const slugSchema = z
  .string()
  .trim()
  .min(2, { error: "Slug needs at least 2 characters." })
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "Use lower-case letters, digits and single dashes." });

export const createProjectSchema = z.object({
  name: storableString("The name").trim().min(1, { error: "Name is required." }).max(200),
  slug: slugSchema,
  guidelines: storableString("The guidelines").max(100_000).default(""),
  template: z.string().min(1, { error: "Choose a rubric template." }),
  blinded: z.boolean().default(true),
  randomizeOrder: z.boolean().default(true),
  reviewersPerItem: z.coerce.number().int().min(1, { error: "At least one reviewer per item." }).max(50),
  settings: projectSettingsSchema.default(projectSettingsSchema.parse({})),
});
export type CreateProjectInput = z.input<typeof createProjectSchema>;

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}
