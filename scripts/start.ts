/**
 * `npm start`: zero-setup local run. Finds or creates the database (DATABASE_URL, else a private
 * PostgreSQL under .data/, else embedded PGlite), migrates, seeds the demo study when empty,
 * builds when sources changed, and serves on PORT (3000). Ctrl+C stops the app and the database
 * it started. `--dev` runs `next dev` instead of a production build; `--pglite` forces the embedded
 * fallback; CONSILIUM_DATA_DIR moves .data/ elsewhere.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureLocalDatabase } from "./local-db";
import { migrateDatabase } from "@/lib/db/migrate";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const preferPglite = process.argv.includes("--pglite");
const dataDir = path.resolve(process.env.CONSILIUM_DATA_DIR ?? path.join(root, ".data"));
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const nextBin = path.join(root, "node_modules/.bin/next");
const tsxBin = path.join(root, "node_modules/.bin/tsx");

/** A session secret that survives restarts (kept in .data/, never committed). */
function sessionSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataDir, "nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

function newestSourceMtime(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ["app", "components", "lib", "public"]) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of ["package.json", "next.config.ts", "postcss.config.mjs"]) newest = Math.max(newest, statSync(path.join(root, file)).mtimeMs);
  return newest;
}

function needsBuild(): boolean {
  const stamp = path.join(root, ".next/BUILD_ID");
  return !existsSync(stamp) || statSync(stamp).mtimeMs < newestSourceMtime();
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function main() {
  const db = await ensureLocalDatabase({ dataDir, preferPglite });
  process.env.DATABASE_URL = db.url;
  if (db.poolMax) process.env.DATABASE_POOL_MAX = String(db.poolMax);
  let stopping = false;
  const stopDb = async () => {
    if (stopping) return;
    stopping = true;
    const { disconnectDb } = await import("@/lib/db/client");
    await disconnectDb();
    await db.stop();
  };

  try {
    const migrated = await migrateDatabase(db.url);
    if (migrated.applied.length) console.log(`Applied migrations: ${migrated.applied.join(", ")}`);
    const { seedDemo, DEMO_USERS } = await import("@/prisma/seed");
    const { DEMO_PASSWORD } = await import("@/lib/seed/factories");
    if (await seedDemo()) console.log("Seeded the demo studies (a project per review style and tool, items of every kind, 5 users).");
    const { disconnectDb } = await import("@/lib/db/client");
    await disconnectDb(); // PGlite serves one connection: hand it to the web server

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NEXTAUTH_SECRET: sessionSecret(),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    // CONSILIUM_SKIP_BUILD=1 serves the existing build as it is: the e2e run starts this script beside
    // its own server, and a rebuild would replace the chunks that server is serving.
    if (!dev && process.env.CONSILIUM_SKIP_BUILD !== "1" && needsBuild()) {
      console.log("Building the app (first run or sources changed)…");
      const code = await run(nextBin, ["build"], env);
      if (code !== 0) throw new Error(`next build failed (exit ${code}).`);
    }
    // scripts/serve.ts rather than `next start`: it stamps each request with the client address
    // that login throttling needs (Next.js alone cannot tell a forged X-Forwarded-For).
    const server = spawn(tsxBin, ["scripts/serve.ts", ...(dev ? ["--dev"] : []), "-p", String(port), "-H", host], { cwd: root, env, stdio: "inherit", detached: true });
    const shutdown = async (signal: NodeJS.Signals) => {
      try { process.kill(-server.pid!, signal); } catch { /* already gone */ }
    };
    process.on("SIGINT", () => void shutdown("SIGINT"));
    process.on("SIGTERM", () => void shutdown("SIGTERM"));
    setTimeout(() => {
      console.log(`\nConsilium is running at http://localhost:${port}  (database: ${db.kind})`);
      console.log(`Demo logins (password "${DEMO_PASSWORD}"):`);
      for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(10)} ${u.email}`);
      console.log("Press Ctrl+C to stop the app and its database.\n");
    }, 1500);
    const code = await new Promise<number>((resolve) => server.on("exit", (c) => resolve(c ?? 0)));
    await stopDb();
    process.exit(code);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stopDb();
    process.exit(1);
  }
}

void main();
