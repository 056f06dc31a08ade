import type { Action, ActionType } from "@/lib/items/schema";

// Which actions of an agent's run a reviewer judges (issue 13): what the agent did — its messages,
// thoughts, tool calls, tests ordered and final answer. What came back (tool results) and what others
// said (a user, a gatekeeper revealing findings, the environment) are context, not judged. Zod-free:
// the review page imports it.

export const isJudgedAction = (a: { type: ActionType; role?: string }): boolean => a.type !== "tool_result" && (a.role === undefined || a.role === "agent");
export const isTestAction = (a: Pick<Action, "type">): boolean => a.type === "test";

/** 0-based indexes of the judged actions and of the tests, and how many actions the run has. */
export type ActionOutline = { count: number; judged: number[]; tests: number[]; types: ActionType[] };

export function outlineActions(actions: ReadonlyArray<{ type: ActionType; role?: string }>): ActionOutline {
  const judged: number[] = [];
  const tests: number[] = [];
  actions.forEach((a, i) => {
    if (isJudgedAction(a)) judged.push(i);
    if (isTestAction(a)) tests.push(i);
  });
  return { count: actions.length, judged, tests, types: actions.map((a) => a.type) };
}

/** A tool's arguments or result as a reader wants it: JSON pretty-printed (also JSON inside a string), other text as given. */
export function readableJson(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        return JSON.stringify(JSON.parse(trimmed), null, 2);
      } catch {
        return value;
      }
    }
    return value;
  }
  return JSON.stringify(value, null, 2);
}

/** The run's cost: the sum of its actions' costs (tests ordered, tool calls), null when none is given. */
export function runCost(actions: ReadonlyArray<Pick<Action, "costUsd">>): number | null {
  const costs = actions.map((a) => a.costUsd).filter((c): c is number => typeof c === "number");
  return costs.length ? Math.round(costs.reduce((s, c) => s + c, 0) * 1e6) / 1e6 : null;
}
