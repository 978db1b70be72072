/**
 * `npm start` and `npm run course -- <command>`: the learner's loop. This file only parses the
 * command line and dispatches; each mode is its own module. Exit codes: 0 done, 1 the command
 * ran and something is not right yet (a failing grade, a refused reset), 2 a bad argument (the
 * message lists what exists).
 */
import { parseArgs } from "node:util";
import { ManifestError } from "../manifest/load.ts";
import { messages } from "../messages.ts";
import { createContext, CourseUsageError, findChapter } from "./context.ts";
import { gradeCommand } from "./grading.ts";
import { hintCommand } from "./hint.ts";
import { findPrompt, interviewCommand, scriptFromFile } from "./interview-cli.ts";
import { menuCommand } from "./menu.ts";
import { progressCommand } from "./progress.ts";
import { terminalPrompter } from "./prompts.ts";
import { quizCommand } from "./quiz.ts";
import { readCommand } from "./read.ts";
import { resetCommand } from "./reset.ts";
import { solutionCommand } from "./solution.ts";
import { snapshotPristine } from "./stub-source.ts";
import { watchCommand } from "./watch.ts";

const COMMANDS = ["start", "progress", "read", "watch", "grade", "hint", "reset", "solution", "quiz", "interview", "help"] as const;

export async function main(argv: string[]): Promise<number> {
  // Instructors' commands have their own options: hand them over before parsing ours.
  if (argv[0] === "cohort") return (await import("../cohort/cli.ts")).main(argv.slice(1));
  if (argv[0] === "lab") return (await import("../lab/cli.ts")).main(argv.slice(1));
  try {
    const { values, positionals } = (() => {
      try {
        return parseArgs({
          args: argv,
          allowPositionals: true,
          options: { yes: { type: "boolean", short: "y" }, all: { type: "boolean" }, help: { type: "boolean", short: "h" }, runs: { type: "string" }, seed: { type: "string" },
            "no-timer": { type: "boolean" }, prompt: { type: "string" }, answers: { type: "string" } },
        });
      } catch (error) {
        throw new CourseUsageError(`${(error as Error).message}\n\n${messages.course.usage}`);
      }
    })();
    const [command = "start", target, ...extra] = positionals;
    if (values.help || command === "help") {
      console.log(messages.course.usage);
      return 0;
    }
    if (!(COMMANDS as readonly string[]).includes(command)) throw new CourseUsageError(messages.course.unknownCommand(command));
    if (extra.length > 0) throw new CourseUsageError(messages.course.extraArguments(extra));
    const ctx = createContext();
    snapshotPristine(ctx);
    const needsTarget = (what: "chapter" | "exercise") => {
      if (!target) throw new CourseUsageError(messages.course.missingTarget(command, what));
    };
    const needsTerminal = () => {
      if (!ctx.interactive) {
        console.error(messages.course.needsTerminal(command));
        return true;
      }
      return false;
    };
    const integer = (raw: string | undefined) => (raw === undefined ? undefined : Number.parseInt(raw, 10));
    switch (command) {
      case "start":
        return await menuCommand(ctx, terminalPrompter);
      case "progress":
        return progressCommand(ctx);
      case "read":
        needsTarget("chapter");
        return await readCommand(ctx, target);
      case "watch":
        return await watchCommand(ctx, target, { runs: integer(values.runs), seed: integer(values.seed) });
      case "grade":
        needsTarget("exercise");
        return await gradeCommand(ctx, target);
      case "hint":
        needsTarget("exercise");
        return hintCommand(ctx, target);
      case "reset":
        if (!values.all) needsTarget("exercise");
        return await resetCommand(ctx, target, { all: Boolean(values.all), yes: Boolean(values.yes) }, terminalPrompter);
      case "solution":
        needsTarget("exercise");
        return await solutionCommand(ctx, target, Boolean(values.yes), terminalPrompter);
      case "quiz":
        needsTarget("chapter");
        // validate the chapter first: a bad name is exit 2 even without a terminal
        findChapter(ctx.course, target);
        if (needsTerminal()) return 1;
        return await quizCommand(ctx, target, terminalPrompter);
      case "interview": {
        if (values.prompt !== undefined) findPrompt(values.prompt, Math.random); // a bad id is exit 2 first
        // A script (answers from a file) is how tests and non-terminals run it; enquirer needs a TTY.
        const prompter = values.answers !== undefined ? scriptFromFile(values.answers) : ctx.interactive ? terminalPrompter : undefined;
        if (!prompter) {
          console.error(messages.interview.needsTerminalOrAnswers);
          return 1;
        }
        return await interviewCommand(ctx, prompter, { promptId: values.prompt, timer: !values["no-timer"] });
      }
    }
    return 2;
  } catch (error) {
    if (error instanceof CourseUsageError || error instanceof ManifestError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
}
