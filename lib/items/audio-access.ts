import "server-only";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { getDb } from "@/lib/db/client";
import { NotFoundError, type Actor } from "@/lib/auth/permissions";
import { canSeeItem } from "./image-access";
import { resolveImagePath } from "./images";
import { audioSchema } from "./schema";

// The recording of a qa or dialogue item (issue 13), by item id: the review page's URL carries no
// file name. Same visibility as images (lib/items/image-access.ts). Browsers seek in audio with
// Range requests, so a range is answered with 206 and only its bytes, streamed from the file.

const TYPES: Record<string, string> = { ".mp3": "audio/mpeg", ".wav": "audio/wav", ".ogg": "audio/ogg", ".m4a": "audio/mp4" };

export type AudioFile = { file: string; size: number; contentType: string };

export async function loadItemAudioForActor(actor: Actor, itemId: string): Promise<AudioFile> {
  const item = await getDb().item.findFirst({ where: { id: itemId, kind: { in: ["QA", "DIALOGUE"] }, ...canSeeItem(actor) }, select: { input: true } });
  const src = audioSchema.safeParse((item?.input as { audio?: unknown } | null)?.audio).data?.src;
  const file = src ? resolveImagePath(src) : null;
  const info = file ? await stat(file).catch(() => null) : null;
  if (!file || !info?.isFile()) throw new NotFoundError("Audio not found.");
  return { file, size: info.size, contentType: TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream" };
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` as an inclusive range inside the file; null for none or several; "unsatisfiable" past the end. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | null | "unsatisfiable" {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === "" && m[2] === "")) return null;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    return suffix === 0 ? "unsatisfiable" : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start >= size || end < start ? "unsatisfiable" : { start, end };
}

/** The file, whole or the requested range, as a private, non-sniffable response. */
export function audioResponse(audio: AudioFile, rangeHeader: string | null): Response {
  const headers: Record<string, string> = {
    "Content-Type": audio.contentType,
    "Accept-Ranges": "bytes",
    "Cache-Control": "private, max-age=3600",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "X-Content-Type-Options": "nosniff",
  };
  const range = parseRange(rangeHeader, audio.size);
  if (range === "unsatisfiable") return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${audio.size}` } });
  const { start, end } = range ?? { start: 0, end: audio.size - 1 };
  const body = audio.size === 0 ? null : (Readable.toWeb(createReadStream(audio.file, { start, end })) as ReadableStream<Uint8Array>);
  return new Response(body, {
    status: range ? 206 : 200,
    headers: { ...headers, "Content-Length": String(audio.size === 0 ? 0 : end - start + 1), ...(range ? { "Content-Range": `bytes ${start}-${end}/${audio.size}` } : {}) },
  });
}
