import v8 from "node:v8";

// Long streams (exports, imports) allocate hundreds of megabytes of short-lived objects. V8 lets
// the old generation grow to about four times what survived its last full collection before
// collecting again, so a 100k-record export took the process from ~85 MB to ~350 MB of RSS,
// almost all of it garbage (a heap limit of 100 MB changed neither speed nor output). Growing by
// half instead keeps it near 220 MB at the same speed (bench, decision 028). It is a growth rate,
// not a limit: a process that really holds more data still gets the memory.

let applied = false;

/** Once per process, before the work starts: the server (instrumentation.ts), the CLI and the bench. */
export function keepHeapCompact(): void {
  if (applied) return;
  applied = true;
  v8.setFlagsFromString("--heap-growing-percent=50");
}
