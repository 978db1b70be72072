/**
 * The interview's command-line glue: the mode itself (interview.ts) and its scripted prompter,
 * which answers from a JSON file so the interview runs without a terminal (tests, scripts).
 */
import { readFileSync } from "node:fs";
import { messages } from "../messages.ts";
import { CourseUsageError } from "./context.ts";
import { scriptedPrompter, type Prompter } from "./prompts.ts";

export { findPrompt, interviewCommand } from "./interview.ts";

/** Answers in order: numbers for estimates, choice text or its index for the choices. */
export function scriptFromFile(file: string): Prompter {
  let answers: unknown;
  try {
    answers = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CourseUsageError(messages.interview.badAnswers(file, (error as Error).message));
  }
  if (!Array.isArray(answers) || !answers.every((a) => typeof a === "number" || typeof a === "string")) {
    throw new CourseUsageError(messages.interview.badAnswers(file, "not an array of numbers and strings"));
  }
  const inner = scriptedPrompter(answers as (string | number)[]);
  return {
    confirm: inner.confirm,
    number: inner.number,
    // A number picks by position (0 = first shown); a string must be the choice's text.
    async select(message, choices) {
      const picked = await inner.select(message, choices.map((c) => ({ ...c, name: c.name })));
      const byText = choices.find((c) => c.message === picked);
      return byText ? byText.name : picked;
    },
  };
}
