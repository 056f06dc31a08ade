import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { link, mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError } from "@/lib/auth/users";
import { resolveImagePath } from "./images";
import { iterateChunks, type ChunkSource } from "@/lib/streams/iterate-chunks";

// Admins upload the images of vqa items (and the audio of voice consultations) into the image
// directory (lib/items/images.ts), under "<project slug>/<file name>"; items then reference that `src`. Uploads are streamed (constant
// memory), size-capped, content-sniffed, and land atomically: a reader never sees a partial file.

export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;
const MAX_NAME_LENGTH = 120;

/** Raster types only: SVG can carry script, so it is never accepted as an upload. */
const EXTENSION_TYPES: Record<string, ImageType> = { ".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".gif": "gif", ".webp": "webp", ".mp3": "mp3", ".wav": "wav", ".ogg": "ogg", ".m4a": "m4a" };

export type ImageType = "png" | "jpeg" | "gif" | "webp" | AudioType;
export type AudioType = "mp3" | "wav" | "ogg" | "m4a";
const AUDIO_TYPES = new Set<ImageType>(["mp3", "wav", "ogg", "m4a"]);
export const isAudioName = (name: string) => AUDIO_TYPES.has(imageTypeOfName(name) as ImageType);

/** A refusal of the upload itself (name, type, size): the caller's fault, HTTP 400. */
export class ImageUploadError extends Error {
  readonly status = 400;
}

/** The name the image is stored under, or throws ImageUploadError saying why it is refused. */
export function safeImageName(name: string): string {
  if (!name) throw new ImageUploadError("The file needs a name.");
  // A basename only: a path (or "..") in the name must never pick the directory it lands in.
  if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(name))
    throw new ImageUploadError(`File name "${name}" may only contain letters, digits, ".", "_" and "-", and may not start with "."; rename the file.`);
  if (name.length > MAX_NAME_LENGTH) throw new ImageUploadError(`File name "${name.slice(0, 40)}…" is longer than ${MAX_NAME_LENGTH} characters.`);
  if (!imageTypeOfName(name)) {
    throw new ImageUploadError(`"${name}" is not an accepted image or audio type: use ${Object.keys(EXTENSION_TYPES).join(", ")}${/\.svg$/i.test(name) ? " (SVG is refused: it can carry script)" : ""}.`);
  }
  return name;
}

export function imageTypeOfName(name: string): ImageType | null {
  return EXTENSION_TYPES[path.extname(name).toLowerCase()] ?? null;
}

const startsWith = (head: Uint8Array, bytes: number[], at = 0) => head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The image type announced by the file's first bytes (12 are enough), or null. */
export function sniffImageType(head: Uint8Array): ImageType | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(head, ascii("GIF87a")) || startsWith(head, ascii("GIF89a"))) return "gif";
  if (startsWith(head, ascii("RIFF")) && startsWith(head, ascii("WEBP"), 8)) return "webp";
  if (startsWith(head, ascii("RIFF")) && startsWith(head, ascii("WAVE"), 8)) return "wav";
  if (startsWith(head, ascii("OggS"))) return "ogg";
  if (startsWith(head, ascii("ftyp"), 4)) return "m4a";
  // MP3: an ID3 tag, or straight into an MPEG audio frame (11 sync bits).
  if (startsWith(head, ascii("ID3")) || (head.length >= 2 && head[0] === 0xff && (head[1] & 0xe0) === 0xe0)) return "mp3";
  return null;
}

export type ImageBody = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | NodeJS.ReadableStream;


async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function existsFile(file: string): Promise<boolean> {
  return stat(file).then(() => true, (e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? false : Promise.reject(e)));
}

/**
 * Places the finished temp file at `final` without ever replacing an existing file. A hard link
 * fails atomically when the name is taken (two concurrent uploads cannot silently overwrite each
 * other); filesystems without hard links fall back to check-then-rename.
 */
async function placeWithoutOverwrite(temp: string, final: string): Promise<"placed" | "exists"> {
  try {
    await link(temp, final);
    return "placed";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return "exists";
    if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV"].includes(code ?? "")) throw error;
  }
  if (await existsFile(final)) return "exists";
  await rename(temp, final);
  return "placed";
}

export async function storeProjectImage(opts: {
  actorId: string;
  project: { id: string; slug: string };
  fileName: string;
  body: ImageBody;
  /** Tests use a small limit; uploads use MAX_IMAGE_BYTES. */
  maxBytes?: number;
}): Promise<{ src: string; bytes: number }> {
  const name = safeImageName(opts.fileName);
  const expected = imageTypeOfName(name)!;
  const maxBytes = opts.maxBytes ?? MAX_IMAGE_BYTES;
  const src = `${opts.project.slug}/${name}`;
  const final = resolveImagePath(src);
  if (!final) throw new ImageUploadError(`"${src}" is not a valid image path.`);
  const dir = path.dirname(final);
  await mkdir(dir, { recursive: true });

  // Same directory as the target, so the final link/rename never crosses filesystems. Its leading
  // dot keeps it apart from every accepted name.
  const temp = path.join(dir, `.${name}.${randomBytes(6).toString("hex")}.upload`);
  const handle = await open(temp, "wx");
  const hash = createHash("sha256");
  let bytes = 0;
  let head: Uint8Array = new Uint8Array(0);
  try {
    try {
      for await (const raw of iterateChunks<Uint8Array | string>(opts.body as ChunkSource<Uint8Array | string>)) {
        const chunk = typeof raw === "string" ? Buffer.from(raw) : raw;
        bytes += chunk.length;
        if (bytes > maxBytes) throw new ImageUploadError(`"${name}" is larger than ${formatSize(maxBytes)}.`);
        // The signature is checked on the first 12 bytes, however the body happens to be chunked.
        if (head.length < 12) {
          head = Buffer.concat([head, chunk]);
          if (head.length >= 12) checkSignature(name, head, expected);
        }
        hash.update(chunk);
        await handle.write(chunk);
      }
      if (head.length < 12) checkSignature(name, head, expected);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const sha256 = hash.digest("hex");
    const alreadyStored = (await placeWithoutOverwrite(temp, final)) === "exists";
    // Re-uploading the same file is a no-op success; a different file never replaces it.
    if (alreadyStored && (await sha256OfFile(final)) !== sha256)
      throw new ConflictError(`Image "${src}" already exists with different content; upload it under another name.`);
    await recordAudit({ actorId: opts.actorId, action: "images.upload", entityType: "Project", entityId: opts.project.id, projectId: opts.project.id, data: { src, bytes, sha256, alreadyStored } });
    return { src, bytes };
  } finally {
    // No temp file outlives the call: a refused upload's, or the second name a hard link left.
    await rm(temp, { force: true });
  }
}

function checkSignature(name: string, head: Uint8Array, expected: ImageType) {
  const actual = sniffImageType(head);
  if (actual !== expected) {
    const what = AUDIO_TYPES.has(expected) ? "audio file" : "image";
    throw new ImageUploadError(`"${name}" is not a ${expected.toUpperCase()} ${what} (${actual ? `its content is ${actual.toUpperCase()}` : `its content is not a recognised ${what}`}).`);
  }
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${bytes} bytes`;
}
