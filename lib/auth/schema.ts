import { z } from "zod";

// Client-safe schemas shared by forms, server actions and the CLI.
export const roleSchema = z.enum(["ADMIN", "REVIEWER", "RESEARCHER"]);

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address." }));

export const passwordSchema = z
  .string()
  .min(10, { error: "Passwords need at least 10 characters." })
  .max(200, { error: "Passwords are at most 200 characters." });

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, { error: "Name is required." }).max(200),
  role: roleSchema,
  specialty: z.string().trim().max(120).optional().transform((s) => (s ? s : undefined)),
  password: passwordSchema,
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});
