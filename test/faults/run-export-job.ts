// Runs one background export job in a process of its own, so a fault test can kill it mid-write
// (test/faults/interrupted-export.db.test.ts). Usage: node --import tsx test/faults/run-export-job.ts JOB_ID
import { runExportJob } from "@/lib/export-jobs/export-jobs";
import { disconnectDb } from "@/lib/db/client";

await runExportJob(process.argv[2]);
await disconnectDb();
