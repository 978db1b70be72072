/**
 * The course commands, in process, against a scratch learner home: hint tiers, reset with a
 * backup, solution gating, quiz scoring with injected answers, and the progress overview.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { CourseUsageError, findChapter, findExercise } from "../../course/context.ts";
import { hintCommand } from "../../course/hint.ts";
import { renderOverview, stateOf } from "../../course/progress.ts";
import { readProgress, updateExercise, updateProgress } from "../../course/progress-store.ts";
import { scriptedPrompter } from "../../course/prompts.ts";
import { isRight, quizCommand } from "../../course/quiz.ts";
import { resetCommand } from "../../course/reset.ts";
import { solutionCommand } from "../../course/solution.ts";
import { stubOf } from "../../course/stub-source.ts";
import { repoRoot } from "../../kit/settings.ts";
import { captured, contextFor, makeHome } from "./helpers.ts";

const LRU = "06-cache/lru-cache";

describe("hint", () => {
  test("each call shows one more tier, remembered in progress, and stops at three", async () => {
    const ctx = contextFor(makeHome());
    const [a, b, c] = findExercise(ctx.course, LRU).exercise.hints;
    const first = await captured(() => hintCommand(ctx, LRU));
    expect(first.out).toContain("Hint 1 of 3");
    expect(first.out).toContain(a);
    expect(first.out).not.toContain(b);
    expect(first.out).toContain("2 more hints");
    const second = await captured(() => hintCommand(ctx, "lru-cache")); // the slug alone works too
    expect(second.out).toContain(b);
    expect(second.out).not.toContain(c);
    const third = await captured(() => hintCommand(ctx, LRU));
    expect(third.out).toContain(c);
    expect(third.out).toContain("That was the last hint");
    await captured(() => hintCommand(ctx, LRU));
    expect(readProgress(ctx.progressFile).exercises[LRU].hintsShown).toBe(3);
    expect(readProgress(ctx.progressFile).last).toEqual({ chapter: "06-cache", exercise: LRU });
  });

  test("an unknown exercise is a usage error that lists what exists", () => {
    const ctx = contextFor(makeHome());
    expect(() => hintCommand(ctx, "06-cache/nope")).toThrow(CourseUsageError);
    expect(() => hintCommand(ctx, "06-cache/nope")).toThrow(/06-cache\/ttl-cache/);
    expect(() => findChapter(ctx.course, "99")).toThrow(/06-cache {2}Cache/);
  });
});

describe("reset", () => {
  test("restores the committed stub after --yes and keeps the learner's file as a backup it names", async () => {
    const home = makeHome();
    const ctx = contextFor(home);
    const file = join(home, "exercises", `${LRU}.ts`);
    const stub = stubOf(ctx, LRU)!;
    expect(stub.from).toBe("git");
    writeFileSync(file, "// my attempt\nexport class LruCache {}\n");
    const run = await captured(() => resetCommand(ctx, LRU, { all: false, yes: true }, scriptedPrompter([])));
    expect(run.value).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(stub.text);
    const backup = run.out.match(/saved in (\S+\.ts)/)?.[1];
    expect(backup).toMatch(/^\.backups\/.+\/06-cache\/lru-cache\.ts$/);
    expect(readFileSync(join(home, backup!), "utf8")).toBe("// my attempt\nexport class LruCache {}\n");
  });

  test("without a terminal and without --yes it refuses and changes nothing", async () => {
    const home = makeHome();
    const ctx = contextFor(home);
    const file = join(home, "exercises", `${LRU}.ts`);
    writeFileSync(file, "// mine\n");
    const run = await captured(() => resetCommand(ctx, LRU, { all: false, yes: false }, scriptedPrompter([])));
    expect(run.value).toBe(1);
    expect(run.err).toContain("--yes");
    expect(readFileSync(file, "utf8")).toBe("// mine\n");
    expect(existsSync(ctx.backupsDir) && readdirSync(ctx.backupsDir).some((d) => d !== "pristine")).toBe(false);
  });

  test("on a terminal it asks; answering no keeps the file", async () => {
    const home = makeHome();
    const ctx = contextFor(home, true);
    const file = join(home, "exercises", `${LRU}.ts`);
    writeFileSync(file, "// mine\n");
    const prompter = scriptedPrompter([false]);
    const run = await captured(() => resetCommand(ctx, LRU, { all: false, yes: false }, prompter));
    expect(prompter.asked[0]).toMatch(/Replace exercises\/06-cache\/lru-cache\.ts with the original stub/);
    expect(run.out).toContain("Nothing was reset");
    expect(readFileSync(file, "utf8")).toBe("// mine\n");
  });

  test("--all resets only the changed files, with one backup folder", async () => {
    const home = makeHome();
    const ctx = contextFor(home);
    writeFileSync(join(home, "exercises", "06-cache/ttl-cache.ts"), "// a\n");
    writeFileSync(join(home, "exercises", `${LRU}.ts`), "// b\n");
    const run = await captured(() => resetCommand(ctx, undefined, { all: true, yes: true }, scriptedPrompter([])));
    expect(run.value).toBe(0);
    expect(run.out).toContain("Reset 2 files");
    const folders = readdirSync(ctx.backupsDir).filter((d) => d !== "pristine");
    expect(folders).toHaveLength(1);
    expect(readdirSync(join(ctx.backupsDir, folders[0], "06-cache")).sort()).toEqual(["lru-cache.ts", "ttl-cache.ts"]);
    const again = await captured(() => resetCommand(ctx, undefined, { all: true, yes: true }, scriptedPrompter([])));
    expect(again.out).toContain("nothing to reset");
  });
});

describe("solution", () => {
  const reference = readFileSync(join(repoRoot, "solutions", `${LRU}.ts`), "utf8");

  test("is locked before a pass without a terminal, shown with --yes, and free after a pass", async () => {
    const ctx = contextFor(makeHome());
    const locked = await captured(() => solutionCommand(ctx, LRU, false, scriptedPrompter([])));
    expect(locked.value).toBe(1);
    expect(locked.err).toContain("solution 06-cache/lru-cache --yes");
    expect(locked.out).not.toContain("class LruCache");

    const forced = await captured(() => solutionCommand(ctx, LRU, true, scriptedPrompter([])));
    expect(forced.value).toBe(0);
    expect(forced.out).toContain(reference.split("\n").find((l) => l.includes("class LruCache")));
    expect(readProgress(ctx.progressFile).exercises[LRU].solutionSeen).toBe(true);

    const other = "06-cache/ttl-cache";
    updateExercise(ctx.progressFile, other, (e) => (e.passed = true));
    const free = await captured(() => solutionCommand(ctx, other, false, scriptedPrompter([])));
    expect(free.value).toBe(0);
    expect(free.out).toContain("class TtlCache");
  });

  test("on a terminal, before a pass, it asks and respects a no", async () => {
    const ctx = contextFor(makeHome(), true);
    const run = await captured(() => solutionCommand(ctx, LRU, false, scriptedPrompter([false])));
    expect(run.value).toBe(0);
    expect(run.out).not.toContain("class LruCache");
    expect(run.out).toContain("hint 06-cache/lru-cache");
  });
});

describe("quiz", () => {
  test("scores injected answers, shows every explanation, and saves score and best", async () => {
    const ctx = contextFor(makeHome());
    const chapter = findChapter(ctx.course, "06");
    const right = chapter.quiz.map((q) => (q.type === "choice" ? q.answer : q.answer));
    const wrongFirst = [...right];
    wrongFirst[0] = chapter.quiz[0].type === "choice" ? (chapter.quiz[0].answer + 1) % chapter.quiz[0].choices.length : chapter.quiz[0].answer + 1000;

    const perfect = await captured(() => quizCommand(ctx, "06", scriptedPrompter(right)));
    expect(perfect.out).toContain(`Score ${chapter.quiz.length}/${chapter.quiz.length}`);
    for (const q of chapter.quiz) expect(perfect.out).toContain(q.explanation);

    const worse = await captured(() => quizCommand(ctx, "06-cache", scriptedPrompter(wrongFirst)));
    expect(worse.out).toContain(`Score ${chapter.quiz.length - 1}/${chapter.quiz.length}`);
    expect(worse.out).toContain("Not quite. The answer:");
    const saved = readProgress(ctx.progressFile).quizzes["06-cache"];
    expect(saved).toMatchObject({ score: chapter.quiz.length - 1, best: chapter.quiz.length, total: chapter.quiz.length });
  });

  test("numeric answers count within the tolerance", () => {
    const q = { type: "numeric", question: "?", answer: 1.5, tolerance: 0.05, explanation: "" } as const;
    expect(isRight(q, 1.54)).toBe(true);
    expect(isRight(q, 1.56)).toBe(false);
    expect(isRight(q, undefined)).toBe(false);
  });
});

describe("progress overview", () => {
  test("shows each chapter with exercises done, points and quiz, and the next step", async () => {
    const home = makeHome();
    const ctx = contextFor(home);
    expect(stateOf(ctx, readProgress(ctx.progressFile), findExercise(ctx.course, LRU).exercise)).toBe("not started");
    writeFileSync(join(home, "exercises", "06-cache/ttl-cache.ts"), "export class TtlCache {}\n");
    updateProgress(ctx.progressFile, (p) => {
      p.exercises[LRU] = { passed: true, bestScore: 9, maxScore: 9 };
      p.last = { chapter: "06-cache", exercise: LRU }; // as a pass in watch or grade records it
    });
    const text = renderOverview(ctx);
    expect(text).toMatch(/06-cache · Cache\s+1\/3 exercises · 9\/\d+ points · quiz not taken · in progress/);
    expect(text).toContain("Next: carry on with 06-cache/ttl-cache");
    expect(stateOf(ctx, readProgress(ctx.progressFile), findExercise(ctx.course, "06-cache/ttl-cache").exercise)).toBe("in progress");
  });
});
