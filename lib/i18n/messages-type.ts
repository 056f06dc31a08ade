// The English messages' shape, for next-intl's typed keys (global.d.ts): a t("key") missing from
// English fails typecheck; lib/i18n/messages.test.ts checks every other language has every key.

import common from "./messages/en/common.json";
import auth from "./messages/en/auth.json";
import account from "./messages/en/account.json";
import queue from "./messages/en/queue.json";
import review from "./messages/en/review.json";
import tools from "./messages/en/tools.json";
import admin from "./messages/en/admin.json";
import project from "./messages/en/project.json";
import results from "./messages/en/results.json";
import items from "./messages/en/items.json";
import adjudication from "./messages/en/adjudication.json";
import notifications from "./messages/en/notifications.json";
import webhooks from "./messages/en/webhooks.json";
import translations from "./messages/en/translations.json";

export type Messages = {
  common: typeof common;
  auth: typeof auth;
  account: typeof account;
  queue: typeof queue;
  review: typeof review;
  tools: typeof tools;
  admin: typeof admin;
  project: typeof project;
  results: typeof results;
  items: typeof items;
  adjudication: typeof adjudication;
  notifications: typeof notifications;
  webhooks: typeof webhooks;
  translations: typeof translations;
};

/** The namespaces, one JSON file each per language. */
export const NAMESPACES = ["common", "auth", "account", "queue", "review", "tools", "admin", "project", "results", "items", "adjudication", "notifications", "webhooks", "translations"] as const;
