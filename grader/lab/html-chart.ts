/**
 * A small SVG line chart for the lab report: one series over simulated time, the scenario's
 * faults as dashed vertical lines with their labels. No library: a polyline, two axes and a few
 * ticks are all a time series of a run needs.
 *
 * The chart is drawn in a fixed coordinate space (viewBox) and scales with its box, so it fits a
 * phone as well as a wide screen; colours come from CSS (classes under .lab-chart).
 */
import { escapeHtml } from "../site/html.ts";

const W = 480; // viewBox width
const H = 210; // viewBox height
const LEFT = 44; // room for the y labels
const RIGHT = 10;
const TOP = 40; // room for two rows of fault labels
const BOTTOM = 22; // room for the x labels
const LABEL_CHARS = 26; // a fault label longer than this is cut in the chart (the page lists it whole)

export interface ChartInput {
  title: string;
  values: number[];
  /** Width of one point, simulated seconds. */
  bucketS: number;
  faults: { atS: number; label: string }[];
}

const r1 = (n: number) => String(Math.round(n * 10) / 10);

/** The smallest of 1, 2, 2.5, 5 × 10^k that is at least `n` (a y-axis top a reader can read). */
export function niceCeil(n: number): number {
  if (!(n > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= n) return step * power;
  return 10 * power;
}

/** 1234 -> "1.2k", 2500000 -> "2.5M"; small numbers keep up to one decimal. */
export function compact(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${r1(n / 1e9)}G`;
  if (abs >= 1e6) return `${r1(n / 1e6)}M`;
  if (abs >= 1e3) return `${r1(n / 1e3)}k`;
  return r1(n);
}

/** Simulated seconds as a clock: "1:05:00" past an hour, "4:10" past a minute, else "42s". */
export function clock(seconds: number): string {
  const s = Math.round(seconds);
  const two = (n: number) => String(n).padStart(2, "0");
  if (s >= 3600) return `${Math.floor(s / 3600)}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
  if (s >= 60) return `${Math.floor(s / 60)}:${two(s % 60)}`;
  return `${s}s`;
}

export function lineChart({ title, values, bucketS, faults }: ChartInput): string {
  const points = values.filter((v) => Number.isFinite(v));
  const spanS = Math.max(values.length * bucketS, bucketS, 1);
  const top = niceCeil(Math.max(0, ...points));
  const x = (s: number) => LEFT + (Math.min(Math.max(s, 0), spanS) / spanS) * (W - LEFT - RIGHT);
  const y = (v: number) => H - BOTTOM - (v / top) * (H - TOP - BOTTOM);
  const parts: string[] = [`<title>${escapeHtml(title)}</title>`];

  for (const v of [0, top / 2, top]) {
    parts.push(`<line class="grid" x1="${LEFT}" y1="${r1(y(v))}" x2="${W - RIGHT}" y2="${r1(y(v))}"/>`,
      `<text class="y" x="${LEFT - 4}" y="${r1(y(v) + 4)}">${compact(v)}</text>`);
  }
  for (let i = 0; i <= 4; i++) {
    const s = (spanS * i) / 4;
    const anchor = i === 0 ? "start" : i === 4 ? "end" : "middle";
    parts.push(`<text class="x" x="${r1(x(s))}" y="${H - 6}" text-anchor="${anchor}">${clock(s)}</text>`);
  }
  if (points.length === 0) {
    parts.push(`<text class="empty" x="${W / 2}" y="${H / 2}">no data</text>`);
  } else {
    // Each point stands for its bucket; it is drawn at the bucket's middle.
    const coords = values.map((v, i) => (Number.isFinite(v) ? `${r1(x((i + 0.5) * bucketS))},${r1(y(v))}` : ""))
      .filter(Boolean).join(" ");
    parts.push(`<polyline class="line" points="${coords}"/>`);
  }
  faults.forEach((fault, i) => {
    const fx = x(fault.atS);
    const row = TOP - 26 + (i % 2) * 13; // alternate rows, so neighbouring labels do not overprint
    const chars = [...fault.label]; // code points: a cut never splits an emoji
    const text = `${i + 1} ${chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS - 1).join("")}…` : fault.label}`;
    const anchor = fx > W * 0.6 ? "end" : "start";
    const dx = anchor === "end" ? -3 : 3;
    parts.push(`<g class="fault"><title>${escapeHtml(`${clock(fault.atS)} ${fault.label}`)}</title>` +
      `<line x1="${r1(fx)}" y1="${row - 9}" x2="${r1(fx)}" y2="${H - BOTTOM}"/>` +
      `<text x="${r1(fx + dx)}" y="${row}" text-anchor="${anchor}">${escapeHtml(text)}</text></g>`);
  });
  return `<svg class="lab-chart-svg" viewBox="0 0 ${W} ${H}" role="img" preserveAspectRatio="xMidYMid meet">${parts.join("")}</svg>`;
}
