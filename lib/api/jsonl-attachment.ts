/** Small JSONL downloads built in memory (a project's consensus or qualification records): one record per line, as an attachment. */
export function jsonlAttachment(records: readonly unknown[], filename: string): Response {
  const body = records.map((r) => JSON.stringify(r)).join("\n");
  return new Response(body ? `${body}\n` : "", {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" },
  });
}
