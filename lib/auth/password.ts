import { hash, verify } from "@node-rs/argon2";
import bcrypt from "bcryptjs";

// argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): about 50 ms on the
// 2-core development machine, native and off the event loop. bcrypt (what we used before) reads
// only the first 72 bytes of a password and, in pure JS, took ~350 ms on the event loop; its hashes
// are still verified and replaced at the next sign-in (needsRehash). docs/decisions/007-access-and-accounts.md
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}$`;

/**
 * Compared against when the account does not exist, so a wrong email costs the same time as a
 * wrong password (argon2id of a random string with the current parameters).
 */
export const DUMMY_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$1+SYKFHYsE/RzX+5rGBIqw$N7eo9bYxkoQS+ZcOnWRA7lr2X/bRrLXSDmw57T7Pr6g";

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith("$argon2")) return verify(stored, password);
  if (/^\$2[aby]\$\d\d\$/.test(stored)) return bcrypt.compare(password, stored);
  return false;
}

/** True for hashes made with another algorithm or weaker parameters than today's. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT_PREFIX);
}
