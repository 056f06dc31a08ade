import type { Page } from "@playwright/test";

// Keystroke-to-paint in the page, for scripts/bench-annotator.ts.
//
// A capturing keydown listener on window (it runs before React's listener on its root) notes the
// event's timeStamp; after the DOM update it waits for the next frame with requestAnimationFrame
// and then for a MessageChannel message: the message is delivered as a task after that frame's
// style, layout and paint, so "message received − keydown timeStamp" is the standard next-paint
// approximation (the one web-vitals' INP polyfills used before the Event Timing API). A
// MessageChannel rather than setTimeout(0): no timer clamping, and it is not deferred behind other
// timers (the autosave's debounce, for one). Modifier keydowns (Shift of Shift+→) are not measured.

declare global {
  interface Window {
    __keyLatencies: Array<{ key: string; ms: number }>;
    __awaitKeyLatency: (n: number) => Promise<{ key: string; ms: number }>;
  }
}

/** Installed with page.addInitScript before the review page loads. Self-contained: it is serialized into the page. */
export function installKeyLatencyProbe() {
  const records: Array<{ key: string; ms: number }> = [];
  const waiters: Array<{ n: number; resolve: (r: { key: string; ms: number }) => void }> = [];
  window.__keyLatencies = records;
  window.__awaitKeyLatency = (n) =>
    new Promise((resolve) => {
      if (records.length > n) return resolve(records[n]);
      waiters.push({ n, resolve });
    });
  window.addEventListener(
    "keydown",
    (event) => {
      if (["Shift", "Control", "Alt", "Meta"].includes(event.key)) return;
      const started = event.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          records.push({ key: event.key, ms: performance.now() - started });
          for (const w of waiters.splice(0)) {
            if (records.length > w.n) w.resolve(records[w.n]);
            else waiters.push(w);
          }
        };
        channel.port2.postMessage(null);
      });
    },
    { capture: true },
  );
}

/** What a keystroke does, for the per-kind breakdown. */
export type KeyKind = "caret" | "extend" | "label" | "relation" | "escape" | "step" | "delete";
export type Keystroke = { key: string; kind: KeyKind; /** then wait until the autosave has started sending (not a sleep: a state change) */ thenAwaitSave?: boolean };

/**
 * What a reviewer types on a densely annotated text, in cycles: move the caret word by word (more
 * words each cycle, so every new span differs), extend the selection over three words, label it
 * (Premise or Claim, a new span), draw a relation from it (R, 1 = Support, ] ] to pick the target,
 * Space), then let the autosave start sending and go on while the save is in flight: Esc, step to a
 * span with ] ] ], delete it (with its relations), Esc. Ten cycles: 215 keystrokes.
 */
export function reviewerKeystrokes(cycles = 10): Keystroke[] {
  const keys: Keystroke[] = [];
  for (let i = 0; i < cycles; i++) {
    for (let w = 0; w < 2 + i; w++) keys.push({ key: "ArrowRight", kind: "caret" });
    for (let w = 0; w < 3; w++) keys.push({ key: "Shift+ArrowRight", kind: "extend" });
    keys.push({ key: i % 2 ? "c" : "p", kind: "label" });
    keys.push({ key: "r", kind: "relation" }, { key: "1", kind: "relation" }, { key: "]", kind: "relation" }, { key: "]", kind: "relation" });
    keys.push({ key: " ", kind: "relation", thenAwaitSave: true });
    keys.push({ key: "Escape", kind: "escape" });
    for (let s = 0; s < 3; s++) keys.push({ key: "]", kind: "step" });
    keys.push({ key: "Delete", kind: "delete" }, { key: "Escape", kind: "escape" });
  }
  return keys;
}

/** Presses each key once, waits for its paint record (never a fixed sleep), and returns the latencies in order. */
export async function pressAndMeasure(page: Page, keys: readonly Keystroke[], first: number) {
  const out: Array<{ kind: KeyKind; key: string; ms: number }> = [];
  for (const [i, k] of keys.entries()) {
    await page.keyboard.press(k.key);
    const record = await page.evaluate((n) => window.__awaitKeyLatency(n), first + i);
    out.push({ kind: k.kind, key: k.key, ms: record.ms });
    if (k.thenAwaitSave) await page.locator('[data-testid="save-status"]:not([data-state="dirty"])').waitFor({ timeout: 15_000 });
  }
  return out;
}

/** Nearest-rank percentile of unsorted values. */
export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
