/**
 * Progress on stderr: a redrawn bar with an ETA on a terminal, one plain line per student
 * otherwise (CI logs and pipes keep every line, and carriage returns would garble them).
 */
export interface Progress {
  done(line: string): void;
  finish(): void;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "--:--";
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, "0");
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** The bar's text: the ETA assumes the remaining students take as long as the finished ones. */
export function barText(done: number, total: number, elapsedMs: number, width = 30): string {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * width);
  const eta = done === 0 ? Number.NaN : ((elapsedMs / done) * (total - done)) / 1000;
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${Math.floor(share * 100)}% · elapsed ${formatDuration(elapsedMs / 1000)} · ETA ${formatDuration(eta)}`;
}

export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  let done = 0;
  const tty = Boolean(stream.isTTY);
  const draw = () => stream.write(`\r\x1b[2K${barText(done, total, Date.now() - started)}`);
  // Redraw once a second too, so the elapsed time moves while a slow student is graded.
  const timer = tty ? setInterval(draw, 1000) : undefined;
  timer?.unref();
  if (tty) draw();
  return {
    done(line) {
      done++;
      if (tty) {
        stream.write(`\r\x1b[2K${line}\n`);
        draw();
      } else {
        stream.write(`[${done}/${total}] ${line}\n`);
      }
    },
    finish() {
      if (timer) clearInterval(timer);
      if (tty) stream.write(`\r\x1b[2K${barText(done, total, Date.now() - started)}\n`);
    },
  };
}
