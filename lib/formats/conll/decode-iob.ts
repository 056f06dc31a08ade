// IOB2 tags to labelled token ranges, the reading conlleval uses (CoNLL-2000's evaluation
// script): B-X starts an X, I-X continues an X, and an I-X that follows O or another label starts
// a new X rather than being an error, so files written by other tools still read. A sentence or
// document boundary ends any open range (the caller decodes each sentence on its own).

export type TagRange = { label: string; from: number; to: number };

export const IOB2_TAG = /^(?:O|[BI]-[A-Za-z][A-Za-z0-9_-]*)$/;

/** Ranges [from, to) of token positions for tags that are all valid IOB2 (check with IOB2_TAG first). */
export function decodeIob(tags: readonly string[]): TagRange[] {
  const ranges: TagRange[] = [];
  let open: TagRange | null = null;
  tags.forEach((tag, i) => {
    const label = tag.slice(2);
    if (open && tag.startsWith("I-") && open.label === label) {
      open.to = i + 1;
      return;
    }
    if (open) ranges.push(open);
    open = tag === "O" ? null : { label, from: i, to: i + 1 };
  });
  if (open) ranges.push(open);
  return ranges;
}
