import { describe, expect, it } from "vitest";
import { RenderCache } from "./render-cache";
import { renderMarkdown } from "./render-markdown";

describe("RenderCache", () => {
  it("renders a key once, shares a render in flight, and keeps the most recently used within its budget", async () => {
    const cache = new RenderCache(40);
    let renders = 0;
    const render = (html: string) => () => {
      renders++;
      return Promise.resolve(html);
    };
    const [a, b] = await Promise.all([cache.get("a", render("<p>1</p>")), cache.get("a", render("<p>other</p>"))]);
    expect([a, b, renders]).toEqual(["<p>1</p>", "<p>1</p>", 1]);
    await cache.get("b", render("<p>2</p>")); // 1 + 8 chars each: both fit
    await cache.get("a", render("never")); // a is now the most recent
    expect(renders).toBe(2);
    await cache.get("c", render("x".repeat(25))); // over budget: b (least recent) goes first
    expect(cache.size.entries).toBe(2);
    expect(await cache.get("a", render("again"))).toBe("<p>1</p>");
    expect(await cache.get("b", render("<p>2 again</p>"))).toBe("<p>2 again</p>");
    expect(cache.size.chars).toBeLessThanOrEqual(40);
  });

  it("does not keep a failed render", async () => {
    const cache = new RenderCache();
    await expect(cache.get("k", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await cache.get("k", () => Promise.resolve("ok"))).toBe("ok");
  });
});

describe("renderMarkdown with the cache", () => {
  it("gives the same HTML on a hit, and keys by the options too (image hosts)", async () => {
    const text = `Cached ${Date.now()}: ![x](https://images.example.org/a.png) and $x^2$`;
    const first = await renderMarkdown(text);
    expect(await renderMarkdown(text)).toBe(first);
    const allowed = await renderMarkdown(text, { imageHosts: ["images.example.org"] });
    expect(allowed).not.toBe(first);
    expect(allowed).toContain("<img");
    expect(first).not.toContain("<img");
  });
});
