import { describeInvalidUtf8, findInvalidUtf8 } from "@/lib/import/utf8";

/**
 * A converter's input file as text: strict UTF-8 (an invalid byte is an error naming its line,
 * never a silent U+FFFD) and without a leading byte-order mark, which editors on Windows add and
 * JSON.parse refuses ("Unexpected token").
 */
export function decodeFile(bytes: Uint8Array): { text: string } | { line: number; message: string } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, "") };
  } catch {
    const offset = Math.max(0, findInvalidUtf8(bytes));
    const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
    let line = 1;
    for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line += 1;
    return { line, message: `this line cannot be read: ${describeInvalidUtf8(bytes, offset, offset - lineStart + 1)}.` };
  }
}
