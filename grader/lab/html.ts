/**
 * The scale lab's report as HTML (`npm run course -- lab --html FILE`, and the website's lab
 * page): the architecture of the stages in use (the site's own diagram code), what each stage
 * bought, the run over time with the faults marked, and the checks.
 *
 * `renderLabHtml` makes one self-contained page: inline CSS and SVG, no script, nothing fetched,
 * so the file opens anywhere, offline. `renderLabSection` is its body, which the site embeds.
 * Every text that comes from the report is escaped (a scenario name or message may hold < & ").
 */
import { dirname, relative, resolve, sep } from "node:path";
import { STEPS } from "../site/architecture.ts";
import { DIAGRAM_CSS, renderDiagram } from "../site/diagram.ts";
import { escapeHtml } from "../site/html.ts";
import { clock, compact, lineChart } from "./html-chart.ts";
import { LAB_REPORT_VERSION, type CheckResult, type LabReport, type Metrics, type Series, type StageReport } from "./report.ts";

export interface LabHtmlOptions {
  /** Where a chapter's lesson is (an exercise's section, when given); undefined: no link.
   *  Default: the site's page name, "06-cache.html" (and "#ex-lru-cache" for an exercise). */
  chapterHref?: (chapter: string, exercise?: string) => string | undefined;
  /** Level of the report's own heading (its parts are one below). Default 2. */
  headingLevel?: 1 | 2 | 3;
  /** Unique per page: the diagram's marker ids are document-wide. */
  idPrefix?: string;
}

/** The site's URL scheme: every page sits in one folder, a chapter is "<folder>.html", an
 *  exercise's section is "#ex-<name>". */
export function siteChapterHref(chapter: string, exercise?: string): string {
  const slug = exercise?.slice(exercise.indexOf("/") + 1);
  return `${chapter}.html${slug ? `#ex-${slug}` : ""}`;
}

/** Links for a report written to `htmlFile` that open the lessons of the site built in `siteDir`
 *  (`npm run docs` builds it in docs/site/): relative, so they work from file:// too. */
export function siteLinksFrom(htmlFile: string, siteDir: string): (chapter: string, exercise?: string) => string {
  const rel = relative(dirname(resolve(htmlFile)), resolve(siteDir)).split(sep).map(encodeURIComponent).join("/");
  return (chapter, exercise) => `${rel ? `${rel}/` : ""}${siteChapterHref(chapter, exercise)}`;
}

const SOURCES: Record<LabReport["source"], string> = {
  learner: "your code in exercises/",
  solutions: "the reference solutions",
  submission: "a submission",
};

// Near 100 % the decimals matter (99.9 % vs 99.99 % is ten times the downtime), so they grow.
const pct = (ratio: number) => `${(ratio * 100).toFixed(ratio >= 0.9999 && ratio < 1 ? 3 : ratio >= 0.99 && ratio < 1 ? 2 : 1)}%`;
const int = (n: number) => Math.round(n).toLocaleString("en-US");
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : int(n)} ms`;

/** The per-stage table's columns, in order. */
const COLUMNS: [keyof Metrics, string, (n: number) => string][] = [
  ["requests", "Requests", int],
  ["errors", "Errors", int],
  ["availability", "Availability", pct],
  ["p50Ms", "p50", ms],
  ["p99Ms", "p99", ms],
  ["dbQueriesPerSecond", "DB queries/s", int],
  ["cacheHitRatio", "Cache hits", pct],
  ["cdnHitRatio", "CDN hits", pct],
  ["maxServers", "Servers (max)", int],
  ["maxWorkers", "Workers (max)", int],
  ["acknowledgedWritesLost", "Acked writes lost", int],
  ["failedSessionReads", "Failed session reads", int],
  ["costPerHourUsd", "Cost per hour", (n) => `$${n.toFixed(2)}`],
];

const CHARTS: [Exclude<keyof Series, "bucketS">, string][] = [
  ["load", "Load (requests)"],
  ["errors", "Errors"],
  ["p99Ms", "p99 latency (ms)"],
  ["dbQps", "Database queries per second"],
  ["servers", "Web servers"],
  ["workers", "Queue workers"],
];

/** The report's look, scoped to .lab-report; colours are the site's variables (--fg, --muted,
 *  --border, --surface, --right, --wrong, --dg-*), which the standalone page defines itself. */
export const LAB_CSS = `
.lab-report { overflow-wrap: anywhere; }
.lab-report .lab-meta { display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 0; list-style: none; color: var(--muted); }
.lab-report .lab-meta strong { color: var(--fg); }
.lab-report .lab-scroll { max-width: 100%; overflow-x: auto; }
.lab-report figure { margin: 1em 0; padding: 10px; border: 1px solid var(--border); border-radius: 8px; }
.lab-report figcaption { font-size: 14px; color: var(--muted); text-align: center; margin-top: 6px; }
.lab-report svg.diagram { display: block; max-width: 100%; height: auto; margin: 0 auto; color: var(--fg); }
.lab-report table { border-collapse: collapse; font-size: 14px; margin: 0; }
.lab-report th, .lab-report td { font-weight: 400; padding: 4px 8px; border-bottom: 1px solid var(--border); text-align: right; white-space: nowrap; overflow-wrap: normal; }
.lab-report thead th { font-weight: 600; }
.lab-report th:first-child, .lab-report td:first-child, .lab-report td.reason { text-align: left; }
.lab-report tr.locked td, .lab-report tr.locked th { color: var(--muted); background: var(--surface); }
.lab-report td.reason { white-space: normal; min-width: 16em; font-style: italic; }
.lab-report .lab-charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 380px), 1fr)); gap: 12px; }
.lab-report .lab-charts figure { margin: 0; }
.lab-report .lab-chart-svg { display: block; width: 100%; height: auto; color: var(--fg); }
.lab-report .lab-chart-svg text { fill: currentColor; font: 12px system-ui, -apple-system, "Segoe UI", sans-serif; }
.lab-report .lab-chart-svg text.y { text-anchor: end; }
.lab-report .lab-chart-svg text.empty { text-anchor: middle; fill: var(--muted); }
.lab-report .lab-chart-svg .grid { stroke: var(--border); stroke-width: 1; }
.lab-report .lab-chart-svg .line { fill: none; stroke: var(--accent); stroke-width: 1.8; stroke-linejoin: round; }
.lab-report .lab-chart-svg .fault line { stroke: var(--wrong); stroke-width: 1.2; stroke-dasharray: 4 3; }
.lab-report .lab-chart-svg .fault text { fill: var(--wrong); font-size: 11px; }
.lab-report .scroll-note { display: none; }
/* On a phone the diagram keeps a readable size and scrolls sideways inside its figure. */
@media (max-width: 600px) {
  .lab-report .lab-diagram svg.diagram { max-width: none; width: 640px; }
  .lab-report .scroll-note { display: block; margin: 4px 0 0; font-size: 13px; color: var(--muted); text-align: center; }
}
.lab-report .lab-checks { list-style: none; padding: 0; }
.lab-report .lab-checks li { margin: 0 0 10px; padding: 8px 10px; border: 1px solid var(--border); border-left-width: 4px; border-radius: 6px; }
.lab-report .lab-checks li.pass { border-left-color: var(--right); }
.lab-report .lab-checks li.fail { border-left-color: var(--wrong); }
.lab-report .lab-checks p { margin: 4px 0 0; }
.lab-report .verdict { font-weight: 700; margin-right: 6px; }
.lab-report .pass .verdict { color: var(--right); }
.lab-report .fail .verdict { color: var(--wrong); }
.lab-report .where { color: var(--muted); font-size: 14px; }
`;

const stepOf = (chapter: string) => Number.parseInt(chapter.slice(0, 2), 10);
const chapterLabel = (s: { chapter: string; title?: string }) => `${s.chapter.slice(0, 2)} · ${s.title ?? s.chapter}`;

function link(href: string | undefined, html: string): string {
  return href === undefined ? html : `<a href="${escapeHtml(href)}">${html}</a>`;
}

/** The report's body: summary, diagram, stages, charts, faults, checks. */
export function renderLabSection(report: LabReport, options: LabHtmlOptions = {}): string {
  if (report?.version !== LAB_REPORT_VERSION) throw new Error(`not a lab report this page can draw: version ${JSON.stringify(report?.version)}, expected ${LAB_REPORT_VERSION}`);
  const h = options.headingLevel ?? 2;
  const hx = (level: number, text: string) => `<h${level}>${text}</h${level}>`;
  const href = options.chapterHref ?? siteChapterHref;
  const titles = new Map(report.stages.map((s) => [s.chapter, s.title]));
  const checksPassed = report.checks.filter((c) => c.status === "pass").length;
  const stagesIn = report.stages.filter((s) => s.status === "in");
  const replay = `npm run course -- lab ${report.scenario} --seed ${report.seed}${report.source === "solutions" ? " --solutions" : ""}`;
  return `<section class="lab-report">
${hx(h, `Scenario <code>${escapeHtml(report.scenario)}</code>, seed ${escapeHtml(String(report.seed))}`)}
<ul class="lab-meta">
<li>Components: <strong>${escapeHtml(SOURCES[report.source] ?? String(report.source))}</strong></li>
<li>Simulated: <strong>${clock(report.simulatedSeconds)}</strong> (${int(report.simulatedSeconds)} s)</li>
<li>Requests: <strong>${int(report.requests)}</strong></li>
<li>Stages in: <strong>${stagesIn.length} of ${report.stages.length}</strong></li>
<li>Checks passed: <strong>${checksPassed} of ${report.checks.length}</strong></li>
</ul>
<p>Run it again: <code>${escapeHtml(replay)}</code></p>
${hx(h + 1, "The architecture in use")}
${diagram(report.stages, options.idPrefix ?? "lab")}
${hx(h + 1, "What each stage bought")}
${stageTable(report, href)}
${hx(h + 1, "The run over time")}
<p>The run with every stage that is in, one point per ${int(report.series.bucketS)} simulated seconds; dashed lines mark the faults.</p>
<div class="lab-charts">${CHARTS.map(([key, title]) =>
    `<figure class="lab-chart">${lineChart({ title, values: report.series[key] ?? [], bucketS: report.series.bucketS, faults: report.faults })}<figcaption>${escapeHtml(title)}</figcaption></figure>`).join("\n")}</div>
${faultList(report.faults)}
${hx(h + 1, "Checks")}
${checkList(report.checks, titles, href)}
${skipped(report.skippedChecks ?? [], titles)}
</section>`;
}

function diagram(stages: StageReport[], idPrefix: string): string {
  const inSteps = stages.filter((s) => s.status === "in").map((s) => stepOf(s.chapter)).filter((n) => STEPS.some((x) => x.n === n));
  const n = Math.max(1, ...inSteps);
  const step = STEPS.find((x) => x.n === n)!;
  const locked = stages.filter((s) => s.status === "locked" && stepOf(s.chapter) <= n);
  const caption = `The architecture at step ${n} (${step.title}), the highest stage that is in.` +
    (locked.length ? ` Locked below it, so the run goes without them: ${locked.map((s) => chapterLabel(s)).join(", ")}.` : "");
  const later = stages.filter((s) => s.status === "locked" && stepOf(s.chapter) > n);
  const svg = renderDiagram(n, { idPrefix, title: `The architecture at step ${n}: ${step.title}` });
  return `<figure class="lab-diagram"><div class="lab-scroll">${svg}</div><p class="scroll-note">Scroll sideways to see the whole diagram.</p><figcaption>${escapeHtml(caption)}</figcaption></figure>` +
    (later.length || locked.length ? `<p>Locked stages: ${[...locked, ...later].map((s) => escapeHtml(chapterLabel(s))).join(", ")}.</p>` : "");
}

function stageTable(report: LabReport, href: NonNullable<LabHtmlOptions["chapterHref"]>): string {
  const head = `<tr><th scope="col">Stage</th><th scope="col">Status</th>${COLUMNS.map(([, label]) => `<th scope="col">${label}</th>`).join("")}</tr>`;
  const rows = report.stages.map((s) => {
    const name = `<th scope="row">${link(href(s.chapter), escapeHtml(chapterLabel(s)))}</th>`;
    if (s.status === "locked") {
      return `<tr class="locked">${name}<td>locked</td>` +
        `<td class="reason" colspan="${COLUMNS.length}">${escapeHtml(s.reason ?? "locked")}</td></tr>`;
    }
    const cells = COLUMNS.map(([key, , format]) => {
      const v = s.metrics?.[key];
      return `<td>${typeof v === "number" && Number.isFinite(v) ? escapeHtml(format(v)) : "—"}</td>`;
    });
    return `<tr class="in">${name}<td>in</td>${cells.join("")}</tr>`;
  });
  const scale = report.stageRowScale && report.stageRowScale !== 1
    ? `<p>In the per-stage rows each simulated request stands for ${escapeHtml(compact(report.stageRowScale))} requests.</p>` : "";
  return `<p>Each row is the whole system with the stages up to it that are in; a locked stage's row says why it is out.</p>
<div class="lab-scroll"><table class="lab-stages"><thead>${head}</thead><tbody>${rows.join("\n")}</tbody></table></div>${scale}`;
}

function faultList(faults: LabReport["faults"]): string {
  if (faults.length === 0) return "<p>No faults in this scenario.</p>";
  return `<p>Faults:</p><ol class="lab-faults">${faults.map((f) =>
    `<li><strong>${clock(f.atS)}</strong> ${escapeHtml(f.label)}</li>`).join("")}</ol>`;
}

function checkList(checks: CheckResult[], titles: Map<string, string>, href: NonNullable<LabHtmlOptions["chapterHref"]>): string {
  if (checks.length === 0) return "<p>No checks ran.</p>";
  // Failures first: they are what the reader came for.
  const ordered = [...checks.filter((c) => c.status === "fail"), ...checks.filter((c) => c.status !== "fail")];
  const items = ordered.map((c) => {
    const status = c.status === "fail" ? "fail" : "pass";
    const chapter = link(href(c.chapter), escapeHtml(chapterLabel({ chapter: c.chapter, title: titles.get(c.chapter) })));
    const exercise = c.exercise ? ` · ${link(href(c.chapter, c.exercise), `<code>${escapeHtml(c.exercise)}</code>`)}` : "";
    const grade = status === "fail" && c.exercise ? `<p>Grade it: <code>npm run grade -- ${escapeHtml(c.exercise)}</code></p>` : "";
    return `<li class="${status}"><span class="verdict">${status === "fail" ? "✗ fail" : "✓ pass"}</span><strong>${escapeHtml(c.name)}</strong>` +
      ` <span class="where">${chapter}${exercise}</span><p>${escapeHtml(c.message)}</p>${grade}</li>`;
  });
  return `<ul class="lab-checks">${items.join("\n")}</ul>`;
}

function skipped(list: { name: string; chapter: string }[], titles: Map<string, string>): string {
  if (list.length === 0) return "";
  return `<p>Not run, because their stage is locked:</p><ul class="lab-skipped">${list.map((c) =>
    `<li>${escapeHtml(c.name)} <span class="where">(${escapeHtml(chapterLabel({ chapter: c.chapter, title: titles.get(c.chapter) }))})</span></li>`).join("")}</ul>`;
}

/** The standalone page's colours: the site's light set, and its dark set when the system prefers dark. */
const PAGE_CSS = `
:root { --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --surface: #f6f8fa; --accent: #0b5fce;
  --right: #1a7f37; --wrong: #cf222e; --dg-bg: var(--bg); --dg-box: #eef3fa; --dg-external: #fff6e0; --dg-frame: #6b7280; --dg-new: var(--accent);
  color-scheme: light dark; }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --surface: #151b23;
  --accent: #4493f8; --right: #3fb950; --wrong: #f85149; --dg-box: #1b2430; --dg-external: #2b2414; --dg-frame: #9aa4b2; } }
* { box-sizing: border-box; }
html, body { background: var(--bg); color: var(--fg); }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 12px 16px 40px; min-width: 0; }
a { color: var(--accent); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
h1 { font-size: 1.6em; margin: .4em 0; }
`;

/** One self-contained HTML page of the report (no external asset, no script). */
export function renderLabHtml(report: LabReport, options: LabHtmlOptions = {}): string {
  const section = renderLabSection(report, { headingLevel: 2, ...options });
  const title = `Scale lab · ${report.scenario} · seed ${report.seed} · ${report.source}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PAGE_CSS}${DIAGRAM_CSS}${LAB_CSS}</style>
</head>
<body>
<main>
<h1>Scale lab report</h1>
${section}
</main>
</body>
</html>
`;
}
