import { readFileSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Actor, Permission } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/permissions";
import { findUserByEmail } from "@/lib/auth/users";
import { loadActor } from "@/lib/auth/login";
import { UsageError } from "./errors";

export type CliIo = { out: (text: string) => void; err: (text: string) => void };

export type Command = {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run: (args: { values: Record<string, string | boolean | undefined>; positionals: string[] }, io: CliIo) => Promise<void>;
};

export function parseCommandArgs(command: Command, argv: string[]) {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...command.options, as: { type: "string" }, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${command.usage}`);
  }
}

/**
 * The CLI acts as a user (--as EMAIL, or CONSILIUM_AS) and obeys the same permission table as
 * the web app; database access alone does not grant a role.
 */
export async function resolveCliActor(values: Record<string, unknown>, permission: Permission): Promise<Actor> {
  const email = (values.as as string | undefined) ?? process.env.CONSILIUM_AS;
  if (!email) throw new UsageError("Say who is acting: --as <email> (or set CONSILIUM_AS).");
  const user = await findUserByEmail(email);
  const actor = user ? await loadActor(user.id) : null;
  if (!actor) throw new UsageError(`No active user with email ${email}.`);
  requirePermission(actor, permission);
  return actor;
}

export function requireString(values: Record<string, unknown>, name: string, usage: string): string {
  const v = values[name];
  if (typeof v !== "string" || !v.trim()) throw new UsageError(`--${name} is required.\n\n${usage}`);
  return v;
}

/** A whole-number flag, or undefined when absent; anything else is a usage error (exit 2). */
export function optionalWholeNumber(values: Record<string, unknown>, name: string, range: { min: number; max: number }): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const n = typeof v === "string" && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!(n >= range.min && n <= range.max)) throw new UsageError(`--${name} must be a whole number from ${range.min} to ${range.max} (got "${String(v)}").`);
  return n;
}

/** A YYYY-MM-DD (or full ISO 8601) date flag, or undefined when absent. */
export function optionalDate(values: Record<string, unknown>, name: string): Date | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const date = typeof v === "string" && /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v.trim()) ? new Date(v.trim()) : null;
  if (!date || Number.isNaN(date.getTime())) throw new UsageError(`--${name} must be a date such as 2026-12-31 (got "${String(v)}").`);
  return date;
}

/** A file named on the command line, as text; an unreadable file is a usage error, not a stack trace. */
export function readArgumentFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    throw new UsageError(`Cannot read ${file}.`);
  }
}
