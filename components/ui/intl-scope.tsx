import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { Messages } from "@/lib/i18n/messages-type";

/**
 * Hands client components only the message namespaces of this part of the app: every page
 * would otherwise carry every language string (~80 KB in English, ~125 KB in Arabic). Server
 * components read all messages on the server whatever the scope.
 */
export async function IntlScope({ namespaces, children }: { namespaces: Array<keyof Messages>; children: React.ReactNode }) {
  const messages = (await getMessages()) as Record<string, unknown>;
  const scoped = Object.fromEntries(["common", ...namespaces].map((ns) => [ns, messages[ns]]));
  return <NextIntlClientProvider messages={scoped}>{children}</NextIntlClientProvider>;
}
