import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages-type";

// Typed translation keys: t("key") with a key missing from the English messages fails typecheck.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
