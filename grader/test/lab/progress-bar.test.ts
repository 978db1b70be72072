/**
 * The lab's terminal progress bar: silent off a terminal, at most one draw per interval however
 * often it is ticked (the clock read only every few ticks), and its line cleared at the end.
 */
import { describe, expect, test } from "vitest";
import { createProgressBar } from "../../lab/progress-bar.ts";

function fakeStream(isTTY: boolean, columns = 80) {
  const writes: string[] = [];
  return { writes, isTTY, columns, write(chunk: string) { writes.push(chunk); return true; } };
}

describe("createProgressBar", () => {
  test("writes nothing when the stream is not a terminal", () => {
    const stream = fakeStream(false);
    const bar = createProgressBar(stream, 100, { now: () => 0 });
    for (let i = 0; i < 100; i++) bar.tick();
    bar.done();
    expect(stream.writes).toEqual([]);
  });

  test("draws at most once per 100 ms and reads the clock only every checkEvery ticks", () => {
    const stream = fakeStream(true);
    let t = 0;
    let clockReads = 0;
    const now = () => { clockReads++; return t; };
    const bar = createProgressBar(stream, 10_000, { now, checkEvery: 100 });
    for (let i = 0; i < 10_000; i++) {
      bar.tick();
      t += 0.05; // 10,000 ticks over 500 ms of fake time
    }
    expect(clockReads).toBeLessThanOrEqual(10_000 / 100 + 1);
    expect(stream.writes.length).toBeGreaterThanOrEqual(4);
    expect(stream.writes.length).toBeLessThanOrEqual(6); // 500 ms at 10 draws a second, plus the first
    expect(stream.writes[0]).toMatch(/^\r\x1b\[2Klab \[-+\]\s+0% 1 \/ 10,000$/);
    expect(stream.writes.at(-1)).toMatch(/8\d% [\d,]+ \/ 10,000$/);
  });

  test("shows the fraction done, never past 100 %, and fits the terminal's width", () => {
    const stream = fakeStream(true, 60);
    let t = 0;
    const bar = createProgressBar(stream, 40, { now: () => (t += 1000), checkEvery: 1 });
    bar.tick(10);
    bar.tick(30);
    bar.tick(5);
    expect(stream.writes[0]).toContain(" 25% 10 / 40");
    expect(stream.writes[1]).toContain("100% 40 / 40");
    expect(stream.writes[2]).toContain("100% 40 / 40");
    for (const line of stream.writes) expect(line.replace("\r\x1b[2K", "").length).toBeLessThanOrEqual(60);
    const filled = /\[(#*)(-*)\]/.exec(stream.writes[0]!)!;
    expect(filled[1]!.length / (filled[1]!.length + filled[2]!.length)).toBeCloseTo(0.25, 1);
  });

  test("done() clears the line once, and only if something was drawn", () => {
    const quiet = fakeStream(true);
    createProgressBar(quiet, 10).done();
    expect(quiet.writes).toEqual([]);
    const stream = fakeStream(true);
    const bar = createProgressBar(stream, 10, { now: () => 0 });
    bar.tick();
    bar.done();
    bar.done();
    bar.tick();
    expect(stream.writes.slice(1)).toEqual(["\r\x1b[2K"]);
  });
});
