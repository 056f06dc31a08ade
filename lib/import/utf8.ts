import { isUtf8 } from "node:buffer";

// UTF-8 checks for imported files. A decoder that is not told to be strict replaces every invalid
// byte with U+FFFD, so a file in Latin-1 or a corrupted one would be stored silently changed.
// Validation is native (`isUtf8`); the JavaScript scan below only runs to locate an error.

/**
 * Offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF), or -1 when all of it is well formed.
 * A sequence cut off by the end of `bytes` counts as invalid at its first byte.
 */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0; // overlong
      if (b === 0xed) max = 0x9f; // UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90; // overlong
      if (b === 0xf4) max = 0x8f; // above U+10FFFF
    } else return i;
    const second = bytes[i + 1];
    if (second === undefined || second < min || second > max) return i;
    for (let k = 2; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Plain words for the invalid byte at `offset` of `bytes`: what it is and where. `column` is its
 * position in its line (1-based), when `bytes` does not start at the line's start.
 */
export function describeInvalidUtf8(bytes: Uint8Array, offset: number, column = offset + 1): string {
  const shown = Array.from(bytes.subarray(offset, offset + 4), (b) => `0x${b.toString(16).toUpperCase().padStart(2, "0")}`).join(" ");
  return `it is not valid UTF-8 text (bytes ${shown} at byte ${column.toLocaleString("en")}); save the file as UTF-8 and import it again`;
}

/**
 * Validates a byte stream chunk by chunk, carrying a character split between two chunks over to
 * the next one. `check` answers the offset (in that chunk) of the first invalid byte, or -1.
 */
export function createUtf8Checker() {
  let carry = new Uint8Array(0);
  return {
    check(chunk: Uint8Array): number {
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const keep = incompleteTail(bytes);
      const body = bytes.subarray(0, bytes.length - keep);
      carry = Uint8Array.from(bytes.subarray(bytes.length - keep));
      if (isUtf8(body)) return -1;
      return Math.max(0, findInvalidUtf8(body) - (bytes.length - chunk.length));
    },
    /** At the end of the stream a character still cut off is invalid. */
    finish(): boolean {
      return carry.length === 0;
    },
  };
}

/** How many bytes at the end of `bytes` start a character that is not complete yet (0–3). */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if (b < 0x80) return 0;
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return length > back ? back : 0;
    }
  }
  return 0;
}
