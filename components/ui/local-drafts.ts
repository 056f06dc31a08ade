// Review drafts the autosave keeps in the browser (components/review/annotation-saver.ts writes
// them as `consilium:draft:<assignmentId>` → {baseVersion, data, pendingChanges, …}). On a shared
// ward computer they must not outlive the session, so sign-out counts and then deletes them.
export const DRAFT_PREFIX = "consilium:draft:";

type Store = Pick<Storage, "length" | "key" | "getItem" | "removeItem">;

function draftKeys(storage: Store): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(DRAFT_PREFIX)) keys.push(key);
  }
  return keys;
}

/** How many items have a local draft, and how many unsent changes they hold (at least 1 each). */
export function countDrafts(storage: Store): { items: number; changes: number } {
  let changes = 0;
  const keys = draftKeys(storage);
  for (const key of keys) {
    let pending = 1;
    try {
      const n = (JSON.parse(storage.getItem(key) ?? "null") as { pendingChanges?: unknown } | null)?.pendingChanges;
      if (typeof n === "number" && n > 0) pending = n;
    } catch {
      /* unreadable: still a draft, counted once */
    }
    changes += pending;
  }
  return { items: keys.length, changes };
}

export function clearDrafts(storage: Store): number {
  const keys = draftKeys(storage);
  for (const key of keys) storage.removeItem(key);
  return keys.length;
}
