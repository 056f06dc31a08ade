import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render-markdown";
import { UNRENDERED_TITLES } from "./unrendered";

const TITLE = UNRENDERED_TITLES.html.replace(/'/g, "&#x27;");

describe("renderMarkdown (model output is untrusted)", () => {
  it("renders GFM tables, emphasis and lists", async () => {
    const html = await renderMarkdown("**bold**\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- x\n- y");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<table>");
    expect(html).toContain("<li>x</li>");
  });

  it("shows raw HTML, scripts and event handlers as marked source, never as elements", async () => {
    const html = await renderMarkdown('Hi <script>alert(1)</script><img src="x" onerror="alert(2)"><b onclick="x()">b</b>');
    expect(html).not.toMatch(/<script|<img|<b[\s>]/);
    const code = (source: string) => `<code class="unrendered" data-unrendered="html" title="${TITLE}">${source}</code>`;
    expect(html).toBe(`<p>Hi ${code("&#x3C;script>")}alert(1)${code("&#x3C;/script>")}${code('&#x3C;img src="x" onerror="alert(2)">')}${code('&#x3C;b onclick="x()">')}b${code("&#x3C;/b>")}</p>`);
  });

  it("marks tags a browser would read but CommonMark does not, unless markdown escaped them", async () => {
    const html = await renderMarkdown("Price \\$5 and <img src=x onerror=alert('x')>, literal \\<b> and &lt;i&gt;.\n\n| a |\n|---|\n| <img src=x onerror=alert('y')> |");
    expect(html).toContain(`Price $5 and <code class="unrendered" data-unrendered="html" title="${TITLE}">&#x3C;img src=x onerror=alert('x')></code>, literal &#x3C;b> and &#x3C;i>.`);
    expect(html).toContain(`<td><code class="unrendered" data-unrendered="html" title="${TITLE}">&#x3C;img src=x onerror=alert('y')></code></td>`);
  });

  it("shows javascript: links as text with their address, and marks external links safe", async () => {
    const html = await renderMarkdown("[click](javascript:alert(1)) [ok](https://example.org)");
    expect(html).not.toMatch(/href="javascript/);
    expect(html).toContain('click <code class="unrendered" data-unrendered="link"');
    expect(html).toContain(">javascript:alert(1)</code>");
    expect(html).toContain('href="https://example.org"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it("shows remote images as a marked placeholder with their address, keeps inline data images", async () => {
    const html = await renderMarkdown("![t](https://tracker.example/p.gif) ![d](data:image/png;base64,AAAA)");
    expect(html).not.toContain('src="https://tracker.example');
    expect(html).toContain('data-unrendered="image"');
    expect(html).toContain(">t — https://tracker.example/p.gif</code>");
    expect(html).toContain('<img src="data:image/png;base64,AAAA" alt="d">');
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

  it("shows invalid math as its marked source instead of throwing", async () => {
    const html = await renderMarkdown("$\\frac{1}{$ and $\\notacommand$");
    expect(html).toContain('data-unrendered="math" title="TeX shown as its source, not rendered: KaTeX could not render it (KaTeX parse error:');
    expect(html).toContain(">\\frac{1}{</code>");
    expect(html).not.toContain("katex-error");
    // An unknown command is KaTeX's to show: its name in red inside the typeset formula.
    expect(html).toContain('<span class="mord" style="color:#cc0000;">\\notacommand</span>');
  });

  it("shows \\href, \\url, \\includegraphics, \\htmlClass, \\htmlStyle as marked source: no link, image or attribute", async () => {
    const html = await renderMarkdown(
      "$\\href{javascript:alert(1)}{x}$ $\\url{javascript:alert(2)}$ $\\includegraphics{https://tracker.example/p.gif}$ $\\htmlClass{evil}{y}$ $\\htmlStyle{background:url(https://t.example)}{z}$ and $a^2$",
    );
    expect(html).not.toMatch(/<a[\s>]|<img|href=|src=|class="evil"|style="[^"]*background/);
    expect(html).toContain('title="TeX shown as its source, not rendered: \\href is refused (it could link, load images or set HTML attributes)">\\href{javascript:alert(1)}{x}</code>');
    for (const command of ["\\url", "\\includegraphics", "\\htmlClass", "\\htmlStyle"]) expect(html).toContain(`${command} is refused`);
    expect(html).toContain('class="katex"'); // the safe formula is still typeset
  });

  it("keeps math typeset next to marked HTML", async () => {
    const html = await renderMarkdown('Hi <script>alert(1)</script> $x$ <img src=x onerror="alert(2)">');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('class="katex"');
    expect(html).toContain('data-unrendered="html"');
  });
});

describe("renderMarkdown safety and images", () => {
  it("shows HTML blocks next to markdown as marked source, line breaks kept", async () => {
    const html = await renderMarkdown('# T\n\n<script>alert(1)</script>\n\n<div onclick="x()">\np\n</div>');
    expect(html).not.toMatch(/<script|<div/);
    expect(html).toContain("<h1>T</h1>");
    expect(html).toContain(`<p><code class="unrendered" data-unrendered="html" title="${TITLE}">&#x3C;script>alert(1)&#x3C;/script></code></p>`);
    expect(html).toContain('>&#x3C;div onclick="x()">\np\n&#x3C;/div></code></p>');
  });

  it("neutralizes javascript: in reference links and obfuscated schemes", async () => {
    const html = await renderMarkdown("[a][r] [b](JaVaScRiPt:alert(1)) <javascript:alert(2)>\n\n[r]: javascript:alert(3)");
    expect(html.toLowerCase()).not.toContain('href="javascript');
    expect(html).not.toContain("href=");
  });

  it("marks remote and protocol-relative images by default", async () => {
    const html = await renderMarkdown("![a](https://img.example/a.png) ![b](//img.example/b.png) ![c](http://img.example/c.png) ![d](/api/files/1)");
    expect(html).not.toContain('src="https://img.example');
    expect(html).not.toContain('src="//img.example');
    expect(html).not.toContain('src="http://img.example');
    for (const shown of ["a — https://img.example/a.png", "b — //img.example/b.png", "c — http://img.example/c.png"]) expect(html).toContain(`>${shown}</code>`);
    expect(html).toContain('src="/api/files/1"');
  });

  it("keeps https images from allow-listed hosts only", async () => {
    const md = "![a](https://img.example/a.png) ![b](https://evil.example/b.png) ![c](http://img.example/c.png) ![d](https://u:p@img.example/d.png) ![e](https://img.example.evil.example/e.png)";
    const html = await renderMarkdown(md, { imageHosts: ["IMG.example"] });
    expect(html).toContain('src="https://img.example/a.png"');
    expect(html.match(/<img /g)).toHaveLength(1);
    expect(html.match(/data-unrendered="image"/g)).toHaveLength(4);
    expect(html).toContain(">d — https://u:p@img.example/d.png</code>");
  });

  it("renders GFM tables and fenced code", async () => {
    const html = await renderMarkdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n```ts\nconst x = 1 < 2;\n```");
    expect(html).toContain("<table>");
    expect(html).toContain('<pre><code class="language-ts">const x = 1 &#x3C; 2;\n</code></pre>');
  });
});
