import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readLines, type Line } from "./read-lines";
import { findInvalidUtf8 } from "./utf8";

async function collect(gen: AsyncGenerator<Line>) {
  const out: Line[] = [];
  for await (const l of gen) out.push(l);
  return out;
}
const texts = (lines: Line[]) => lines.map((l) => ("text" in l ? l.text : `!${l.error}`));

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
    const lines = await collect(readLines(web));
    expect(texts(lines)).toEqual(["first", "second", "", "third"]);
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3, 4]);
  });

  it("decodes a multi-byte character split between chunks, and counts the bytes it reads", async () => {
    const all = bytes("é→ü\nok\n");
    const node = Readable.from([all.slice(0, 1), all.slice(1, 4), all.slice(4)]);
    let read = 0;
    expect(texts(await collect(readLines(node, { onBytes: (n) => (read += n) })))).toEqual(["é→ü", "ok"]);
    expect(read).toBe(all.length);
  });

  it("reports invalid UTF-8 on its line, with the bytes, and reads on", async () => {
    // "café" in Latin-1 (0xE9), then a lone continuation byte, then a surrogate encoded in UTF-8.
    const latin1 = Uint8Array.from([...bytes('{"a":"caf'), 0xe9, ...bytes('"}\n')]);
    const input = [bytes("good\n"), latin1, Uint8Array.from([0x80, 0x0a]), Uint8Array.from([0xed, 0xa0, 0x80, 0x0a]), bytes("last")];
    const lines = await collect(readLines(Readable.from(input)));
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3, 4, 5]);
    expect(texts(lines)[0]).toBe("good");
    expect(lines[1]).toEqual({ line: 2, error: "This line cannot be read: it is not valid UTF-8 text (bytes 0xE9 0x22 0x7D at byte 10); save the file as UTF-8 and import it again." });
    expect(lines[2]).toMatchObject({ error: expect.stringContaining("bytes 0x80 at byte 1") });
    expect(lines[3]).toMatchObject({ error: expect.stringContaining("bytes 0xED 0xA0 0x80 at byte 1") });
    expect(texts(lines)[4]).toBe("last");
  });

  it("skips a line past the limit with an error naming its length and the limit, and reads the next lines", async () => {
    const long = `{"x":"${"a".repeat(100)}"}`;
    const lines = await collect(readLines(Readable.from([bytes(`ok\n${long.slice(0, 50)}`), bytes(long.slice(50)), bytes("\r\nafter\n")]), { maxLineBytes: 64 }));
    expect(lines).toEqual([
      { line: 1, text: "ok" },
      { line: 2, error: "This line is too long to import: it has 108 bytes, and a line may have at most 64 bytes. It was skipped." },
      { line: 3, text: "after" },
    ]);
    // Exactly at the limit is fine.
    expect(await collect(readLines(Readable.from([bytes("x".repeat(64))]), { maxLineBytes: 64 }))).toEqual([{ line: 1, text: "x".repeat(64) }]);
  });

  it("reads a 1 GB line without holding it: one error, then the following line", async () => {
    // The same 1 MB chunk 1,024 times: the old reader rebuilt and rescanned its pending text for
    // every chunk (quadratic, gigabytes of strings); this one counts the bytes and drops them.
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    async function* source() {
      yield bytes("first\n");
      for (let i = 0; i < 1024; i++) yield chunk;
      yield bytes("\nsecond\n");
    }
    const lines = await collect(readLines(source(), { maxLineBytes: 1024 * 1024 }));
    expect(lines).toEqual([
      { line: 1, text: "first" },
      { line: 2, error: "This line is too long to import: it has 1,024 MB (1,073,741,824 bytes), and a line may have at most 1 MB (1,048,576 bytes). It was skipped." },
      { line: 3, text: "second" },
    ]);
  });

  it("joins a line that spans many chunks once, in order", async () => {
    const parts = Array.from({ length: 300 }, (_, i) => bytes(`${i},`));
    const lines = await collect(readLines(Readable.from([...parts, bytes("end\n")])));
    expect(lines).toEqual([{ line: 1, text: `${Array.from({ length: 300 }, (_, i) => `${i},`).join("")}end` }]);
  });
});

describe("findInvalidUtf8", () => {
  it("accepts well-formed text and finds overlong forms, surrogates, values past U+10FFFF and cut-off characters", () => {
    expect(findInvalidUtf8(bytes("plain, é, →, 😀"))).toBe(-1);
    expect(findInvalidUtf8(Uint8Array.from([0x41, 0xc0, 0xaf]))).toBe(1); // overlong "/"
    expect(findInvalidUtf8(Uint8Array.from([0xe0, 0x80, 0xaf]))).toBe(0); // overlong
    expect(findInvalidUtf8(Uint8Array.from([0xed, 0xb0, 0x80]))).toBe(0); // surrogate
    expect(findInvalidUtf8(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // > U+10FFFF
    expect(findInvalidUtf8(Uint8Array.from([0x41, 0xe2, 0x86]))).toBe(1); // cut off
  });
});
