// A one-line progress bar on stderr, drawn only on a terminal (scripts and CI get clean output).
export function createProgress(label: string, total: number | null, stream: NodeJS.WriteStream = process.stderr) {
  const enabled = Boolean(stream.isTTY);
  let last = 0;
  const started = Date.now();
  const draw = (done: number, force = false) => {
    if (!enabled) return;
    const now = Date.now();
    if (!force && now - last < 100) return;
    last = now;
    const rate = done / Math.max((now - started) / 1000, 0.001);
    const tail = `${done.toLocaleString("en")}${total ? `/${total.toLocaleString("en")}` : ""} · ${Math.round(rate).toLocaleString("en")}/s`;
    if (total) {
      const ratio = Math.min(1, done / total);
      const width = 30;
      const filled = Math.round(ratio * width);
      stream.write(`\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${Math.round(ratio * 100)}% ${tail}\x1b[K`);
    } else {
      stream.write(`\r${label} ${tail}\x1b[K`);
    }
  };
  return {
    update: (done: number) => draw(done),
    finish: (done: number) => {
      draw(done, true);
      if (enabled) stream.write("\n");
    },
  };
}
