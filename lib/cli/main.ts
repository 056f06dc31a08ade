import { disconnectDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { ensureLocalDatabase } from "@/scripts/local-db";
import { keepHeapCompact } from "@/lib/runtime/heap";
import type { Command, CliIo } from "./command";
import { parseCommandArgs } from "./command";
import { reportCliError } from "./errors";
import { assignCommand } from "./commands/assign";
import { createProjectCommand } from "./commands/create-project";
import { createUserCommand } from "./commands/create-user";
import { createTokenCommand } from "./commands/create-token";
import { listTokensCommand } from "./commands/list-tokens";
import { resetLinkCommand } from "./commands/reset-link";
import { revokeTokenCommand } from "./commands/revoke-token";
import { batchCommand } from "./commands/batch";
import { exportCommand } from "./commands/export";
import { importCommand } from "./commands/import";
import { importJudgeCommand } from "./commands/import-judge";
import { addMemberCommand, removeMemberCommand } from "./commands/members";
import { reportCommand } from "./commands/report";
import { consensusCommand } from "./commands/consensus";
import { qualificationCommand } from "./commands/qualification";
import { qualificationPolicyCommand } from "./commands/qualification-policy";
import { archiveCommand } from "./commands/archive";
import { rubricCommand } from "./commands/rubric";
import { resultsCommand } from "./commands/results";
import { scoresCommand } from "./commands/scores";
import { templatesCommand } from "./commands/templates";
import { uploadImagesCommand } from "./commands/upload-images";

export const COMMANDS: Command[] = [
  createUserCommand,
  createProjectCommand,
  addMemberCommand,
  removeMemberCommand,
  importCommand,
  importJudgeCommand,
  uploadImagesCommand,
  assignCommand,
  batchCommand,
  exportCommand,
  scoresCommand,
  resultsCommand,
  reportCommand,
  rubricCommand,
  consensusCommand,
  qualificationCommand,
  qualificationPolicyCommand,
  archiveCommand,
  createTokenCommand,
  listTokensCommand,
  revokeTokenCommand,
  resetLinkCommand,
  templatesCommand,
];

function help(): string {
  return [
    "Usage: consilium <command> [options]   (npm run cli -- <command> …)",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(16)} ${c.summary}`),
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
    io.out(help());
    return name ? 0 : 2; // no command at all is a usage error
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  try {
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
