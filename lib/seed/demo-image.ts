import { mkdir, open } from "node:fs/promises";
import path from "node:path";
import { deflateSync } from "node:zlib";
import { imageDirectory } from "@/lib/items/images";
import { seededRng } from "@/lib/random/seeded-rng";

// Synthetic images for the demo's vqa items, drawn in code so the repository carries no binary
// files and no real patient images. They only *resemble* a chest radiograph and a skin lesion:
// ellipses, gradients and seeded noise. Nothing here is a real image or a real finding.

export const DEMO_IMAGE_SIZE = 256;

// ---- PNG encoding (8-bit grayscale or RGB, no interlace, filter 0 on every row) ----

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309 / PNG), as PNG chunks need it. */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** Encodes row-major 8-bit pixels: 1 channel (grayscale) or 3 (RGB). */
export function encodePng(width: number, height: number, channels: 1 | 3, pixels: Uint8Array): Buffer {
  const stride = width * channels;
  if (pixels.length !== stride * height) throw new Error(`encodePng: expected ${stride * height} bytes, got ${pixels.length}.`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = channels === 1 ? 0 : 2; // colour type: grayscale or truecolour
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([PNG_SIGNATURE, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

// ---- drawing helpers ----

const clamp = (v: number, lo = 0, hi = 255) => Math.min(hi, Math.max(lo, v));
const smoothstep = (e0: number, e1: number, x: number) => {
  const t = clamp((x - e0) / (e1 - e0), 0, 1);
  return t * t * (3 - 2 * t);
};
/** 1 well inside the ellipse, 0 outside, with a soft edge of width `soft` (in normalized radius). */
const ellipse = (u: number, v: number, cx: number, cy: number, rx: number, ry: number, soft = 0.08) =>
  1 - smoothstep(1 - soft, 1 + soft, Math.hypot((u - cx) / rx, (v - cy) / ry));
const gaussian = (u: number, v: number, cx: number, cy: number, sigma: number) => Math.exp(-((u - cx) ** 2 + (v - cy) ** 2) / (2 * sigma * sigma));


/**
 * A radiograph-like frontal chest picture (PA: the patient's right is on the image's left).
 * With `opacity`, a soft bright patch sits in the image-left lower lung field.
 */
export function drawChest(size: number, opts: { opacity?: boolean; seed?: number } = {}): Uint8Array {
  const rand = seededRng(opts.seed ?? 1);
  const px = new Uint8Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / size;
      const v = (y + 0.5) / size;
      const a = Math.abs(u - 0.5);
      // Torso with shoulders, and the neck above it.
      const torso = 1 - smoothstep(0.95, 1.05, (Math.abs((u - 0.5) / 0.46) ** 4 + Math.abs((v - 0.66) / 0.54) ** 4) ** 0.25);
      const body = Math.max(torso, ellipse(u, v, 0.5, 0.05, 0.1, 0.2, 0.2));
      let value = 14 + 112 * body;
      // Lung fields: narrow apices, wide bases, domed diaphragm; the heart overlaps the image-right lung.
      const heart = ellipse(u, v, 0.555, 0.66, 0.16, 0.13, 0.2);
      const lungWidth = 0.07 + 0.09 * smoothstep(0.12, 0.62, v);
      const lung = (cx: number) => ellipse(u, v, cx, 0.5, lungWidth, 0.33, 0.1);
      const lungs = Math.max(lung(0.3), lung(0.7)) * (1 - 0.9 * heart);
      value -= 80 * lungs;
      // Posterior ribs: arcs, highest midway between spine and chest wall, seen over the lungs.
      const ribPhase = v * 8 + 0.8 * Math.sin(Math.PI * Math.min(a / 0.4, 1));
      value += 24 * lungs * smoothstep(0.7, 0.97, 0.5 + 0.5 * Math.sin(2 * Math.PI * ribPhase));
      // Clavicles.
      const clavicle = gaussian(0, v - (0.2 + 0.12 * a), 0, 0, 0.01) * (1 - smoothstep(0.3, 0.36, a)) * smoothstep(0.03, 0.07, a);
      value += 55 * clavicle;
      // Spine and mediastinum, then the heart.
      value += 55 * Math.exp(-((a / 0.04) ** 2)) * body;
      value += 45 * ellipse(u, v, 0.5, 0.4, 0.07, 0.22, 0.25);
      value += 55 * heart;
      // Below the diaphragm.
      value += 30 * smoothstep(0.8, 0.9, v) * body * (1 - lungs);
      if (opts.opacity) value += 95 * lungs * gaussian(u, v, 0.28, 0.64, 0.06);
      value += (rand() - 0.5) * 8;
      px[y * size + x] = Math.round(clamp(value));
    }
  }
  return px;
}

/** A skin-coloured field with an asymmetric, two-toned, irregularly bordered pigmented blob (RGB). */
export function drawLesion(size: number, seed = 3): Uint8Array {
  const rand = seededRng(seed);
  const px = new Uint8Array(size * size * 3);
  const skin = [226, 184, 156];
  const brown = [139, 88, 58];
  const dark = [62, 38, 30];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / size;
      const v = (y + 0.5) / size;
      const dx = u - 0.5;
      const dy = v - 0.52;
      const angle = Math.atan2(dy, dx);
      const radius = 0.2 + 0.035 * Math.sin(3 * angle + 0.6) + 0.02 * Math.sin(5 * angle + 1.9) + 0.012 * Math.sin(11 * angle) + 0.03 * Math.max(0, Math.cos(angle - 0.4));
      const inside = 1 - smoothstep(radius - 0.012, radius + 0.012, Math.hypot(dx, dy));
      const darkPatch = Math.min(1, 1.3 * gaussian(u, v, 0.58, 0.47, 0.07)) * inside;
      const shade = 1 - 0.06 * v + (rand() - 0.5) * 0.04;
      const pixel = y * size * 3 + x * 3;
      for (let c = 0; c < 3; c++) {
        const lesion = brown[c] * (1 - darkPatch) + dark[c] * darkPatch;
        px[pixel + c] = Math.round(clamp((skin[c] * (1 - inside) + lesion * inside) * shade));
      }
    }
  }
  return px;
}

/**
 * One axial slice of a chest-CT-like series (`n` of `total`, from the top): body outline, two lung
 * fields that widen towards the bases, a spine; a small round nodule in the right lung appears, grows
 * and fades over the middle slices (issue 13's image-series demo). Grayscale.
 */
export function drawSlice(size: number, n: number, total: number, seed = 21): Uint8Array {
  const rand = seededRng(seed + n);
  const px = new Uint8Array(size * size);
  const depth = (n - 0.5) / total; // 0 top … 1 base
  const noduleRadius = Math.max(0, 0.045 * (1 - Math.abs(depth - 0.5) / 0.18));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / size;
      const v = (y + 0.5) / size;
      const body = ellipse(u, v, 0.5, 0.52, 0.44, 0.34, 0.04);
      let value = 10 + 120 * body;
      const lungW = 0.11 + 0.06 * depth;
      const lungs = Math.max(ellipse(u, v, 0.31, 0.5, lungW, 0.22, 0.08), ellipse(u, v, 0.69, 0.5, lungW, 0.22, 0.08));
      value -= 95 * lungs;
      value += 110 * ellipse(u, v, 0.5, 0.74, 0.05, 0.05, 0.2); // vertebral body
      if (noduleRadius > 0) value += 110 * lungs * ellipse(u, v, 0.3, 0.45, noduleRadius, noduleRadius, 0.25);
      value += (rand() - 0.5) * 10;
      px[y * size + x] = Math.round(clamp(value));
    }
  }
  return px;
}

export const DEMO_SLICES = 12;
const SLICE_SIZE = 192;

export const DEMO_IMAGES: ReadonlyArray<{ src: string; render: () => Buffer }> = [
  { src: "demo/cxr-1.png", render: () => encodePng(DEMO_IMAGE_SIZE, DEMO_IMAGE_SIZE, 1, drawChest(DEMO_IMAGE_SIZE, { seed: 11 })) },
  { src: "demo/cxr-2.png", render: () => encodePng(DEMO_IMAGE_SIZE, DEMO_IMAGE_SIZE, 1, drawChest(DEMO_IMAGE_SIZE, { seed: 12, opacity: true })) },
  { src: "demo/derm-1.png", render: () => encodePng(DEMO_IMAGE_SIZE, DEMO_IMAGE_SIZE, 3, drawLesion(DEMO_IMAGE_SIZE)) },
  ...Array.from({ length: DEMO_SLICES }, (_, i) => ({ src: `demo/ct-${String(i + 1).padStart(2, "0")}.png`, render: () => encodePng(SLICE_SIZE, SLICE_SIZE, 1, drawSlice(SLICE_SIZE, i + 1, DEMO_SLICES)) })),
];

/**
 * Writes the demo images under the image directory, each only if it is missing (an existing file,
 * whatever it holds, is left alone). Returns the `src` paths it wrote.
 */
export async function writeDemoImages(dir = imageDirectory()): Promise<string[]> {
  const written: string[] = [];
  for (const image of DEMO_IMAGES) {
    const file = path.join(dir, ...image.src.split("/"));
    await mkdir(path.dirname(file), { recursive: true });
    let handle;
    try {
      handle = await open(file, "wx");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw error;
    }
    try {
      await handle.writeFile(image.render());
    } finally {
      await handle.close();
    }
    written.push(image.src);
  }
  return written;
}
