/**
 * Where `reset` gets an exercise's original stub.
 *
 * First choice: the committed version, `git show HEAD:exercises/<id>.ts` in the repository, so a
 * stub fixed upstream and pulled is what the learner gets back. When git is missing (the course
 * was downloaded as a zip) or the file is not committed yet, a pristine copy is used: every course
 * command copies each exercise file that still is an untouched stub (it still says "is not
 * implemented yet") to .backups/pristine/<id>.ts the first time it sees it.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { repoRoot } from "../kit/settings.ts";
import { allExercises } from "../manifest/load.ts";
import { exerciseFile, type CourseContext } from "./context.ts";

const pristineFile = (ctx: CourseContext, id: string) => join(ctx.backupsDir, "pristine", `${id}.ts`);

/** Keeps a pristine copy of every untouched stub that has none yet. Cheap: no git, small files. */
export function snapshotPristine(ctx: CourseContext): void {
  for (const { exercise } of allExercises(ctx.course)) {
    const target = pristineFile(ctx, exercise.id);
    const source = exerciseFile(ctx, exercise.id);
    if (existsSync(target) || !existsSync(source)) continue;
    if (!readFileSync(source, "utf8").includes("is not implemented yet")) continue;
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(source, target);
  }
}

export interface Stub {
  text: string;
  from: "git" | "pristine";
}

export function stubOf(ctx: CourseContext, id: string): Stub | undefined {
  const git = spawnSync("git", ["show", `HEAD:exercises/${id}.ts`], { cwd: repoRoot, encoding: "utf8", maxBuffer: 4 * 1024 * 1024 });
  if (git.status === 0 && git.stdout) return { text: git.stdout, from: "git" };
  const pristine = pristineFile(ctx, id);
  if (existsSync(pristine)) return { text: readFileSync(pristine, "utf8"), from: "pristine" };
  return undefined;
}
