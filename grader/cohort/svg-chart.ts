/**
 * Inline SVG charts for the dashboard: drawn as markup, so the page needs no script, no library
 * and no network (it must open from a file or an e-mail attachment).
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Counts of `values` in `bins` equal ranges of [0, max]; the top bin includes max itself. */
export function histogram(values: number[], max: number, bins = 10): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) {
    const i = max <= 0 ? 0 : Math.min(bins - 1, Math.max(0, Math.floor((v / max) * bins)));
    counts[i]!++;
  }
  return counts;
}

/** A histogram of scores out of `max`, with a title and axis labels readable in the SVG itself. */
export function histogramSvg(title: string, values: number[], max: number, bins = 10): string {
  const counts = histogram(values, max, bins);
  const width = 360;
  const height = 180;
  const left = 30;
  const bottom = 30;
  const top = 24;
  const plotW = width - left - 10;
  const plotH = height - top - bottom;
  const peak = Math.max(1, ...counts);
  const barW = plotW / bins;
  const bars = counts
    .map((count, i) => {
      const h = (count / peak) * plotH;
      const from = Math.round(((max * i) / bins) * 10) / 10;
      const to = Math.round(((max * (i + 1)) / bins) * 10) / 10;
      const x = left + i * barW;
      return (
        `<rect x="${x.toFixed(1)}" y="${(top + plotH - h).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${h.toFixed(1)}" class="bar">` +
        `<title>${from}–${to}: ${count} student(s)</title></rect>` +
        (count > 0 ? `<text x="${(x + barW / 2 - 1).toFixed(1)}" y="${(top + plotH - h - 3).toFixed(1)}" text-anchor="middle" class="count">${count}</text>` : "")
      );
    })
    .join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(title)}">` +
    `<text x="${left}" y="14" class="title">${escapeHtml(title)}</text>` +
    `<line x1="${left}" y1="${top + plotH}" x2="${width - 10}" y2="${top + plotH}" class="axis"/>` +
    bars +
    `<text x="${left}" y="${height - 10}" class="label">0</text>` +
    `<text x="${width - 10}" y="${height - 10}" text-anchor="end" class="label">${max} points</text>` +
    `<text x="${left + plotW / 2}" y="${height - 10}" text-anchor="middle" class="label">n = ${values.length}</text>` +
    `</svg>`
  );
}

/** A horizontal bar for a rate in [0, 1], sized for a table cell. */
export function rateBarSvg(rate: number): string {
  const w = Math.round(Math.max(0, Math.min(1, rate)) * 120);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="124" height="12" viewBox="0 0 124 12" aria-hidden="true"><rect x="0" y="1" width="120" height="10" class="track"/><rect x="0" y="1" width="${w}" height="10" class="fail"/></svg>`;
}
