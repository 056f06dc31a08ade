// The answer of the import routes (items, judge results): NDJSON progress lines while the import
// runs, then one result line. The status is 200 once the stream starts, so a failure that happens
// later is a result line too — never a half-sent body without a verdict.

type Progress = Record<string, unknown>;

export function importProgressResponse(run: (onProgress: (p: Progress) => void) => Promise<object>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: object) => controller.enqueue(encoder.encode(JSON.stringify(event) + "\n"));
      try {
        send({ type: "result", ...(await run((p) => send({ type: "progress", ...p }))) });
      } catch (error) {
        console.error(error);
        send({ type: "result", ok: false, errors: [{ line: 0, field: "(server)", message: "The import failed on the server; nothing was imported." }], errorCount: 1, lines: 0 });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}
