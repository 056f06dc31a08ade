/**
 * How the import reads one long line: time, peak RSS and the longest event-loop stall.
 *
 *   npx tsx scripts/bench-import-line.ts <MB> [--keep]
 *
 * Writes a JSONL file under .data/ with a short line, one line of <MB> megabytes (a qa item whose
 * response content is that long) and another short line, then reads it through the real JSONL
 * reader (lib/import/read-jsonl-items.ts: line splitting, UTF-8, JSON.parse, number checks) from
 * a file stream, without a database. Run each size in its own process (peak RSS is per process).
 * Prints one JSON object. The event-loop stall is what unrelated requests would wait for.
 */
import { closeSync, createReadStream, mkdirSync, openSync, rmSync, writeSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { jsonlItemRecords } from "@/lib/import/read-jsonl-items";
import { MAX_LINE_BYTES } from "@/lib/import/read-lines";

const mb = Number(process.argv[2]);
if (!Number.isInteger(mb) || mb < 1) throw new Error("usage: bench-import-line.ts <MB> [--keep]");
mkdirSync(".data", { recursive: true });
const file = `.data/bench-line-${mb}.jsonl`;
const item = (id: string, content: string) => JSON.stringify({ externalId: id, question: "Q?", responses: [{ modelName: "m", content }] });
// Written 1 MB at a time, so that making the file does not count in the reader's peak RSS.
const fd = openSync(file, "w");
const [head, tail] = item("big", "\u0001").split("\\u0001");
writeSync(fd, `${item("a", "c")}\n${head}`);
const megabyte = Buffer.alloc(1024 * 1024, "x");
for (let i = 0; i < mb; i++) writeSync(fd, megabyte);
writeSync(fd, `${tail}\n${item("b", "c")}\n`);
closeSync(fd);

const stalls = monitorEventLoopDelay({ resolution: 10 });
stalls.enable();
const started = performance.now();
const outcome: string[] = [];
for await (const record of jsonlItemRecords(createReadStream(file))) outcome.push("error" in record ? `line ${record.line}: error` : `line ${record.line}: item`);
const ms = performance.now() - started;
stalls.disable();
if (!process.argv.includes("--keep")) rmSync(file);
console.log(JSON.stringify({ mb, limitMb: MAX_LINE_BYTES / 1024 / 1024, ms: Math.round(ms), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), maxEventLoopStallMs: Math.round(stalls.max / 1e6), outcome }));
