import { criteriaClient } from "./criteria";
import { ddxMatchClient } from "./ddx-match";
import { pairwiseClient } from "./pairwise";
import { rankingClient } from "./ranking";
import { correctionsClient } from "./corrections";
import { ratingsClient } from "./ratings";
import { referencesClient } from "./references";
import { stepsClient } from "./steps";
import { argumentsClient } from "./arguments";
import { turnsClient } from "./turns";
import { suggestionsClient } from "./suggestions";
import { actionsClient } from "./actions";
import { citationsClient } from "./citations";
import { groundingClient } from "./grounding";
import { regionsClient } from "./regions";
import { recordLinksClient } from "./record-links";
import type { ClientTool, KeyBinding } from "./types";

// The review page's tool registry (decision 010): an explicit list, in the order panels appear in a
// response's card (the differential first, then the rubric's axes, then the case criteria). The server
// registry is lib/tools; the conformance test (lib/tools/registry.test.ts) checks both list the same ids.
export const CLIENT_TOOLS: readonly ClientTool[] = [regionsClient, recordLinksClient, ddxMatchClient, actionsClient, stepsClient, turnsClient, suggestionsClient, ratingsClient, criteriaClient, referencesClient, citationsClient, groundingClient, argumentsClient, pairwiseClient, rankingClient, correctionsClient];

/** Keys the page itself uses, whatever block has the focus: no tool may bind them. */
export const PAGE_KEYS: readonly KeyBinding[] = [
  { keys: ["?"], action: "page.keys.help", scope: "page" },
  { keys: ["J", "↓"], action: "page.keys.next", scope: "page" },
  { keys: ["K", "↑"], action: "page.keys.previous", scope: "page" },
  { keys: ["Ctrl", "Enter"], action: "page.keys.submit", scope: "page" },
  { keys: ["S"], action: "page.keys.skip", scope: "page" },
  { keys: ["H"], action: "page.keys.history", scope: "page" },
];

/** The shortcut sheet for a review: the page's keys, then each enabled tool's (actions are message keys of "tools"). */
export function shortcutsFor(enabled: ReadonlySet<string>): KeyBinding[] {
  return [...PAGE_KEYS, ...CLIENT_TOOLS.filter((t) => enabled.has(t.id)).flatMap((t) => t.keymap)];
}
