import { z } from "zod";
import { API_SCOPES, type ApiScope } from "./token-scopes";

// Client-safe schemas shared by forms, server actions and the CLI. The common-password check needs
// a 49,000-word list, so it runs on the server only (lib/auth/password-policy.ts).
export const roleSchema = z.enum(["ADMIN", "REVIEWER", "RESEARCHER"]);

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address." }));

export const passwordSchema = z
  .string({ error: "Enter a password." })
  .refine((p) => [...p].length >= PASSWORD_MIN_LENGTH, { error: `Passwords need at least ${PASSWORD_MIN_LENGTH} characters.` })
  .refine((p) => p.length <= PASSWORD_MAX_LENGTH, { error: `Passwords are at most ${PASSWORD_MAX_LENGTH} characters.` });

/** Languages as BCP 47 tags, given as a list or as text separated by commas or spaces ("en, es, pt-BR"). */
export const languagesSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((Array.isArray(v) ? v : (v ?? "").split(/[\s,]+/)).map((t) => t.trim()).filter(Boolean))])
  .pipe(z.array(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: "Languages are tags such as en, es, ar or pt-BR, separated by commas." })).max(20));

export const yearsOfExperienceSchema = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.coerce.number({ error: "Years of experience is a number." }).int({ error: "Years of experience is a whole number." }).min(0).max(70, { error: "Years of experience is at most 70." }).optional(),
);

/** What a study records about a reviewer besides the role: specialty, languages, years of experience. */
export const userProfileSchema = z.object({
  specialty: z.string().trim().max(120).optional().transform((s) => (s ? s : undefined)),
  languages: languagesSchema,
  yearsOfExperience: yearsOfExperienceSchema,
});

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, { error: "Name is required." }).max(200),
  role: roleSchema,
  ...userProfileSchema.shape,
  password: passwordSchema,
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

const confirmed = <T extends { newPassword: string; confirmPassword: string }>(v: T) => v.newPassword === v.confirmPassword;
const mismatch = { error: "The two new passwords differ.", path: ["confirmPassword"] };

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { error: "Enter your current password." }).max(PASSWORD_MAX_LENGTH),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine(confirmed, mismatch);

export const resetPasswordSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { error: "This reset link is incomplete; copy the whole link." }),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine(confirmed, mismatch);

export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS = 365;

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, { error: "Name the token (for example, the script that uses it)." }).max(100, { error: "Token names are at most 100 characters." }),
  scopes: z
    .array(z.enum(Object.keys(API_SCOPES) as [ApiScope, ...ApiScope[]], { error: (i) => `Unknown scope "${String(i.input)}". Scopes: ${Object.keys(API_SCOPES).join(", ")}.` }))
    .min(1, { error: "Choose at least one scope." }),
  expiresInDays: z.coerce
    .number({ error: "Give the expiry in days." })
    .int({ error: "Give the expiry in whole days." })
    .min(1, { error: "Tokens last at least 1 day." })
    .max(TOKEN_MAX_DAYS, { error: `Tokens last at most ${TOKEN_MAX_DAYS} days.` })
    .default(TOKEN_DEFAULT_DAYS),
});
