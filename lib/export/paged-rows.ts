/** Rows handed out between two turns of the event loop while the next page is arriving. */
const YIELD_EVERY = 100;

/**
 * Keyset pages of rows, one row at a time, with the next page already requested. Every
 * YIELD_EVERY rows we let the event loop run so the next page's rows are read off the socket as
 * PostgreSQL sends them: otherwise the server stalls on a full socket buffer and we then wait for
 * the rest of the page (bench, 100k: idle time fell from ~1/3 to <1/10 of the export, JSONL and
 * CSV ~20% faster).
 */
export async function* pagedRows<R extends { id: string }>(fetchPage: (after: string | undefined) => Promise<R[]>, pageSize: number): AsyncGenerator<R> {
  const request = (after: string | undefined) => {
    const page = fetchPage(after);
    // Awaited below; this only keeps a consumer that stops early from leaving an unhandled rejection.
    page.catch(() => {});
    return page;
  };
  let next = request(undefined);
  for (;;) {
    const page = await next;
    const more = page.length === pageSize;
    if (more) next = request(page[page.length - 1].id);
    let done = 0;
    for (const row of page) {
      if (more && ++done % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      yield row;
    }
    if (!more) return;
  }
}

/** The same pages as whole arrays (consumers that handle a page at a time skip a generator step per row). */
export async function* pagedBatches<R extends { id: string }>(fetchPage: (after: string | undefined) => Promise<R[]>, pageSize: number): AsyncGenerator<R[]> {
  let next = fetchPage(undefined);
  next.catch(() => {});
  for (;;) {
    const page = await next;
    const more = page.length === pageSize;
    if (more) {
      next = fetchPage(page[page.length - 1].id);
      next.catch(() => {});
    }
    if (!more) {
      if (page.length) yield page;
      return;
    }
    for (let i = 0; i < page.length; i += YIELD_EVERY) {
      if (i) await new Promise((resolve) => setImmediate(resolve));
      yield page.slice(i, i + YIELD_EVERY);
    }
  }
}
