/**
 * One chapter's page: the lesson (with the SVG diagram in its "Diagram" section and the ASCII
 * version folded under it), then each exercise's contract (the stub's source, whose doc comments
 * state it), its hints folded one tier at a time, and the quiz without its answers.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Chapter, QuizQuestion } from "../manifest/types.ts";
import { STEPS } from "./architecture.ts";
import { renderDiagram } from "./diagram.ts";
import { escapeHtml } from "./html.ts";
import type { Highlight } from "./highlight.ts";
import type { createMarkdown, Heading, Term } from "./markdown.ts";

type Markdown = ReturnType<typeof createMarkdown>;

export interface ChapterPageInput {
  chapter: Chapter;
  root: string;
  md: Markdown;
  highlight: Highlight;
  resolveLink: (fromDir: string, href: string) => string | undefined;
}

export interface ChapterPage {
  body: string;
  headings: Heading[];
  terms: Term[];
}

const HINT_TIERS = ["a nudge", "the approach", "nearly the answer"];

/** The step (1–12) a chapter draws, from its two-digit prefix; undefined past the map. */
export function stepOf(chapterId: string): number | undefined {
  const n = Number.parseInt(chapterId.slice(0, 2), 10);
  return STEPS.some((s) => s.n === n) ? n : undefined;
}

export function chapterPage({ chapter, root, md, highlight, resolveLink }: ChapterPageInput): ChapterPage {
  const n = stepOf(chapter.id);
  // A chapter past the map (13, the whole answer) draws the final architecture: every component.
  const last = STEPS.at(-1)!.n;
  const figure = n !== undefined ? diagramFigure(n, `The architecture at step ${n}: ${chapter.title}.`)
    : Number.parseInt(chapter.id.slice(0, 2), 10) > last ? diagramFigure(last, "The whole architecture: every component of the twelve chapters.") : "";
  let placed = false;
  const lessonDir = join("chapters", chapter.id);
  const links = (href: string) => resolveLink(lessonDir, href);
  const lesson = md.render(readFileSync(chapter.lessonPath, "utf8"), {
    resolveLink: links,
    diagram: (ascii) => {
      placed = true;
      return `${figure}<details class="ascii"><summary>The same diagram as text (as in the terminal lesson)</summary>${ascii}</details>`;
    },
  });
  // A lesson without a "Diagram" section still gets its picture, right under the title.
  const intro = `<p class="lead">${escapeHtml(chapter.summary)}</p>${placed ? "" : figure}${toc(lesson.headings, chapter.quiz.length > 0)}`;
  const html = insertAfterH1(lesson.html, intro);

  const exercises = chapter.exercises.map((exercise) => {
    const slug = exercise.id.split("/")[1]!;
    const file = `exercises/${exercise.id}.ts`;
    const stub = existsSync(join(root, file))
      ? highlight(readFileSync(join(root, file), "utf8"), "ts")
      : `<p>The stub <code>${escapeHtml(file)}</code> is not in the repository yet.</p>`;
    const hints = exercise.hints
      .map((hint, i) => `<details class="hint"><summary>Hint ${i + 1} · ${HINT_TIERS[i]}</summary><p>${md.inline(hint, links)}</p></details>`)
      .join("\n");
    return `<section class="exercise">
<h3 id="ex-${slug}">${escapeHtml(exercise.title)}</h3>
<p class="exercise-meta">${exercise.difficulty} · about ${exercise.minutes} min · edit <code>${escapeHtml(file)}</code> · grade with <code>npm run grade -- ${escapeHtml(exercise.id)}</code></p>
<p>The contract, in the stub's doc comments:</p>
${stub}
${hints}
</section>`;
  });

  const quiz = chapter.quiz.length === 0 ? "" : `<h2 id="site-quiz">Quiz</h2>
<p>Answer in the terminal with <code>npm start</code>, which checks your answers and explains each one.</p>
<ol class="quiz">${chapter.quiz.map((q) => `<li>${question(md, q, links)}</li>`).join("\n")}</ol>`;

  const body = `<p class="step-of">${n === undefined ? "Chapter" : `Step ${n} of ${STEPS.length}`} · <a href="index.html">course map</a></p>
${html}
<h2 id="site-exercises">Exercise contracts and hints</h2>
${exercises.join("\n")}
${quiz}`;
  return { body, headings: lesson.headings, terms: lesson.terms };
}

function diagramFigure(n: number, caption: string): string {
  return `<figure class="architecture">${renderDiagram(n, { idPrefix: "ch", title: caption })}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

function toc(headings: Heading[], hasQuiz: boolean): string {
  const items = headings.filter((h) => h.level === 2).map((h) => `<li><a href="#${h.id}">${escapeHtml(h.text)}</a></li>`);
  items.push(`<li><a href="#site-exercises">Exercise contracts and hints</a></li>`);
  if (hasQuiz) items.push(`<li><a href="#site-quiz">Quiz</a></li>`);
  return `<details class="toc"><summary>On this page</summary><ul>${items.join("")}</ul></details>`;
}

function insertAfterH1(html: string, extra: string): string {
  const end = html.indexOf("</h1>");
  return end === -1 ? extra + html : html.slice(0, end + 5) + extra + html.slice(end + 5);
}

/** A quiz question as the learner sees it before answering: no answer, no explanation. */
function question(md: Markdown, q: QuizQuestion, links: (href: string) => string | undefined): string {
  if (q.type === "choice") {
    return `<p>${md.inline(q.question, links)}</p><ol type="a">${q.choices.map((c) => `<li>${md.inline(c, links)}</li>`).join("")}</ol>`;
  }
  const unit = q.unit ? ` (in ${escapeHtml(q.unit)})` : "";
  return `<p>${md.inline(q.question, links)}</p><p class="exercise-meta">Answer with a number${unit}.</p>`;
}
