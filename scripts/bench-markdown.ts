import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { reasoningTrace } from "./bench-review";

/**
 * Render time of one 20,000-character reasoning trace through the review page's markdown renderer
 * (parse, GFM, math, marking of refused markup, sanitize, KaTeX, stringify): p50 / p95 of wall time
 * and p50 of this process's CPU time over repeated runs after a warm-up. No database: this isolates
 * the renderer from the query that bench-review times.
 *
 *   npx tsx scripts/bench-markdown.ts [--runs 60] [--baseline path/to/older/render-markdown.ts]
 *
 * With --baseline, the older renderer (e.g. `git show <rev>:lib/markdown/render-markdown.ts` saved
 * beside the current one) is timed in the same process, run for run in alternation, so both see
 * the same machine load. Two traces: the benchmark's ordinary trace, and one of the same length
 * full of raw HTML, unsafe links, remote images and refused TeX (the marking's worst case).
 */
const { values } = parseArgs({ options: { runs: { type: "string", default: "60" }, baseline: { type: "string" } } });
const runs = Number(values.runs);
type Render = (md: string) => Promise<string>;
const load = async (file: string) => ((await import(pathToFileURL(path.resolve(file)).href)) as { renderMarkdown: Render }).renderMarkdown;
const renderers: Array<[string, Render]> = [["current", await load(path.join(import.meta.dirname, "../lib/markdown/render-markdown.ts"))]];
if (values.baseline) renderers.unshift(["baseline", await load(values.baseline)]);

function hostileTrace(chars = 20_000): string {
  const lines = [
    "Step {n}. Payload <img src=x onerror=alert({n})> and <b onclick=\"x()\">bold</b> text.",
    "See [the source](javascript:alert({n})) and ![scan](https://tracker.example/{n}.gif) for details.",
    "Math $\\href{javascript:alert({n})}{x}$ next to $a^2 + b^2 = c^2$.",
    "<script>alert({n})</script>",
  ];
  let text = "";
  for (let n = 1; text.length < chars; n++) text += lines[n % lines.length].replaceAll("{n}", String(n)) + "\n\n";
  return text.slice(0, chars);
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function time(markdown: string) {
  const samples = renderers.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
  for (const [, render] of renderers) for (let i = 0; i < 5; i++) await render(markdown); // warm-up (JIT)
  for (let i = 0; i < runs; i++) {
    for (const [k, [, render]] of renderers.entries()) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await render(markdown);
      samples[k].wall.push(performance.now() - t0);
      const cpu = process.cpuUsage(cpu0);
      samples[k].cpu.push((cpu.user + cpu.system) / 1000);
    }
  }
  return renderers.map(([name], k) => {
    const wall = samples[k].wall.sort((a, b) => a - b);
    const cpu = samples[k].cpu.sort((a, b) => a - b);
    return `${name}: wall p50 ${quantile(wall, 0.5).toFixed(1)} ms, p95 ${quantile(wall, 0.95).toFixed(1)} ms; CPU p50 ${quantile(cpu, 0.5).toFixed(1)} ms`;
  });
}

console.log(`${runs} runs each`);
for (const [label, markdown] of [["ordinary 20,000-character trace", reasoningTrace()], ["hostile 20,000-character trace", hostileTrace()]] as const) {
  console.log(label);
  for (const line of await time(markdown)) console.log(`  ${line}`);
}
