import bcrypt from "bcryptjs";

// bcryptjs: pure JS (no install scripts on these machines), maintained, cost 12 ≈ 250 ms here.
const COST = Number(process.env.BCRYPT_COST ?? 12);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
