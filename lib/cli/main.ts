import { disconnectDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { ensureLocalDatabase } from "@/scripts/local-db";
import { keepHeapCompact } from "@/lib/runtime/heap";
import type { Command, CliIo } from "./command";
import { parseCommandArgs } from "./command";
import { reportCliError } from "./errors";

/**
 * The commands, each loaded only when it runs (or for the full help): loading every command's
 * module graph cost ~55 MB of RSS in every invocation, a sixth of a 1M-record export's peak
 * (decision 028). A test checks that each entry loads the command of its name.
 */
export const COMMANDS: CommandEntry[] = [
  { name: "create-user", load: async () => (await import("./commands/create-user")).createUserCommand },
  { name: "create-project", load: async () => (await import("./commands/create-project")).createProjectCommand },
  { name: "add-member", load: async () => (await import("./commands/members")).addMemberCommand },
  { name: "remove-member", load: async () => (await import("./commands/members")).removeMemberCommand },
  { name: "import", load: async () => (await import("./commands/import")).importCommand },
  { name: "import-judge", load: async () => (await import("./commands/import-judge")).importJudgeCommand },
  { name: "upload-images", load: async () => (await import("./commands/upload-images")).uploadImagesCommand },
  { name: "assign", load: async () => (await import("./commands/assign")).assignCommand },
  { name: "batch", load: async () => (await import("./commands/batch")).batchCommand },
  { name: "export", load: async () => (await import("./commands/export")).exportCommand },
  { name: "scores", load: async () => (await import("./commands/scores")).scoresCommand },
  { name: "results", load: async () => (await import("./commands/results")).resultsCommand },
  { name: "report", load: async () => (await import("./commands/report")).reportCommand },
  { name: "rubric", load: async () => (await import("./commands/rubric")).rubricCommand },
  { name: "consensus", load: async () => (await import("./commands/consensus")).consensusCommand },
  { name: "qualification", load: async () => (await import("./commands/qualification")).qualificationCommand },
  { name: "qualification-policy", load: async () => (await import("./commands/qualification-policy")).qualificationPolicyCommand },
  { name: "archive", load: async () => (await import("./commands/archive")).archiveCommand },
  { name: "create-token", load: async () => (await import("./commands/create-token")).createTokenCommand },
  { name: "list-tokens", load: async () => (await import("./commands/list-tokens")).listTokensCommand },
  { name: "revoke-token", load: async () => (await import("./commands/revoke-token")).revokeTokenCommand },
  { name: "reset-link", load: async () => (await import("./commands/reset-link")).resetLinkCommand },
  { name: "templates", load: async () => (await import("./commands/templates")).templatesCommand },
];

export type CommandEntry = { name: string; load: () => Promise<Command> };

async function help(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map((c) => c.load()));
  return [
    "Usage: consilium <command> [options]   (npm run cli -- <command> …)",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(16)} ${c.summary}`),
    "",
    "Every command takes --help. Commands act as a user: --as EMAIL (or CONSILIUM_AS).",
    "Database: DATABASE_URL, or the local database that `npm start` uses (.data/, or CONSILIUM_DATA_DIR).",
    "Exit codes: 0 done, 1 refused or failed, 2 bad command line (unknown project, batch, user, format…).",
  ].join("\n");
}

/** Runs one CLI invocation; returns the process exit code. Errors are printed, never thrown. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(await help());
    return name ? 0 : 2; // no command at all is a usage error
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.err(`Unknown command "${name}".\n\n${await help()}`);
    return 2;
  }
  try {
    const command = await entry.load();
    const args = parseCommandArgs(command, rest);
    if (args.values.help) {
      io.out(command.usage);
      return 0;
    }
    await command.run(args, io);
    return 0;
  } catch (error) {
    return reportCliError(error, io.err);
  }
}

async function main() {
  keepHeapCompact();
  const argv = process.argv.slice(2);
  const io: CliIo = { out: (t) => process.stdout.write(t + "\n"), err: (t) => process.stderr.write(t + "\n") };
  const needsDb = argv[0] && !["--help", "-h", "help", "templates"].includes(argv[0]) && !argv.includes("--help") && !argv.includes("-h");
  let stop: (() => Promise<void>) | undefined;
  let code: number;
  try {
    if (needsDb && !process.env.DATABASE_URL) {
      const local = await ensureLocalDatabase({ quiet: true });
      process.env.DATABASE_URL = local.url;
      if (local.poolMax) process.env.DATABASE_POOL_MAX = String(local.poolMax);
      stop = local.stop;
    }
    if (needsDb) await migrateDatabase(process.env.DATABASE_URL!);
    code = await runCli(argv, io);
  } catch (error) {
    // Reaching the database (or migrating it) failed before any command ran.
    code = reportCliError(error, io.err);
  }
  await disconnectDb().catch(() => {});
  await stop?.().catch((error) => reportCliError(error, io.err));
  process.exitCode = code;
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
