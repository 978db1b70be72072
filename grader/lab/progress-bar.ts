/**
 * A one-line progress bar on the terminal while the lab runs: `[#########-----]  64%  640,000 / 1,000,000`.
 *
 * It draws only on a terminal (a pipe or a file gets nothing, so `--json` output and CI logs stay
 * clean), and it is cheap to call once per simulated request: the clock is read only every
 * `checkEvery` ticks (a counter, not a timer, so the simulation stays free of real timers and the
 * process never waits on one), and the line is redrawn at most ten times a second.
 */

export interface ProgressBar {
  /** `n` more units done (default 1). */
  tick(n?: number): void;
  /** Clears the bar's line (if one was drawn), leaving the cursor at its start. */
  done(): void;
}

export interface ProgressBarOptions {
  /** Milliseconds, monotonic; tests pass a fake clock. Default: performance.now. */
  now?: () => number;
  /** Read the clock once per this many units ticked. Default 1024. */
  checkEvery?: number;
  /** Shortest time between two draws, ms. Default 100 (10 draws a second). */
  intervalMs?: number;
  /** Words before the bar. Default "lab". */
  label?: string;
}

type Stream = Pick<NodeJS.WriteStream, "write"> & { isTTY?: boolean; columns?: number };

const CLEAR_LINE = "\r\x1b[2K";

export function createProgressBar(stream: Stream, total: number, options: ProgressBarOptions = {}): ProgressBar {
  const now = options.now ?? (() => performance.now());
  const checkEvery = Math.max(1, options.checkEvery ?? 1024);
  const intervalMs = options.intervalMs ?? 100;
  const label = options.label ?? "lab";
  const tty = stream.isTTY === true;
  let done = 0;
  let sinceCheck = 0;
  let lastDraw = -Infinity;
  let drawn = false;
  let finished = false;

  const draw = () => {
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const counts = `${Math.min(done, total).toLocaleString("en-US")} / ${total.toLocaleString("en-US")}`;
    const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
    // The bar takes what the line leaves, within reason; never wider than the terminal.
    const room = (stream.columns ?? 80) - label.length - percent.length - counts.length - 6;
    const width = Math.max(0, Math.min(40, room));
    const filled = Math.round(fraction * width);
    const bar = width > 0 ? ` [${"#".repeat(filled)}${"-".repeat(width - filled)}]` : "";
    stream.write(`${CLEAR_LINE}${label}${bar} ${percent} ${counts}`);
    drawn = true;
  };

  return {
    tick(n = 1) {
      if (!tty || finished) return;
      done += n;
      sinceCheck += n;
      if (drawn && sinceCheck < checkEvery) return;
      sinceCheck = 0;
      const t = now();
      if (t - lastDraw < intervalMs) return;
      lastDraw = t;
      draw();
    },
    done() {
      if (finished) return;
      finished = true;
      if (tty && drawn) stream.write(CLEAR_LINE);
    },
  };
}
