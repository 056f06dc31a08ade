import { iterateChunks } from "@/lib/streams/iterate-chunks";

/**
 * Lines of a byte stream (web ReadableStream, Node Readable, or any async iterable of bytes),
 * decoded as UTF-8 (multi-byte characters split across chunks are handled), CRLF or LF.
 * Holds at most one chunk plus one partial line in memory.
 * (node:readline over Readable.fromWeb stalls on Next.js request bodies, hence this.)
 */
export async function* readLines(input: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  let pending = "";
  for await (const chunk of iterateChunks(input)) {
    const text = pending + decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      yield stripCr(text.slice(start, end));
      start = end + 1;
    }
    pending = text.slice(start);
  }
  pending += decoder.decode();
  if (pending.length) yield stripCr(pending);
}

function stripCr(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}

