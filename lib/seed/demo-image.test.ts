import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { crc32, DEMO_IMAGE_SIZE, DEMO_SLICES, encodePng, PNG_SIGNATURE, writeDemoImages } from "./demo-image";

type Chunk = { type: string; data: Buffer; crc: number };

function readChunks(png: Buffer): Chunk[] {
  const chunks: Chunk[] = [];
  let offset = 8;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("ascii", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    chunks.push({ type, data, crc: png.readUInt32BE(offset + 8 + length) });
    offset += 12 + length;
  }
  return chunks;
}

function decode(png: Buffer) {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  const chunks = readChunks(png);
  for (const c of chunks) expect(c.crc).toBe(crc32(Buffer.concat([Buffer.from(c.type, "ascii"), c.data])));
  expect(chunks[0].type).toBe("IHDR");
  expect(chunks.at(-1)?.type).toBe("IEND");
  const ihdr = chunks[0].data;
  const header = { width: ihdr.readUInt32BE(0), height: ihdr.readUInt32BE(4), bitDepth: ihdr[8], colorType: ihdr[9], interlace: ihdr[12] };
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data)));
  return { header, raw };
}

describe("crc32", () => {
  it("matches the standard check value", () => {
    expect(crc32(Buffer.from("123456789", "ascii"))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });
});

describe("encodePng", () => {
  it("writes a valid grayscale PNG whose IDAT inflates to one filter byte plus the pixels per row", () => {
    const pixels = Uint8Array.from({ length: 5 * 3 }, (_, i) => i * 10);
    const { header, raw } = decode(encodePng(5, 3, 1, pixels));
    expect(header).toEqual({ width: 5, height: 3, bitDepth: 8, colorType: 0, interlace: 0 });
    expect(raw.length).toBe(3 * (5 + 1));
    expect([...raw.subarray(0, 6)]).toEqual([0, 0, 10, 20, 30, 40]);
  });

  it("refuses a pixel buffer of the wrong size", () => {
    expect(() => encodePng(4, 4, 3, new Uint8Array(4 * 4))).toThrow(/expected 48 bytes/);
  });
});

describe("writeDemoImages", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "consilium-demo-images-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("creates the demo PNGs with the expected size and colour type", async () => {
    const slices = Array.from({ length: DEMO_SLICES }, (_, i) => `demo/ct-${String(i + 1).padStart(2, "0")}.png`);
    expect(await writeDemoImages(dir)).toEqual(["demo/cxr-1.png", "demo/cxr-2.png", "demo/derm-1.png", ...slices]);
    // The series: the nodule is in the middle slices only (more bright pixels in the right lung there).
    const brightIn = async (name: string) => {
      const { header, raw } = decode(await readFile(path.join(dir, name)));
      let n = 0;
      for (let y = Math.round(header.height * 0.38); y < header.height * 0.52; y++) for (let x = Math.round(header.width * 0.25); x < header.width * 0.35; x++) if (raw[y * (header.width + 1) + 1 + x] > 100) n++;
      return n;
    };
    expect(await brightIn(slices[5])).toBeGreaterThan((await brightIn(slices[0])) + 20);
    const expected = { "cxr-1.png": 1, "cxr-2.png": 1, "derm-1.png": 3 } as const;
    for (const [name, channels] of Object.entries(expected)) {
      const { header, raw } = decode(await readFile(path.join(dir, "demo", name)));
      expect(header).toEqual({ width: DEMO_IMAGE_SIZE, height: DEMO_IMAGE_SIZE, bitDepth: 8, colorType: channels === 1 ? 0 : 2, interlace: 0 });
      expect(raw.length).toBe(DEMO_IMAGE_SIZE * (DEMO_IMAGE_SIZE * channels + 1));
      // Not a flat picture: the synthetic image has real contrast.
      const values = raw.filter((_, i) => i % (DEMO_IMAGE_SIZE * channels + 1) !== 0);
      expect(values.reduce((a, b) => Math.max(a, b)) - values.reduce((a, b) => Math.min(a, b))).toBeGreaterThan(100);
    }
    // The follow-up radiograph differs from the first one (it shows the opacity).
    const [one, two] = await Promise.all([readFile(path.join(dir, "demo", "cxr-1.png")), readFile(path.join(dir, "demo", "cxr-2.png"))]);
    expect(one.equals(two)).toBe(false);
  });

  it("is deterministic and leaves existing files alone", async () => {
    await mkdir(path.join(dir, "demo"), { recursive: true });
    await writeFile(path.join(dir, "demo", "cxr-1.png"), "keep me");
    expect((await writeDemoImages(dir)).slice(0, 2)).toEqual(["demo/cxr-2.png", "demo/derm-1.png"]);
    expect(await readFile(path.join(dir, "demo", "cxr-1.png"), "utf8")).toBe("keep me");
    const first = await readFile(path.join(dir, "demo", "derm-1.png"));
    expect(await writeDemoImages(dir)).toEqual([]);

    const other = await mkdtemp(path.join(tmpdir(), "consilium-demo-images-"));
    try {
      await writeDemoImages(other);
      expect((await readFile(path.join(other, "demo", "derm-1.png"))).equals(first)).toBe(true);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
