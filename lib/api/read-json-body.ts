import { iterateChunks } from "@/lib/streams/iterate-chunks";

/** An error with an HTTP status and a message safe to show (mapped by withApiAuth's errorResponse). */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = "ApiError";
  }
}

/** JSON bodies larger than this are refused unless a route says otherwise. */
export const DEFAULT_JSON_LIMIT = 256 * 1024;

/**
 * Reads a request body as text with a size cap. Reading stops as soon as the cap is passed, so a
 * 10 MB annotation never reaches the parser or the database (413 instead).
 */
export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) throw new ApiError(413, tooLarge(maxBytes));
  const parts: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    for await (const chunk of iterateChunks(req.body)) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new ApiError(413, tooLarge(maxBytes));
      parts.push(chunk);
    }
  }
  return new TextDecoder().decode(Buffer.concat(parts));
}

function tooLarge(maxBytes: number) {
  const size = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${Math.round(maxBytes / 1024)} KB`;
  return `The request body is larger than ${size}; nothing was saved.`;
}
