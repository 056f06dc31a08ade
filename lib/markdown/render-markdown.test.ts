import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render-markdown";

describe("renderMarkdown (model output is untrusted)", () => {
  it("renders GFM tables, emphasis and lists", async () => {
    const html = await renderMarkdown("**bold**\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- x\n- y");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<table>");
    expect(html).toContain("<li>x</li>");
  });

  it("drops raw HTML, scripts and event handlers", async () => {
    const html = await renderMarkdown('Hi <script>alert(1)</script><img src="x" onerror="alert(2)"><b onclick="x()">b</b>');
    expect(html).not.toMatch(/<script|<img|onerror|onclick/);
    // The script's text survives only as inert text.
    expect(html).toBe("<p>Hi alert(1)b</p>");
  });

  it("neutralizes javascript: links and marks external links safe", async () => {
    const html = await renderMarkdown("[click](javascript:alert(1)) [ok](https://example.org)");
    expect(html).not.toContain("javascript:");
    expect(html).toContain('href="https://example.org"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it("drops remote images but keeps inline data images", async () => {
    const html = await renderMarkdown("![t](https://tracker.example/p.gif) ![d](data:image/png;base64,AAAA)");
    expect(html).not.toContain("tracker.example");
    expect(html).toContain("data:image/png;base64,AAAA");
  });
});

describe("renderMarkdown math (KaTeX after sanitize)", () => {
  it("renders inline math", async () => {
    const html = await renderMarkdown("Area is $a^2$ here.");
    expect(html).toContain('class="katex"');
    expect(html).not.toContain("katex-display");
    expect(html).toContain("<math"); // MathML for screen readers
    expect(html).not.toContain("language-math"); // the code node was replaced
  });

  it("renders display math blocks and ```math fences", async () => {
    const html = await renderMarkdown("$$\n\\int_0^1 x\\,dx\n$$");
    expect(html).toContain('class="katex-display"');
    expect(html).not.toContain("<pre>");
    const fenced = await renderMarkdown("```math\nE = mc^2\n```");
    expect(fenced).toContain('class="katex-display"');
  });

  it("leaves dollar amounts as text (Pandoc's rule for single-dollar math)", async () => {
    expect(await renderMarkdown("Costs $5 to $10 per dose.")).toBe("<p>Costs $5 to $10 per dose.</p>");
    expect(await renderMarkdown("Between $ 5 and 6 $ units.")).toBe("<p>Between $ 5 and 6 $ units.</p>");
    expect(await renderMarkdown("Price $x$1 vs $y$ ok")).toContain('class="katex"'); // $y$ still typeset
  });

  it("turns invalid math into error text instead of throwing", async () => {
    const html = await renderMarkdown("$\\frac{1}{$ and $\\notacommand$");
    expect(html).toContain("katex");
  });

  it("does not let \\href, \\url or \\includegraphics produce links, images or attributes", async () => {
    const html = await renderMarkdown(
      "$\\href{javascript:alert(1)}{x}$ $\\url{javascript:alert(2)}$ $\\includegraphics{https://tracker.example/p.gif}$ $\\htmlClass{evil}{y}$ $\\htmlStyle{background:url(https://t.example)}{z}$",
    );
    // The TeX source survives only as inert text (the MathML <annotation>); no link, image,
    // injected class or style comes out of it.
    expect(html).not.toMatch(/<a[\s>]|<img|href=|src=|class="evil"|style="[^"]*background/);
    expect(html).toContain('<annotation encoding="application/x-tex">\\href{javascript:alert(1)}{x}</annotation>');
    expect(html).toContain('class="katex"');
  });

  it("keeps math inside sanitized content sanitized around it", async () => {
    const html = await renderMarkdown('Hi <script>alert(1)</script> $x$ <img src=x onerror="alert(2)">');
    expect(html).not.toMatch(/<script|onerror|<img/);
    expect(html).toContain('class="katex"');
  });
});

describe("renderMarkdown safety and images", () => {
  it("removes <script> and onerror even next to markdown", async () => {
    const html = await renderMarkdown('# T\n\n<script>alert(1)</script>\n\n<p onerror="x()">p</p>');
    expect(html).not.toMatch(/<script|onerror/);
    expect(html).toContain("<h1>T</h1>");
  });

  it("neutralizes javascript: in reference links and obfuscated schemes", async () => {
    const html = await renderMarkdown("[a][r] [b](JaVaScRiPt:alert(1)) <javascript:alert(2)>\n\n[r]: javascript:alert(3)");
    expect(html.toLowerCase()).not.toContain('href="javascript');
    expect(html).not.toContain("href=");
  });

  it("drops remote and protocol-relative images by default", async () => {
    const html = await renderMarkdown("![a](https://img.example/a.png) ![b](//img.example/b.png) ![c](http://img.example/c.png) ![d](/api/files/1)");
    expect(html).not.toContain("img.example");
    expect(html).toContain('src="/api/files/1"');
  });

  it("keeps https images from allow-listed hosts only", async () => {
    const md = "![a](https://img.example/a.png) ![b](https://evil.example/b.png) ![c](http://img.example/c.png) ![d](https://u:p@img.example/d.png) ![e](https://img.example.evil.example/e.png)";
    const html = await renderMarkdown(md, { imageHosts: ["IMG.example"] });
    expect(html).toContain('src="https://img.example/a.png"');
    expect(html).not.toContain("evil.example");
    expect(html).not.toContain("http://img.example");
    expect(html).not.toContain("u:p@");
  });

  it("renders GFM tables and fenced code", async () => {
    const html = await renderMarkdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n```ts\nconst x = 1 < 2;\n```");
    expect(html).toContain("<table>");
    expect(html).toContain('<pre><code class="language-ts">const x = 1 &#x3C; 2;\n</code></pre>');
  });
});
