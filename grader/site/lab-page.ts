/**
 * lab.html: the scale lab on the website. What it is, how to run it, and a sample report (from
 * grader/lab/sample-report.json) drawn by the same code as `npm run course -- lab --html FILE`,
 * so the page shows exactly what a learner's run produces. The sample is a real run's, made by
 * grader/site/lab-sample.ts (`node grader/site/bin/lab-sample.mjs`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../kit/settings.ts";
import { LAB_CSS, renderLabSection } from "../lab/html.ts";
import type { LabReport } from "../lab/report.ts";
import type { Highlight } from "./highlight.ts";
import { anchor, escapeHtml } from "./html.ts";
import type { NavLink } from "./layout.ts";

export const SAMPLE_REPORT = join(repoRoot, "grader", "lab", "sample-report.json");

export interface LabPageInput {
  report: LabReport;
  highlight: Highlight;
  /** A chapter's page, or an exercise's section on it; undefined when the site has no such page. */
  chapterHref: (chapter: string, exercise?: string) => string | undefined;
  /** The lab's guide (docs/lab.md) on the site, if there is one. */
  guideHref?: string;
}

export function loadSampleReport(path = SAMPLE_REPORT): LabReport {
  return JSON.parse(readFileSync(path, "utf8")) as LabReport;
}

const USAGE = `npm run course -- lab                      # your code: the stages whose exercises pass
npm run course -- lab flash-crowd          # another scenario
npm run course -- lab --stage 6            # stages 1..6 with your code as it is, passing or not
npm run course -- lab --solutions          # every stage with the reference solutions
npm run course -- lab --seed 7             # another seed: the same seed, the same run
npm run course -- lab --json lab.json      # the report as JSON (exit 1 when a check fails)
npm run course -- lab --html lab.html      # the report as one page, like the sample below`;

export const LAB_TOC: NavLink[] = [
  { href: "#what-it-is", label: "What it is" },
  { href: "#how-to-run-it", label: "How to run it" },
  { href: "#a-sample-report", label: "A sample report" },
];

export function labPage({ report, highlight, chapterHref, guideHref }: LabPageInput): string {
  const h2 = (id: string, text: string) => `<h2 id="${id}">${text}${anchor(id, text)}</h2>`;
  return `<h1>Scale lab</h1>
<p class="lead">Every exercise is graded alone, but an interview asks about the whole system. The
lab puts your own components together into the architecture the chapters build, runs it under a
day of traffic and a script of faults, and shows what each step bought and what broke.</p>
${h2("what-it-is", "What it is")}
<p>A simulation in virtual time, seeded, so the same seed always gives the same run. Your code makes
the real decisions (which server, cache hit or miss, which replica is promoted and what is lost,
which shard, how many servers); the simulation supplies service times, capacities and network delays
from the lessons' numbers.</p>
<ul>
<li><strong>Stages.</strong> The architecture grows chapter by chapter. A chapter's stage is in when
all its exercises pass their grader; the others are locked and the system runs without them.</li>
<li><strong>Scenarios.</strong> A normal day, a flash crowd, a web server and then the primary
database dying, a region going dark, a celebrity key.</li>
<li><strong>Checks.</strong> Invariants a correct system keeps, such as no acknowledged write lost
beyond what replication allows, or no user logged out when a web server dies. A failed check names
the chapter and exercise whose component caused it.</li>
</ul>
${guideHref ? `<p>The whole story, with every number the simulation uses: <a href="${guideHref}">the lab's guide</a>.</p>` : ""}
${h2("how-to-run-it", "How to run it")}
${highlight(USAGE, "sh")}
<p><code>--submission DIR</code> runs a submission's code behind the same boundary as grading.
The command exits 0 when every check of the stages that are in passes, 1 when one fails, and 2 on
bad usage; a progress bar shows on the terminal while it runs.</p>
${h2("a-sample-report", "A sample report")}
<p>What <code>--html</code> writes, for one run of one scenario. This one is a real run of
<code>${escapeHtml(report.scenario)}</code> at seed ${report.seed}, for a learner who has passed every
chapter but the locked ones and has since "simplified" their session manager into a bug: see which
check catches it. Your own run draws the stages you have unlocked.</p>
<style>${LAB_CSS}</style>
${renderLabSection(report, { headingLevel: 3, idPrefix: "lab", chapterHref })}`;
}
