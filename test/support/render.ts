import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { loadMessages } from "@/lib/i18n/messages";

/** Static HTML of a component that translates its own text, rendered in English as a page would. */
export function renderInEnglish(element: ReactElement): string {
  // The provider's props type requires children in the props object; they are passed as the child argument.
  const props = { locale: "en", messages: loadMessages("en"), timeZone: "UTC" } as Parameters<typeof NextIntlClientProvider>[0];
  return renderToStaticMarkup(createElement(NextIntlClientProvider, props, element));
}
