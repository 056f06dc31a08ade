import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readLines } from "./read-lines";

async function collect(gen: AsyncGenerator<string>) {
  const out: string[] = [];
  for await (const l of gen) out.push(l);
  return out;
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe("readLines", () => {
  it("splits LF and CRLF lines across chunk boundaries, keeping a last line without newline", async () => {
    const web = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes("first\r\nsec"));
        c.enqueue(bytes("ond\n\nthird"));
        c.close();
      },
    });
    expect(await collect(readLines(web))).toEqual(["first", "second", "", "third"]);
  });

  it("decodes a multi-byte character split between chunks", async () => {
    const all = bytes("é→ü\nok\n");
    const node = Readable.from([all.slice(0, 1), all.slice(1, 4), all.slice(4)]);
    expect(await collect(readLines(node))).toEqual(["é→ü", "ok"]);
  });
});
