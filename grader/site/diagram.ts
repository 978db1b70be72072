/**
 * Draws one step of the architecture (architecture.ts) as SVG.
 *
 * Colours come from currentColor and CSS variables (--dg-*), so the same markup reads in the
 * light and the dark theme: inline in a page, the site's stylesheet sets the variables and the
 * theme toggle recolours it at once; as a standalone file (`standalone: true`) it carries its own
 * small stylesheet that follows prefers-color-scheme.
 */
import { architectureAt, BOXES, type Arrow, type Box } from "./architecture.ts";
import { escapeHtml } from "./html.ts";

const PITCH_X = 190; // grid column spacing
const PITCH_Y = 90; // grid row spacing
const BOX_W = 150;
const BOX_H = 50;
const FRAME_PAD = 14; // a frame's margin around the boxes it encloses
const FRAME_TOP = 22; // extra room for a frame's own label
const MARGIN = 8;

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

function rectOf(box: Box): Rect {
  const w = ((box.cols ?? 1) - 1) * PITCH_X + BOX_W;
  const h = ((box.rows ?? 1) - 1) * PITCH_Y + BOX_H;
  const r = { x: box.col * PITCH_X, y: box.row * PITCH_Y, w, h };
  if (box.kind !== "frame") return r;
  return { x: r.x - FRAME_PAD, y: r.y - FRAME_PAD - FRAME_TOP, w: r.w + 2 * FRAME_PAD, h: r.h + 2 * FRAME_PAD + FRAME_TOP };
}

/** Where the ray from the rectangle's centre towards (tx, ty) leaves the rectangle. */
function edgePoint(r: Rect, tx: number, ty: number): [number, number] {
  const cx = r.x + r.w / 2;
  const cy = r.y + r.h / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  const scale = Math.min(dx === 0 ? Infinity : r.w / 2 / Math.abs(dx), dy === 0 ? Infinity : r.h / 2 / Math.abs(dy));
  return [cx + dx * scale, cy + dy * scale];
}

const f = (n: number) => String(Math.round(n * 10) / 10);

function drawBox(box: Box, r: Rect, step: number, before: Set<string>): string {
  const cx = r.x + r.w / 2;
  if (box.kind === "frame") {
    return `<g class="dg-frame"><rect x="${f(r.x)}" y="${f(r.y)}" width="${f(r.w)}" height="${f(r.h)}" rx="10"/>` +
      `<text x="${f(r.x + 10)}" y="${f(r.y + 17)}">${escapeHtml(box.label)}</text></g>`;
  }
  // What this step adds (an id the step before did not show) is outlined in the accent colour,
  // so the growth is visible at a glance.
  const cls = `dg-box${box.kind === "external" ? " dg-external" : ""}${step > 1 && !before.has(box.id) ? " dg-new" : ""}`;
  // A stack (a shard with its replicas): two copies peek out behind the box.
  const copies = box.kind !== "stack" ? "" : [8, 4].map((d) =>
    `<rect class="dg-copy" x="${f(r.x + d)}" y="${f(r.y + d)}" width="${f(r.w)}" height="${f(r.h)}" rx="6"/>`).join("");
  const labelY = box.sub ? r.y + r.h / 2 - 3 : r.y + r.h / 2 + 5;
  const sub = box.sub ? `<text class="dg-sub" x="${f(cx)}" y="${f(r.y + r.h / 2 + 14)}">${escapeHtml(box.sub)}</text>` : "";
  return `<g class="${cls}">${copies}<rect x="${f(r.x)}" y="${f(r.y)}" width="${f(r.w)}" height="${f(r.h)}" rx="6"/>` +
    `<text x="${f(cx)}" y="${f(labelY)}">${escapeHtml(box.label)}</text>${sub}</g>`;
}

function drawArrow(arrow: Arrow, from: Rect, to: Rect, markerId: string): string {
  const [x1, y1] = edgePoint(from, to.x + to.w / 2, to.y + to.h / 2);
  const [x2, y2] = edgePoint(to, from.x + from.w / 2, from.y + from.h / 2);
  const dash = arrow.dashed ? ' stroke-dasharray="5 4"' : "";
  const start = arrow.both ? ` marker-start="url(#${markerId})"` : "";
  let out = `<line class="dg-arrow" x1="${f(x1)}" y1="${f(y1)}" x2="${f(x2)}" y2="${f(y2)}"${dash}${start} marker-end="url(#${markerId})"/>`;
  if (arrow.label) {
    // The label sits on the middle of the visible segment, on a patch of background colour.
    const mx = (x1 + x2) / 2;
    const my = (y1 + y2) / 2;
    const w = arrow.label.length * 6.4 + 8;
    out += `<g class="dg-label"><rect x="${f(mx - w / 2)}" y="${f(my - 9)}" width="${f(w)}" height="16" rx="3"/>` +
      `<text x="${f(mx)}" y="${f(my + 3)}">${escapeHtml(arrow.label)}</text></g>`;
  }
  return out;
}

/** Shared look of every diagram; the colours themselves are variables. Scoped to .diagram
 *  because a <style> inside inline SVG applies to the whole page. The site's stylesheet includes it. */
export const DIAGRAM_CSS = `
.diagram .dg-box rect{fill:var(--dg-box);stroke:currentColor;stroke-width:1.2}
.diagram .dg-external rect{fill:var(--dg-external)}
.diagram .dg-new rect{stroke:var(--dg-new);stroke-width:2.4}
.diagram .dg-frame rect{fill:none;stroke:var(--dg-frame);stroke-dasharray:6 5;stroke-width:1.2}
.diagram text{fill:currentColor;font:600 13px system-ui,-apple-system,"Segoe UI",sans-serif;text-anchor:middle}
.diagram .dg-frame text{fill:var(--dg-frame);font-size:12px;text-anchor:start}
.diagram .dg-sub{font-weight:400;font-size:11px;opacity:.75}
.diagram .dg-arrow{stroke:currentColor;stroke-width:1.3}
.diagram .dg-label rect{fill:var(--dg-bg)}
.diagram .dg-label text{font-weight:400;font-size:11px}
`;

/** The stylesheet a standalone .svg file carries (a page supplies these variables itself). */
const STANDALONE_STYLE = `<style>${DIAGRAM_CSS}
svg{color:#1f2328;--dg-bg:#ffffff;--dg-box:#f0f4f9;--dg-external:#fff8e6;--dg-frame:#6b7280;--dg-new:#0b5fce}
@media (prefers-color-scheme:dark){svg{color:#e6edf3;--dg-bg:#0d1117;--dg-box:#1b2430;--dg-external:#2b2414;--dg-frame:#9aa4b2;--dg-new:#4493f8}}
</style>`;

export interface DiagramOptions {
  /** Carry its own colours (for a .svg file); otherwise the page's CSS variables are used. */
  standalone?: boolean;
  /** Unique per page, because marker ids are document-wide. */
  idPrefix?: string;
  title?: string;
  /** Frame every step alike (the extent of all twelve) instead of cropping to this step's boxes:
   *  side by side on the course map, the components then appear in place as the steps go on. */
  fixedFrame?: boolean;
}

/** The architecture at step `n` (1–12) as an SVG document fragment. */
export function renderDiagram(n: number, options: DiagramOptions = {}): string {
  const { boxes, arrows } = architectureAt(n);
  const rects = new Map(boxes.map((b) => [b.id, rectOf(b)]));
  const before = new Set(architectureAt(n - 1).boxes.map((b) => b.id));
  const all = options.fixedFrame ? BOXES.map(rectOf) : [...rects.values()];
  const minX = Math.min(...all.map((r) => r.x)) - MARGIN;
  const minY = Math.min(...all.map((r) => r.y)) - MARGIN;
  const width = Math.max(...all.map((r) => r.x + r.w)) + MARGIN - minX;
  const height = Math.max(...all.map((r) => r.y + r.h)) + MARGIN - minY;
  const markerId = `${options.idPrefix ?? "dg"}-arrow-${n}`;
  const titleId = `${options.idPrefix ?? "dg"}-title-${n}`;
  const title = options.title ?? `The architecture at step ${n}`;
  // Frames first, so boxes and arrows are drawn over them.
  const ordered = [...boxes].sort((a, b) => Number(b.kind === "frame") - Number(a.kind === "frame"));
  const parts = [
    options.standalone ? STANDALONE_STYLE : "",
    `<defs><marker id="${markerId}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">` +
      `<path d="M0,0 L10,5 L0,10 z" fill="currentColor"/></marker></defs>`,
    ...ordered.map((b) => drawBox(b, rects.get(b.id)!, n, before)),
    ...arrows.map((a) => drawArrow(a, rects.get(a.from)!, rects.get(a.to)!, markerId)),
  ];
  const xmlns = options.standalone ? ' xmlns="http://www.w3.org/2000/svg"' : "";
  return `<svg${xmlns} class="diagram" viewBox="${f(minX)} ${f(minY)} ${f(width)} ${f(height)}" width="${f(width)}" height="${f(height)}" role="img" aria-labelledby="${titleId}">` +
    `<title id="${titleId}">${escapeHtml(title)}</title>${parts.join("")}</svg>`;
}
