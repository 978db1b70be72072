/**
 * Reads a child's stdout or stderr without letting it flood the caller: everything is drained
 * (a full pipe would block the child), but only the first `limit` bytes are kept.
 */
import type { Readable } from "node:stream";

export interface CappedOutput {
  text(): string;
  /** Bytes received beyond the limit (0 when nothing was cut). */
  dropped(): number;
}

export function capOutput(stream: Readable, limit: number): CappedOutput {
  const kept: Buffer[] = [];
  let size = 0;
  let dropped = 0;
  stream.on("data", (chunk: Buffer) => {
    const room = limit - size;
    if (room > 0) {
      const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
      kept.push(part);
      size += part.length;
    }
    dropped += Math.max(0, chunk.length - Math.max(0, room));
  });
  return {
    text: () => Buffer.concat(kept).toString("utf8") + (dropped ? `\n… (${dropped} more bytes of output were cut)\n` : ""),
    dropped: () => dropped,
  };
}
