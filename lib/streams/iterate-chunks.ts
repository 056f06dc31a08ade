/** Request bodies, file streams and test inputs: anything that yields chunks. */
export type ChunkSource<T = Uint8Array> = ReadableStream<T> | AsyncIterable<T> | NodeJS.ReadableStream;

/**
 * One iteration protocol for web streams (read through their reader, cancelled when the caller
 * stops early, so an aborted import or upload stops reading the socket) and for Node streams and
 * async iterables.
 */
export async function* iterateChunks<T = Uint8Array>(input: ChunkSource<T>): AsyncGenerator<T> {
  if ("getReader" in input && typeof input.getReader === "function") {
    const reader = (input as ReadableStream<T>).getReader();
    let finished = false;
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          finished = true;
          return;
        }
        yield value;
      }
    } finally {
      if (!finished) await reader.cancel().catch(() => {});
      reader.releaseLock();
    }
  }
  yield* input as AsyncIterable<T>;
}
