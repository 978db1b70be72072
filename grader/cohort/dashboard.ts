/**
 * dashboard.html: the class at a glance, for the instructor. One self-contained file: inline CSS
 * and inline SVG, no script and no external asset, so it opens offline and cannot fail to load.
 */
import { exerciseMaxima, propertyStats, totalMax } from "./class-stats.ts";
import { chapterMaxima } from "./gradebook.ts";
import type { ReportContext } from "./report-context.ts";
import type { StudentResult } from "./student-result.ts";
import { escapeHtml as h, histogramSvg, rateBarSvg } from "./svg-chart.ts";

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1d2330}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #dde}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eef;vertical-align:top}
th{background:#f4f6fb}.num{text-align:right;font-variant-numeric:tabular-nums}.charts{display:flex;flex-wrap:wrap;gap:1rem}
.bar{fill:#4a6fd8}.count,.label{font-size:10px;fill:#445}.title{font-size:12px;font-weight:600;fill:#1d2330}.axis{stroke:#889}
.track{fill:#e6e9f2}.fail{fill:#d8574a}.muted{color:#667}code{font-size:12px}`;

function table(headers: string[], rows: string[][], numeric: number[] = []): string {
  if (rows.length === 0) return `<p class="muted">None.</p>`;
  const cell = (tag: string, i: number, v: string) => `<${tag}${numeric.includes(i) ? ' class="num"' : ""}>${v}</${tag}>`;
  return `<table><thead><tr>${headers.map((x, i) => cell("th", i, h(x))).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((v, i) => cell("td", i, v)).join("")}</tr>`)
    .join("")}</tbody></table>`;
}

export function dashboardHtml(context: ReportContext, results: Map<string, StudentResult>, generatedAt = new Date().toISOString()): string {
  const all = context.students.map((s) => results.get(s.id)).filter((r): r is StudentResult => Boolean(r));
  const scored = all.filter((r) => r.status !== "error");
  const maxima = exerciseMaxima(all);
  const max = totalMax(maxima);
  const perChapter = chapterMaxima(context, all);
  const charts = [
    histogramSvg(`Overall score (out of ${max})`, scored.map((r) => r.score), max),
    ...[...perChapter].map(([chapter, chapterMax]) =>
      histogramSvg(`${chapter} (out of ${chapterMax})`, scored.map((r) => r.exercises.filter((e) => e.chapter === chapter).reduce((s, e) => s + e.score, 0)), chapterMax),
    ),
  ];
  const stats = propertyStats(all);
  const rate = (s: { failed: number; graded: number }) => (s.graded === 0 ? 0 : s.failed / s.graded);
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const propertyRows = stats.map((s) => [`<code>${h(s.exercise)}</code>`, String(s.index), h(s.name), `${rateBarSvg(rate(s))} ${pct(rate(s))}`, `${s.failed}/${s.graded}`]);
  const common = [...stats].filter((s) => s.failed > 0).sort((a, b) => b.failed - a.failed || rate(b) - rate(a)).slice(0, 10);
  const commonRows = common.map((s, i) => [String(i + 1), h(s.name), `<code>${h(s.exercise)}</code> #${s.index}`, String(s.failed)]);
  const errored = all.filter((r) => r.errors.length > 0 || r.status === "error");
  const errorRows = errored.map((r) => [h(r.studentId), h(r.name), h(r.status), h(r.errors.join("\n").slice(0, 600)).replaceAll("\n", "<br>")]);
  const problemRows = context.rosterProblems.map((p) => [String(p.line), h(p.studentId ?? ""), h(p.problem)]);
  const counts = (status: string) => all.filter((r) => r.status === status).length;
  const mean = scored.length ? scored.reduce((s, r) => s + r.score, 0) / scored.length : 0;
  const sortedScores = scored.map((r) => r.score).sort((a, b) => a - b);
  const median = sortedScores.length ? sortedScores[Math.floor((sortedScores.length - 1) / 2)]! : 0;
  const deadlines = context.assignments.map((a) => [h(a.name), h(a.deadline), a.exerciseIds.map((id) => `<code>${h(id)}</code>`).join(" ")]);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${h(context.cohortName)} · cohort dashboard</title><link rel="icon" href="data:,"><style>${STYLE}</style></head>
<body>
<h1>${h(context.cohortName)}</h1>
<p>${all.length} of ${context.students.length} students graded · ${counts("ok")} on time · ${counts("late")} late · ${counts("missing")} missing · ${counts("error")} errored ·
mean ${mean.toFixed(1)} / median ${median} of ${max} points · ${context.runs} runs per property · generated ${h(generatedAt)}</p>
<h2>Assignments</h2>${table(["assignment", "deadline", "exercises"], deadlines)}
<h2>Score distributions</h2><p class="muted">Errored submissions are left out of the charts.</p><div class="charts">${charts.join("")}</div>
<h2>Most common failing properties</h2>${table(["#", "property", "exercise", "students failing"], commonRows, [0, 3])}
<h2>Failure rate of every property</h2>${table(["exercise", "#", "property", "failure rate", "failed / graded"], propertyRows, [1, 4])}
<h2>Submissions that errored</h2>${table(["student", "name", "status", "errors"], errorRows)}
<h2>Roster problems</h2>${table(["line", "student", "problem"], problemRows, [0])}
</body></html>
`;
}
