/**
 * `npm run course -- reset <id> | --all [--yes]`: put the original stub back.
 *
 * Nothing the learner wrote is ever lost: the current file is first copied to
 * .backups/<timestamp>/<id>.ts (git-ignored), and reset prints that path. It asks first; in a
 * script pass --yes, and without a terminal and without --yes it refuses. Progress (passes,
 * hints, quiz) is kept: a reset is a fresh attempt, not a lost achievement.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { allExercises } from "../manifest/load.ts";
import type { ExerciseEntry } from "../manifest/types.ts";
import { messages } from "../messages.ts";
import { exerciseFile, findExercise, type CourseContext } from "./context.ts";
import type { Prompter } from "./prompts.ts";
import { stubOf } from "./stub-source.ts";

export interface ResetOptions {
  all: boolean;
  yes: boolean;
}

const timestamp = () => new Date().toISOString().replace(/[:.]/g, "-");

export async function resetCommand(ctx: CourseContext, selector: string | undefined, options: ResetOptions, prompter: Prompter): Promise<number> {
  const chosen: ExerciseEntry[] = options.all ? allExercises(ctx.course).map((e) => e.exercise) : [findExercise(ctx.course, selector).exercise];
  const shown = (file: string) => relative(ctx.home, file) || file;
  // Only files that differ from their stub need a reset.
  const plan: { exercise: ExerciseEntry; stub: string; file: string }[] = [];
  for (const exercise of chosen) {
    const stub = stubOf(ctx, exercise.id);
    if (!stub) {
      // With --all, one exercise without a known stub must not block the others.
      console.error(messages.course.resetNoStub(exercise.id));
      if (options.all) continue;
      return 1;
    }
    const file = exerciseFile(ctx, exercise.id);
    const current = existsSync(file) ? readFileSync(file, "utf8") : undefined;
    if (current !== stub.text) plan.push({ exercise, stub: stub.text, file });
  }
  if (plan.length === 0) {
    console.log(messages.course.resetNothing(options.all ? undefined : chosen[0].id));
    return 0;
  }
  const what = plan.map((p) => shown(p.file));
  if (!options.yes) {
    if (!ctx.interactive) {
      console.error(messages.course.resetNeedsYes(what, options.all ? "--all" : chosen[0].id));
      return 1;
    }
    if (!(await prompter.confirm(messages.course.resetConfirm(what)))) {
      console.log(messages.course.resetCancelled);
      return 0;
    }
  }
  const backupRoot = join(ctx.backupsDir, timestamp());
  const backups: string[] = [];
  for (const { exercise, stub, file } of plan) {
    if (existsSync(file)) {
      const backup = join(backupRoot, `${exercise.id}.ts`);
      mkdirSync(dirname(backup), { recursive: true });
      copyFileSync(file, backup);
      backups.push(shown(backup));
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, stub);
  }
  console.log(messages.course.resetDone(what, backups, options.all ? undefined : chosen[0].id));
  return 0;
}
