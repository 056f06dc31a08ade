import { createFormatter, createTranslator } from "next-intl";
import { loadMessages } from "@/lib/i18n/messages";

// next-intl/server outside a Next request (vitest): the same translator over the real English
// messages, so server actions and lib code called directly by tests speak as they do for an
// English-speaking browser. Tests of other languages call createTranslator with that language.

const messages = () => loadMessages("en");

export async function getTranslations(options?: string | { namespace?: string; locale?: string }) {
  const namespace = typeof options === "string" ? options : options?.namespace;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return createTranslator({ locale: "en", messages: messages(), namespace: namespace as any });
}

export async function getFormatter() {
  return createFormatter({ locale: "en", timeZone: "UTC" });
}

export async function getLocale() {
  return "en";
}

export async function getMessages() {
  return messages();
}

export async function getTimeZone() {
  return "UTC";
}

export function getRequestConfig<T>(create: T): T {
  return create;
}
