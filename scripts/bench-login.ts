/**
 * Sign-in timing against a running server (`next start` or `npm start`), the way the browser's
 * login form does it: providers + csrf, POST the credentials, read the session, then open "/"
 * (which redirects by role) and the page it lands on. Each request is timed on the loopback
 * interface, so a phase's time is the server's time plus well under a millisecond.
 *
 *   npx tsx scripts/bench-login.ts --url http://127.0.0.1:3000 --email dr.osei@consilium.local \
 *     --password consilium-demo [--runs 20] [--wrong 3]
 *
 * --wrong N also times N wrong-password attempts (keep N under the throttle's free attempts).
 */
import { parseArgs } from "node:util";

type Jar = Map<string, string>;

function remember(jar: Jar, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair, ...attrs] = line.split(";");
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const expired = attrs.some((a) => /max-age=0/i.test(a) || /expires=thu, 01 jan 1970/i.test(a));
    if (expired || !value) jar.delete(name);
    else jar.set(name, value);
  }
}

async function timed(jar: Jar, base: string, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
  headers.set("origin", base);
  const t0 = performance.now();
  const response = await fetch(base + path, { ...init, headers, redirect: "manual" });
  const body = await response.text();
  const ms = performance.now() - t0;
  remember(jar, response);
  return { ms, response, body };
}

async function signIn(base: string, email: string, password: string) {
  const jar: Jar = new Map();
  const phases: Record<string, number> = {};
  phases.providers = (await timed(jar, base, "/api/auth/providers")).ms;
  const csrf = await timed(jar, base, "/api/auth/csrf");
  phases.csrf = csrf.ms;
  const form = new URLSearchParams({ csrfToken: JSON.parse(csrf.body).csrfToken, email, password, callbackUrl: base + "/", json: "true" });
  const callback = await timed(jar, base, "/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form,
  });
  phases.credentials = callback.ms;
  const ok = [...jar.keys()].some((k) => k.endsWith("next-auth.session-token"));
  if (!ok) return { ok, phases };
  phases.session = (await timed(jar, base, "/api/auth/session")).ms;
  const home = await timed(jar, base, "/");
  phases.home = home.ms;
  const location = home.response.headers.get("location");
  if (location) phases.landing = (await timed(jar, base, new URL(location, base).pathname)).ms;
  return { ok, phases };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

async function main() {
  const { values } = parseArgs({
    options: { url: { type: "string" }, email: { type: "string" }, password: { type: "string" }, runs: { type: "string" }, wrong: { type: "string" } },
  });
  const base = (values.url ?? "http://127.0.0.1:3000").replace(/\/$/, "");
  const email = values.email ?? "dr.osei@consilium.local";
  const password = values.password ?? "consilium-demo";
  const runs = Number(values.runs ?? 20);
  await signIn(base, email, password); // warm-up: first compilation of each route
  const all: Array<Record<string, number>> = [];
  for (let i = 0; i < runs; i++) {
    const { ok, phases } = await signIn(base, email, password);
    if (!ok) throw new Error(`Sign-in failed on run ${i + 1}.`);
    all.push(phases);
  }
  const names = Object.keys(all[0]);
  const report: Record<string, { p50: number; p95: number }> = {};
  for (const name of names) {
    const xs = all.map((p) => p[name] ?? 0);
    report[name] = { p50: Math.round(quantile(xs, 0.5)), p95: Math.round(quantile(xs, 0.95)) };
  }
  const totals = all.map((p) => Object.values(p).reduce((a, b) => a + b, 0));
  report.total = { p50: Math.round(quantile(totals, 0.5)), p95: Math.round(quantile(totals, 0.95)) };
  const wrongRuns = Number(values.wrong ?? 0);
  if (wrongRuns > 0) {
    const times: number[] = [];
    for (let i = 0; i < wrongRuns; i++) {
      const t0 = performance.now();
      const { ok } = await signIn(base, email, `${password}-wrong-${i}`);
      if (ok) throw new Error("A wrong password signed in.");
      times.push(performance.now() - t0);
    }
    report.wrongPassword = { p50: Math.round(quantile(times, 0.5)), p95: Math.round(quantile(times, 0.95)) };
  }
  console.log(JSON.stringify({ url: base, runs, ms: report }, null, 2));
}

void main();
