import { createReadStream } from "node:fs";
import { Zip, ZipPassThrough } from "fflate";

// A zip of files already on disk, streamed: each file is read in 64 KB chunks into a stored
// (uncompressed) entry — Parquet is compressed already — so memory stays flat whatever the sizes.

export async function* zipFiles(files: ReadonlyArray<{ name: string; path: string }>): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else out.push(chunk);
  });
  const drain = function* () {
    if (failure) throw failure;
    while (out.length) yield out.shift()!;
  };
  for (const file of files) {
    const entry = new ZipPassThrough(file.name);
    entry.mtime = new Date();
    zip.add(entry);
    for await (const chunk of createReadStream(file.path)) {
      entry.push(chunk as Uint8Array);
      yield* drain();
    }
    entry.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

/** Bytes as a web stream with back-pressure (pull-based), for a Response body. */
export function byteStream(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
