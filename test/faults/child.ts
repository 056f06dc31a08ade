import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

// Helpers of the fault tests: a real process (the CLI, a worker) to kill with SIGKILL, and waiting
// on a condition (polling the database or the disk) rather than on time.
export const ROOT = path.resolve(import.meta.dirname, "../..");

export type Child = { process: ChildProcess; stderr: () => string; exited: Promise<NodeJS.Signals | number | null> };

/** Starts a TypeScript entry point of this repository (tsx, the project's tsconfig for @/ paths). */
export function startChild(script: string, args: string[]): Child {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json") },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
  return { process: child, stderr: () => stderr, exited };
}

/** Kills the child without letting it clean up (no handler runs; its connections just drop). */
export async function killHard(child: Child): Promise<void> {
  if (child.process.exitCode !== null) throw new Error(`the process ended before it could be killed: ${child.stderr()}`);
  child.process.kill("SIGKILL");
  const ended = await child.exited;
  if (ended !== "SIGKILL") throw new Error(`the process ended with ${ended} before the kill: ${child.stderr()}`);
}

export async function until(check: () => Promise<boolean> | boolean, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20)); // the polling interval, not a sleep standing in for a condition
  }
}
