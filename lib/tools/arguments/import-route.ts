import { iterateChunks } from "@/lib/streams/iterate-chunks";
import { ApiError } from "@/lib/api/read-json-body";
import { importArgumentFiles, type ArgumentImportFormat, type ArgumentImportResult } from "./import-documents";
import { ImportFilesError, readZipFiles } from "./read-files";

/** Largest archive an argument import reads over HTTP (AbstRCT's 400 abstracts zip to ~1 MB). */
export const MAX_ARCHIVE_BYTES = 100 * 1024 * 1024;

/**
 * An argument import over HTTP: the body is a zip archive of the files (brat .txt/.ann and
 * annotation.conf, CoNLL/BIO files, or CasiMedicos-Arg's .json and .jsonl), as the project page
 * uploads a chosen folder. Read whole (with a cap), then the same lib/ import as the CLI.
 */
export async function importArgumentArchive(body: ReadableStream<Uint8Array>, opts: { actorId: string; projectId: string; format: ArgumentImportFormat; skipInvalid: boolean; fileName?: string }): Promise<ArgumentImportResult> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of iterateChunks(body)) {
    size += chunk.byteLength;
    if (size > MAX_ARCHIVE_BYTES) throw new ApiError(413, `The archive is larger than ${MAX_ARCHIVE_BYTES / 1024 / 1024} MB; import it with the command line instead.`);
    parts.push(chunk);
  }
  let files;
  try {
    files = readZipFiles(Buffer.concat(parts));
  } catch (error) {
    if (error instanceof ImportFilesError) throw new ApiError(400, error.message);
    throw error;
  }
  return importArgumentFiles({ ...opts, files });
}
