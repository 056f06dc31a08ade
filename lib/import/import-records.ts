// What the readers (JSONL, CSV) hand to importItems: one record per item, or an error that is
// not about a single field's value (a line that cannot be read, a bad CSV header).

export type ImportError = { line: number; field: string; message: string };

/**
 * `errors`: problems a reader found in the value's source text (e.g. numbers it cannot hold).
 * `size`: the source text's length in characters, when the reader knows it (it bounds a chunk's memory).
 */
export type ImportRecord = { line: number; value: unknown; errors?: ImportError[]; size?: number } | { line: number; error: ImportError };
