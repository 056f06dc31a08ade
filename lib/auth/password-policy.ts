import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./schema";

// Server side (the CLI and seed too; no "server-only" marker, which throws outside Next), because the
// list is large. The password policy (NIST SP 800-63B style): length, not composition rules. At least 12
// characters, at most 200; not on a list of ~49,000 commonly used passwords (zxcvbn-ts's
// maintained list), not a common password with digits or symbols around it, not one character or
// one short chunk repeated, not a run like "abcdefghijkl", and not the account's own email or name.

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"]);
  return common;
}

const SEQUENCES = ["abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiop", "asdfghjkl", "zxcvbnm"];

function isRun(text: string): boolean {
  return SEQUENCES.some((seq) => {
    const both = seq + seq.split("").reverse().join("");
    return text.length >= 4 && (seq.repeat(3).includes(text) || both.repeat(3).includes(text));
  });
}

/** The first problem with a new password in plain words, or null when it is acceptable. */
export function passwordProblem(password: string, account: { email?: string; name?: string } = {}): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, "");
  if (commonPasswords().has(lower) || (core.length >= 4 && commonPasswords().has(core))) {
    return "This password is on a list of commonly used passwords. Choose a longer phrase of your own.";
  }
  if (/^(.+?)\1+$/s.test(lower) || isRun(lower)) return "This password is a simple repetition or sequence. Choose a phrase of your own.";
  const local = account.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return "Do not use your email address in your password.";
  const name = account.name?.toLowerCase().replace(/\s+/g, "");
  if (name && name.length >= 4 && lower.replace(/\s+/g, "") === name) return "Do not use your name as your password.";
  return null;
}

/** Throws a zod error on `field` (so forms highlight it) when the password breaks the policy. */
export function assertPasswordPolicy(password: string, account: { email?: string; name?: string }, field = "password"): void {
  const problem = passwordProblem(password, account);
  if (problem) throw new z.ZodError([{ code: "custom", path: [field], message: problem, input: password }]);
}
