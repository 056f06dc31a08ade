// Rendered markdown, kept per process (least recently used first out, bounded by characters).
// Rendering is deterministic in (text, options) and is most of the review page's server time: a
// 20,000-character reasoning trace costs ~100 ms through remark/rehype/KaTeX/sanitize (bench), and
// the same response is rendered for each of its k reviewers, on every load, "next" and reload.
// The value is the sanitized HTML, so a hit is exactly what a render would return. Concurrent
// renders of one text share one promise.

export const DEFAULT_BUDGET_CHARS = 24_000_000; // ~48 MB of UTF-16 strings at most

export class RenderCache {
  private readonly entries = new Map<string, { html: Promise<string>; size: number }>();
  private used = 0;

  constructor(private readonly budget = DEFAULT_BUDGET_CHARS) {}

  /** The cached HTML for `key`, or `render()`'s result, kept unless it failed. */
  get(key: string, render: () => Promise<string>): Promise<string> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key); // re-insert: Map order is recency order
      this.entries.set(key, hit);
      return hit.html;
    }
    const html = render();
    const entry = { html, size: key.length };
    this.entries.set(key, entry);
    this.used += entry.size;
    html.then(
      (value) => {
        if (this.entries.get(key) !== entry) return;
        entry.size += value.length;
        this.used += value.length;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) this.remove(key);
      },
    );
    this.evict();
    return html;
  }

  get size(): { entries: number; chars: number } {
    return { entries: this.entries.size, chars: this.used };
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.used -= entry.size;
  }

  private evict() {
    for (const key of this.entries.keys()) {
      if (this.used <= this.budget) return;
      this.remove(key);
    }
  }
}
