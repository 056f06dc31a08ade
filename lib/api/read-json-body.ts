import { iterateChunks } from "@/lib/streams/iterate-chunks";

/** An error with an HTTP status and a message safe to show (mapped by withApiAuth's errorResponse). */
export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = "HttpError";
  }
}

/**
 * Reads a JSON request body with a size cap. The body is read in chunks and reading stops as soon as
 * the cap is passed, so a 10 MB annotation never reaches the parser or the database (413). A body that
 * is not declared as JSON (415; a cross-site form can only send text/plain or form encodings) or is
 * not valid JSON (400) is refused with a plain message.
 */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type.trim())) throw new HttpError(415, "Send the body as JSON (Content-Type: application/json).");
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) throw new HttpError(413, tooLarge(maxBytes));
  const parts: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    for await (const chunk of iterateChunks(req.body)) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new HttpError(413, tooLarge(maxBytes));
      parts.push(chunk);
    }
  }
  const text = new TextDecoder().decode(Buffer.concat(parts));
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "The request body is not valid JSON.");
  }
}

function tooLarge(maxBytes: number) {
  return `The request body is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; nothing was saved.`;
}
