import { createInterface } from "node:readline";
import { Readable } from "node:stream";

/** Lines of a Node or web stream, decoded as UTF-8, without holding the whole file in memory. */
export function readLines(input: Readable | ReadableStream<Uint8Array>): AsyncIterable<string> {
  const stream = input instanceof Readable ? input : Readable.fromWeb(input as import("node:stream/web").ReadableStream<Uint8Array>);
  return createInterface({ input: stream, crlfDelay: Infinity });
}
