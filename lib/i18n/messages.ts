import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "./locales";

// Messages live in lib/i18n/messages/<locale>/<namespace>.json, one file per area of the UI, so a
// new area adds a file instead of growing one. Read once per process and language.

export type Messages = Record<string, Record<string, unknown>>;

const cache = new Map<Locale, Messages>();

export function messagesDir(): string {
  return path.join(process.cwd(), "lib", "i18n", "messages");
}

export function loadMessages(locale: Locale): Messages {
  const cached = cache.get(locale);
  if (cached) return cached;
  const dir = path.join(messagesDir(), locale);
  const messages: Messages = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    messages[file.slice(0, -".json".length)] = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  }
  if (process.env.NODE_ENV === "production") cache.set(locale, messages);
  return messages;
}
