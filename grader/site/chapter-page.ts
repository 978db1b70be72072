/**
 * One chapter's page: the lesson (with the SVG diagram in its "Diagram" section and the ASCII
 * version folded under it), then each exercise's contract (the stub's source, whose doc comments
 * state it), its hints folded one tier at a time, and the quiz, which quiz.js checks on the page
 * (each answer and explanation is in the markup, hidden until the reader answers).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Chapter, QuizQuestion } from "../manifest/types.ts";
import { STEPS } from "./architecture.ts";
import { renderDiagram } from "./diagram.ts";
import { anchor, enlargeButton, escapeHtml } from "./html.ts";
import type { Highlight } from "./highlight.ts";
import type { NavLink } from "./layout.ts";
import type { createMarkdown, Heading, RenderOptions, Section } from "./markdown.ts";

type Markdown = ReturnType<typeof createMarkdown>;

export interface ChapterPageInput {
  chapter: Chapter;
  root: string;
  md: Markdown;
  highlight: Highlight;
  resolveLink: (fromDir: string, href: string) => string | undefined;
  chapterHref: RenderOptions["chapterHref"];
}

export interface ChapterPage {
  body: string;
  headings: Heading[];
  sections: Section[];
  /** "On this page". */
  toc: NavLink[];
}

const HINT_TIERS = ["a nudge", "the approach", "nearly the answer"];

/** The step (1–12) a chapter draws, from its two-digit prefix; undefined past the map. */
export function stepOf(chapterId: string): number | undefined {
  const n = Number.parseInt(chapterId.slice(0, 2), 10);
  return STEPS.some((s) => s.n === n) ? n : undefined;
}

export function chapterPage({ chapter, root, md, highlight, resolveLink, chapterHref }: ChapterPageInput): ChapterPage {
  const n = stepOf(chapter.id);
  // A chapter past the map (13, the whole answer) draws the final architecture: every component.
  const last = STEPS.at(-1)!.n;
  const figure = n !== undefined ? diagramFigure(n, `The architecture at step ${n}: ${chapter.title}.`)
    : Number.parseInt(chapter.id.slice(0, 2), 10) > last ? diagramFigure(last, "The whole architecture: every component of the twelve chapters.") : "";
  let placed = false;
  const lessonDir = join("chapters", chapter.id);
  const links = (href: string) => resolveLink(lessonDir, href);
  const inline = (text: string) => md.inline(text, links, chapterHref);
  const lesson = md.render(readFileSync(chapter.lessonPath, "utf8"), {
    resolveLink: links,
    chapterHref,
    diagram: (ascii) => {
      placed = true;
      return `${figure}<details class="ascii"><summary>The same diagram as text (as in the terminal lesson)</summary>${ascii}</details>`;
    },
  });
  // A lesson without a "Diagram" section still gets its picture, right under the title.
  const contents = tocOf(lesson.headings, chapter.quiz.length > 0);
  const intro = `<p class="lead">${escapeHtml(chapter.summary)}</p>${placed ? "" : figure}${tocDetails(contents)}`;
  const html = insertAfterH1(lesson.html, intro);

  const exercises = chapter.exercises.map((exercise) => {
    const slug = exercise.id.split("/")[1]!;
    const file = `exercises/${exercise.id}.ts`;
    const stub = existsSync(join(root, file))
      ? highlight(readFileSync(join(root, file), "utf8"), "ts")
      : `<p>The stub <code>${escapeHtml(file)}</code> is not in the repository yet.</p>`;
    const hints = exercise.hints
      .map((hint, i) => `<details class="hint"><summary>Hint ${i + 1} · ${HINT_TIERS[i]}</summary><p>${inline(hint)}</p></details>`)
      .join("\n");
    return `<section class="exercise">
<h3 id="ex-${slug}">${escapeHtml(exercise.title)}${anchor(`ex-${slug}`, exercise.title)}</h3>
<p class="exercise-meta">${exercise.difficulty} · about ${exercise.minutes} min · edit <code>${escapeHtml(file)}</code> · grade with <code>npm run grade -- ${escapeHtml(exercise.id)}</code></p>
<p>The contract, in the stub's doc comments:</p>
${stub}
${hints}
</section>`;
  });

  const quiz = chapter.quiz.length === 0 ? "" : `<section class="quiz" data-quiz="${escapeHtml(chapter.id)}">
<h2 id="site-quiz">Quiz${anchor("site-quiz", "Quiz")}</h2>
<p>Check each answer here: the page explains it, and your score stays in this browser. The terminal
course (<code>npm start</code>) asks the same questions.</p>
<p class="quiz-score" aria-live="polite"></p>
<ol class="quiz-questions">${chapter.quiz.map((q, i) => `<li>${question(inline, q, i)}</li>`).join("\n")}</ol>
</section>`;

  const body = `<p class="step-of">${n === undefined ? "Chapter" : `Step ${n} of ${STEPS.length}`} · <a href="index.html">course map</a></p>
${html}
<h2 id="site-exercises">Exercise contracts and hints${anchor("site-exercises", "Exercise contracts and hints")}</h2>
${exercises.join("\n")}
${quiz}`;
  return { body, headings: lesson.headings, sections: lesson.sections, toc: contents };
}

function diagramFigure(n: number, caption: string): string {
  return `<figure class="architecture"><div class="diagram-scroll">${renderDiagram(n, { idPrefix: "ch", title: caption })}</div>${enlargeButton("the diagram")}` +
    `<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

function tocOf(headings: Heading[], hasQuiz: boolean): NavLink[] {
  const items = headings.filter((h) => h.level === 2).map((h) => ({ href: `#${h.id}`, label: h.text }));
  items.push({ href: "#site-exercises", label: "Exercise contracts and hints" });
  if (hasQuiz) items.push({ href: "#site-quiz", label: "Quiz" });
  return items;
}

/** The contents folded under the title (narrow screens; wide ones show the sticky side column). */
function tocDetails(items: NavLink[]): string {
  return `<details class="toc"><summary>On this page</summary><ul>${
    items.map((t) => `<li><a href="${t.href}">${escapeHtml(t.label)}</a></li>`).join("")}</ul></details>`;
}

function insertAfterH1(html: string, extra: string): string {
  const end = html.indexOf("</h1>");
  return end === -1 ? extra + html : html.slice(0, end + 5) + extra + html.slice(end + 5);
}

/** A quiz question as a form: the key is in data attributes and the explanation is hidden, both
 *  for quiz.js to reveal once the reader has answered. */
function question(inline: (text: string) => string, q: QuizQuestion, i: number): string {
  const name = `q${i + 1}`;
  const explanation = `<div class="quiz-explanation" hidden><p>${inline(q.explanation)}</p></div>`;
  const verdict = `<p class="quiz-verdict" aria-live="polite"></p>`;
  if (q.type === "choice") {
    const choices = q.choices.map((c, j) =>
      `<li><label><input type="radio" name="${name}" value="${j}"> ${inline(c)}</label></li>`).join("");
    return `<form class="quiz-q" data-type="choice" data-answer="${q.answer}"><p>${inline(q.question)}</p>` +
      `<ol type="a" class="quiz-choices">${choices}</ol><button type="submit">Check</button>${verdict}${explanation}</form>`;
  }
  const unit = q.unit ? ` <span class="quiz-unit">${escapeHtml(q.unit)}</span>` : "";
  return `<form class="quiz-q" data-type="numeric" data-answer="${q.answer}" data-tolerance="${q.tolerance}"><p>${inline(q.question)}</p>` +
    `<p><label>Your answer: <input type="number" name="${name}" step="any" inputmode="decimal" required></label>${unit}</p>` +
    `<button type="submit">Check</button>${verdict}${explanation}</form>`;
}
