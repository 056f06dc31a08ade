// Loaded with --import by the benchmark's child processes: writes the process's peak RSS (KB, from
// getrusage) to BENCH_MAX_RSS_FILE when it exits.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  if (process.env.BENCH_MAX_RSS_FILE) writeFileSync(process.env.BENCH_MAX_RSS_FILE, String(process.resourceUsage().maxRSS));
});
