/**
 * Local database for development, evaluation and tests.
 *
 * ensureLocalDatabase() picks, in order:
 *   1. DATABASE_URL from the environment ("external": we own nothing);
 *   2. a real PostgreSQL cluster in <dataDir>/pg, using the machine's binaries;
 *   3. an embedded PGlite (WASM PostgreSQL) in <dataDir>/pglite, served over TCP
 *      by @electric-sql/pglite-socket: evaluation only, one connection at a time.
 * The chosen URL is recorded in <dataDir>/local-db.json so other processes (the CLI)
 * can find a running server; stop() removes it again.
 */
import { execFile, execFileSync } from "node:child_process";
import { accessSync, constants, existsSync, readdirSync, realpathSync } from "node:fs";
import { chmod, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";

export type LocalDatabase = { url: string; kind: "postgres" | "pglite" | "external"; poolMax?: number; dataDir?: string; stop: () => Promise<void> };
export type LocalDbOptions = { dataDir?: string; preferPglite?: boolean; quiet?: boolean; port?: number };

const run = promisify(execFile);
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DB_USER = "consilium";
const DB_NAME = "consilium";

/** A TCP port that was free on 127.0.0.1 a moment ago (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

const hasBinaries = (dir: string) =>
  ["initdb", "pg_ctl", "postgres"].every((b) => {
    try { accessSync(path.join(dir, b), constants.X_OK); return true; } catch { return false; }
  });

/** Directory holding initdb, pg_ctl and postgres: PATH first, else the highest /usr/lib/postgresql/N/bin. */
export function findPostgresBinaries(): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    if (!hasBinaries(dir)) continue;
    // PATH often holds symlinks (/usr/local/bin/initdb -> /usr/lib/postgresql/15/bin/initdb): prefer the real dir.
    const real = path.dirname(realpathSync(path.join(dir, "initdb")));
    return hasBinaries(real) ? real : dir;
  }
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).filter((v) => /^\d+(\.\d+)?$/.test(v)) : [];
  versions.sort((a, b) => parseFloat(b) - parseFloat(a));
  for (const v of versions) if (hasBinaries(path.join(base, v, "bin"))) return path.join(base, v, "bin");
  return null;
}

const isRoot = () => process.getuid?.() === 0;

/** uid/gid of the `postgres` system user, or null if there is none. */
function postgresUser(): { uid: number; gid: number } | null {
  try {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: "pipe" }).trim());
    return { uid: id("-u"), gid: id("-g") };
  } catch { return null; }
}

/** Run a PostgreSQL tool; as root, via `runuser -u postgres` (PostgreSQL refuses to run as root). */
async function pgTool(bin: string, tool: string, args: string[]) {
  const exe = path.join(bin, tool);
  const [cmd, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", exe, ...args]] : [exe, args];
  // cwd "/": as the postgres user the caller's cwd (e.g. /root) may not be readable.
  return run(cmd, argv, { cwd: "/", maxBuffer: 1 << 22 });
}

const errText = (e: unknown) => {
  const x = e as { stderr?: string; stdout?: string; message?: string };
  return [x.stderr, x.stdout].filter(Boolean).join("\n").trim() || String(x.message ?? e);
};

/** As root: make every ancestor of `dir` traversable by the postgres user (o+x only where needed). */
async function ensureTraversable(dir: string, pgUser: { uid: number; gid: number }, log: (m: string) => void) {
  const parents: string[] = [];
  for (let p = path.dirname(dir); ; p = path.dirname(p)) { parents.unshift(p); if (p === path.dirname(p)) break; }
  for (const p of parents) {
    const st = await stat(p);
    const ok = st.uid === pgUser.uid ? st.mode & 0o100 : st.gid === pgUser.gid ? st.mode & 0o010 : st.mode & 0o001;
    if (ok) continue;
    await chmod(p, st.mode | 0o001);
    log(`local-db: made ${p} traversable (chmod o+x) so the postgres user can reach ${dir}`);
  }
}

/** If a server already runs on `dir` (port from line 4 of postmaster.pid) and answers, return its port. */
async function runningPort(dir: string): Promise<number | null> {
  const port = Number(await readFile(path.join(dir, "postmaster.pid"), "utf8").then((s) => s.split("\n")[3], () => ""));
  if (!port) return null;
  const client = new pg.Client({ host: "127.0.0.1", port, user: DB_USER, database: "postgres", connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ data_directory: string }>("SHOW data_directory");
    return realpathSync(rows[0].data_directory) === realpathSync(dir) ? port : null; // the port may have been reused by another server
  } catch { return null; } finally { await client.end().catch(() => {}); }
}

/**
 * Initialise (if needed) and start a PostgreSQL cluster in `dir`, and create the `consilium` database.
 * If a server is already running on that directory it is reused and stop() does nothing (someone else owns it).
 */
export async function startPostgresCluster(
  dir: string,
  opts: { port?: number; quiet?: boolean } = {},
): Promise<{ url: string; port: number; reused: boolean; stop: () => Promise<void> }> {
  dir = path.resolve(dir);
  const log = (m: string) => { if (!opts.quiet) console.log(m); };
  let bin = findPostgresBinaries();
  if (!bin) throw new Error("local-db: no PostgreSQL binaries (initdb, pg_ctl, postgres) found");
  const pgUser = isRoot() ? postgresUser() : null;
  if (isRoot() && !pgUser) throw new Error("local-db: running as root but there is no `postgres` system user to run PostgreSQL as");

  await mkdir(dir, { recursive: true });
  if (pgUser) {
    await ensureTraversable(dir, pgUser, log);
    if ((await stat(dir)).uid !== pgUser.uid) await run("chown", ["-R", "postgres:postgres", dir]);
  }

  const versionFile = path.join(dir, "PG_VERSION");
  if (!existsSync(versionFile)) {
    const t0 = Date.now();
    const base = ["-D", dir, "-U", DB_USER, "--auth=trust", "-E", "UTF8"];
    try {
      await pgTool(bin, "initdb", [...base, "--locale=C.UTF-8"]);
    } catch (e) {
      // Some systems lack the C.UTF-8 locale; initdb cleans the directory on failure, so just retry.
      log(`local-db: initdb with --locale=C.UTF-8 failed, retrying with --no-locale (${errText(e).split("\n")[0]})`);
      try { await pgTool(bin, "initdb", [...base, "--no-locale"]); }
      catch (e2) { throw new Error(`local-db: initdb failed in ${dir}:\n${errText(e2)}`); }
    }
    log(`local-db: initialised PostgreSQL cluster in ${dir} (${Date.now() - t0} ms)`);
  } else {
    // Use the binaries matching the cluster's major version when installed (a 15 cluster needs 15 binaries).
    const major = (await readFile(versionFile, "utf8")).trim();
    const matching = `/usr/lib/postgresql/${major}/bin`;
    if (!bin.includes(`/${major}/`) && hasBinaries(matching)) bin = matching;
  }

  const url = (port: number) => `postgresql://${DB_USER}@127.0.0.1:${port}/${DB_NAME}`;
  const existing = await runningPort(dir);
  if (existing) {
    log(`local-db: reusing PostgreSQL already running on port ${existing} (data: ${dir})`);
    await createDatabase(existing);
    return { url: url(existing), port: existing, reused: true, stop: async () => {} };
  }

  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`; // pg_ctl passes -o through /bin/sh
  const logFile = path.join(dir, "server.log");
  const t0 = Date.now();
  let port = 0;
  // freePort() can race with another process grabbing the port: retry a chosen port twice, never a given one.
  for (let attempt = 1; ; attempt++) {
    port = opts.port ?? (await freePort());
    // Unix socket paths are limited to ~107 bytes; with a deep dir, disable the socket (-k '') and use TCP only.
    const sockDir = Buffer.byteLength(`${dir}/.s.PGSQL.${port}`) < 100 ? dir : "";
    try {
      await pgTool(bin, "pg_ctl", ["-w", "-t", "60", "-D", dir, "-l", logFile, "-o", `-p ${port} -k ${q(sockDir)} -c listen_addresses=127.0.0.1`, "start"]);
      break;
    } catch (e) {
      const tail = await readFile(logFile, "utf8").then((s) => s.trim().split("\n").slice(-20).join("\n"), () => "(no server.log)");
      if (!opts.port && attempt < 3 && /could not bind|Address already in use/.test(tail.split("\n").slice(-6).join("\n"))) continue;
      throw new Error(`local-db: pg_ctl start failed for ${dir}:\n${errText(e)}\n--- tail of ${logFile} ---\n${tail}`);
    }
  }
  log(`local-db: started PostgreSQL on 127.0.0.1:${port} (data: ${dir}, ${Date.now() - t0} ms)`);
  await createDatabase(port);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try { await pgTool(bin, "pg_ctl", ["-w", "-m", "fast", "-D", dir, "stop"]); }
    catch (e) { throw new Error(`local-db: pg_ctl stop failed for ${dir}:\n${errText(e)}`); }
  };
  return { url: url(port), port, reused: false, stop };
}

/** CREATE DATABASE consilium unless it exists (connects to the `postgres` maintenance database). */
async function createDatabase(port: number) {
  const client = new pg.Client({ host: "127.0.0.1", port, user: DB_USER, database: "postgres" });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DB_NAME]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DB_NAME}`).catch((e: { code?: string }) => {
      if (e.code !== "42P04") throw e; // created concurrently by another process: fine
    });
  } finally { await client.end(); }
}

/** Start PGlite persisted in `dir` and serve it over TCP on 127.0.0.1. */
async function startPglite(dir: string, port: number, log: (m: string) => void) {
  const t0 = Date.now();
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  await mkdir(dir, { recursive: true });
  const db = await PGlite.create(dir);
  // maxConnections stays at its default of 1: the socket server multiplexes several clients message by
  // message, which can interleave extended-protocol Parse/Bind/Execute from different clients.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 1 });
  try { await server.start(); } catch (e) { await db.close(); throw e; }
  const actual = Number(server.getServerConn().split(":").pop()); // port 0 → the OS-assigned port
  log(`local-db: started PGlite on 127.0.0.1:${actual} (data: ${dir}, ${Date.now() - t0} ms)`);
  return { port: actual, stop: async () => { await server.stop(); await db.close(); } };
}

const pidAlive = (pid: unknown) => {
  if (typeof pid !== "number") return false;
  try { process.kill(pid, 0); return true; } catch (e) { return (e as { code?: string }).code === "EPERM"; }
};

/** Find or start the local database; see the header comment for the order of preference. */
export async function ensureLocalDatabase(opts: LocalDbOptions = {}): Promise<LocalDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, kind: "external", stop: async () => {} };

  const log = (m: string) => { if (!opts.quiet) console.log(m); };
  // CONSILIUM_DATA_DIR is honoured here, not only by `npm start`, so the CLI and `npm run db:migrate` find the same database.
  const dataDir = path.resolve(opts.dataDir ?? process.env.CONSILIUM_DATA_DIR ?? path.join(PROJECT_ROOT, ".data"));
  const infoFile = path.join(dataDir, "local-db.json");
  await mkdir(dataDir, { recursive: true });
  const record = (info: object) => writeFile(infoFile, JSON.stringify({ ...info, pid: process.pid }, null, 2) + "\n");
  const forget = () => rm(infoFile, { force: true });

  let usePglite = !!opts.preferPglite || !findPostgresBinaries();
  if (!usePglite && isRoot() && !postgresUser()) {
    log("local-db: running as root without a `postgres` system user; falling back to PGlite");
    usePglite = true;
  }

  if (!usePglite) {
    const cluster = await startPostgresCluster(path.join(dataDir, "pg"), { port: opts.port, quiet: opts.quiet });
    if (!cluster.reused || !existsSync(infoFile)) await record({ url: cluster.url, kind: "postgres", port: cluster.port });
    const stop = cluster.reused ? async () => {} : async () => { await cluster.stop(); await forget(); };
    return { url: cluster.url, kind: "postgres", dataDir, stop };
  }

  // PGlite has no lock of its own: two processes on one data directory would corrupt it.
  const prev = await readFile(infoFile, "utf8").then(JSON.parse).catch(() => null);
  if (prev?.kind === "pglite" && pidAlive(prev.pid)) {
    throw new Error(`local-db: PGlite in ${dataDir} is already served by process ${prev.pid} at ${prev.url}; ` +
      `stop it (or delete ${infoFile} if that process is not ours), or set DATABASE_URL to its URL`);
  }
  if (!opts.quiet) console.warn("local-db: WARNING: using embedded PGlite (WASM PostgreSQL). For evaluation only: it serves a " +
    "single connection at a time and is not meant for load or production. Install PostgreSQL or set DATABASE_URL.");
  const lite = await startPglite(path.join(dataDir, "pglite"), opts.port ?? 0, log);
  const url = `postgresql://postgres@127.0.0.1:${lite.port}/postgres?sslmode=disable`;
  await record({ url, kind: "pglite", port: lite.port });
  let stopped = false;
  const stop = async () => { if (!stopped) { stopped = true; await lite.stop(); await forget(); } };
  return { url, kind: "pglite", poolMax: 1, dataDir, stop };
}
