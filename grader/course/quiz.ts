/**
 * `npm run course -- quiz <chapter>`: the chapter's questions one by one (a list to choose from,
 * or a number to type), the explanation after each answer, right or wrong, then the score. The
 * score and the best score so far are saved in the progress file.
 */
import type { ChoiceQuestion, NumericQuestion, QuizQuestion } from "../manifest/types.ts";
import { messages } from "../messages.ts";
import { findChapter, type CourseContext } from "./context.ts";
import { updateProgress } from "./progress-store.ts";
import type { Prompter } from "./prompts.ts";
import { paint } from "./terminal.ts";

export function isRight(question: QuizQuestion, answer: number | string | undefined): boolean {
  if (answer === undefined) return false;
  if (question.type === "choice") return Number(answer) === question.answer;
  return Math.abs(Number(answer) - question.answer) <= question.tolerance + 1e-9;
}

export function rightAnswer(question: QuizQuestion): string {
  return question.type === "choice"
    ? (question as ChoiceQuestion).choices[question.answer]
    : `${question.answer}${(question as NumericQuestion).unit ? ` ${(question as NumericQuestion).unit}` : ""}`;
}

export async function quizCommand(ctx: CourseContext, selector: string | undefined, prompter: Prompter): Promise<number> {
  const chapter = findChapter(ctx.course, selector);
  if (chapter.quiz.length === 0) {
    console.log(messages.course.quizEmpty(chapter.id));
    return 0;
  }
  const p = paint(ctx.color);
  console.log(p("bold", messages.course.quizHeader(chapter.title, chapter.quiz.length)));
  let score = 0;
  for (const [i, question] of chapter.quiz.entries()) {
    const label = `${i + 1}/${chapter.quiz.length}. ${question.question}`;
    let answer: number | undefined;
    if (question.type === "choice") {
      const picked = await prompter.select(label, question.choices.map((c, k) => ({ name: String(k), message: c })));
      answer = picked === undefined ? undefined : Number(picked);
    } else {
      answer = await prompter.number(`${label}${question.unit ? ` (${question.unit})` : ""}`);
    }
    if (answer === undefined && i === 0) {
      console.log(messages.course.quizCancelled(chapter.id));
      return 0;
    }
    const right = isRight(question, answer);
    if (right) score += 1;
    console.log(right ? p("green", messages.course.quizRight) : p("red", messages.course.quizWrong(rightAnswer(question))));
    console.log(p("dim", question.explanation), "\n");
  }
  const total = chapter.quiz.length;
  updateProgress(ctx.progressFile, (progress) => {
    const best = Math.max(score, progress.quizzes[chapter.id]?.best ?? 0);
    progress.quizzes[chapter.id] = { score, total, best, takenAt: new Date().toISOString() };
  });
  console.log(p("bold", messages.course.quizScore(score, total)));
  console.log(messages.course.quizNext(chapter.id, chapter.exercises[0].id));
  return 0;
}
