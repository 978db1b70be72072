/**
 * The home page: what the course is, how to start, and the course map, which shows the
 * architecture growing over all twelve steps. A step whose chapter is in the course links to it;
 * the others are listed (greyed) so the reader sees where the course is going.
 */
import type { Chapter, Course } from "../manifest/types.ts";
import { architectureAt, STEPS } from "./architecture.ts";
import { renderDiagram } from "./diagram.ts";
import { enlargeButton, escapeHtml } from "./html.ts";
import { stepOf } from "./chapter-page.ts";
import type { Guide } from "./guide-page.ts";
import type { Highlight } from "./highlight.ts";

export function homePage(course: Course, guides: Guide[], highlight: Highlight): string {
  const byStep = new Map<number, Chapter>();
  for (const chapter of course.chapters) {
    const n = stepOf(chapter.id);
    if (n !== undefined && !byStep.has(n)) byStep.set(n, chapter);
  }
  const cards = STEPS.map((step) => {
    const chapter = byStep.get(step.n);
    const nn = String(step.n).padStart(2, "0");
    const title = chapter ? `<a href="${chapter.id}.html">${escapeHtml(chapter.title)}</a>` : escapeHtml(step.title);
    const text = chapter ? chapter.summary : `${step.adds}. (Chapter not published yet.)`;
    const svg = renderDiagram(step.n, { idPrefix: "map", fixedFrame: true, title: `The architecture at step ${step.n}: ${step.title}` });
    return `<li class="${chapter ? "published" : "planned"}"><span class="step">Step ${nn}</span><h3>${title}</h3><p>${escapeHtml(text)}</p>` +
      `<div class="thumb">${svg}<p class="thumb-adds">${escapeHtml(addedAt(step.n))}</p>${enlargeButton(`the diagram of step ${step.n}`)}</div></li>`;
  });
  // Chapters beyond the twelve steps (a bonus chapter, say) are still reachable from the map.
  const extra = course.chapters
    .filter((c) => stepOf(c.id) === undefined)
    .map((c) => `<li><a href="${c.id}.html">${escapeHtml(c.title)}</a>: ${escapeHtml(c.summary)}</li>`);
  const guideList = guides.map((g) => `<li><a href="${g.page}">${escapeHtml(g.title)}</a></li>`).join("");
  const start = highlight("npm ci && npm start                      # start the course\nnpm run grade -- 06-cache/lru-cache      # grade one exercise", "sh");

  return `<h1>${escapeHtml(course.title)}</h1>
<p class="lead">Twelve steps that grow one web application from a single server to sharded databases
in several data centers. Each chapter has a lesson written for system-design interviews and
TypeScript exercises graded by property-based tests that show you the smallest scenario your code
gets wrong.</p>
${start}
<p>Read a chapter, open its stub in <code>exercises/</code>, write it, grade it, and replay the
smallest failing case until it passes.</p>
<p>Then watch your components work together: <a href="lab.html">the scale lab</a> runs them as one
system under traffic and faults.</p>
<h2 id="course-map">The course map</h2>
<p>The architecture at each step. ${byStep.size} of ${STEPS.length} chapters are published.</p>
<ol class="course-map">
${cards.join("\n")}
</ol>
${extra.length ? `<h2 id="more-chapters">More chapters</h2><ul>${extra.join("")}</ul>` : ""}
${guides.length ? `<h2 id="guides">Guides</h2><ul class="guides">${guideList}</ul>` : ""}`;
}

/** In words, what the thumbnail of step `n` adds (outlined in it): on a phone, where the
 *  thumbnail is too small for its labels, this line says it. */
function addedAt(n: number): string {
  // By label: step 2's "Web server" is a new box (app only) but not a new kind of thing.
  const before = new Set(architectureAt(n - 1).boxes.map((b) => b.label));
  const added = architectureAt(n).boxes.filter((b) => !before.has(b.label) && b.kind !== "frame").map((b) => b.label);
  return n === 1 ? `Starts with: ${added.join(", ")}.` : added.length ? `Adds: ${added.join(", ")}.` : "";
}
