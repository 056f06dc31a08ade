/**
 * The block of the review form a server-reported problem is about, from its path
 * ("responses.<id>.ratings.<axis>", "responses.<id>.criteria", "item.ratings.<axis>", "pair.ratings.<axis>",
 * "turns.<id>.<position>.ratings.<axis>"),
 * so the list of missing ratings can take the reviewer straight to each one.
 */
export function findProblemTarget(root: HTMLElement, path: string): HTMLElement | null {
  const parts = path.split(".");
  let scope: Element | null = root;
  let rest = parts;
  if (parts[0] === "responses") {
    scope = root.querySelector(`[data-response-id="${CSS.escape(parts[1] ?? "")}"]`);
    rest = parts.slice(2);
  } else if (parts[0] === "item") {
    scope = root.querySelector('[data-block="item"]');
    rest = parts.slice(1);
  } else if (parts[0] === "references") {
    const card = root.querySelector(`[data-response-id="${CSS.escape(parts[1] ?? "")}"]`);
    return card?.querySelector<HTMLElement>('[data-nav="statement"]') ?? null;
  } else if (parts[0] === "turns") {
    // "turns.<responseId>.<position>.ratings.<axis>": the axis in that turn's row of the transcript.
    const card = root.querySelector(`[data-response-id="${CSS.escape(parts[1] ?? "")}"]`);
    scope = card?.querySelector(`[data-turn="${CSS.escape(parts[2] ?? "")}"]`) ?? null;
    rest = parts.slice(3);
  } else if (parts[0] === "morePairs") {
    // "morePairs.<left>~<right>.ratings.<axis>": the axis in that pair's comparison (decision 035).
    scope = root.querySelector(`[data-pair="${CSS.escape(parts[1] ?? "")}"]`);
    rest = parts.slice(2);
  } else if (parts[0] === "pair") {
    scope = root.querySelector('[data-testid="pairwise"]');
    rest = parts.slice(1);
  }
  if (!scope) return null;
  const [field, key] = rest;
  if (field === "ratings" && key) return scope.querySelector<HTMLElement>(`[data-axis="${CSS.escape(key)}"]`);
  if (field === "criteria") return scope.querySelector<HTMLElement>('[data-nav="criterion"]');
  if (field === "entries") return scope.querySelector<HTMLElement>('[data-nav="entry"]');
  return scope.querySelector<HTMLElement>("[data-nav]");
}

export function jumpToProblem(root: HTMLElement | null, path: string) {
  const target = root ? findProblemTarget(root, path) : null;
  if (!target) return;
  target.scrollIntoView({ block: "center" });
  target.focus();
}
