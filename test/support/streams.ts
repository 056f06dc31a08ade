/** Objects as the JSONL lines an import reads (importItems' `lines`). */
export async function* jsonLines(list: readonly unknown[]) {
  yield* list.map((l) => JSON.stringify(l));
}

/** A text stream (an export) read whole. */
export async function collectText(gen: AsyncGenerator<string>) {
  let out = "";
  for await (const c of gen) out += c;
  return out;
}
