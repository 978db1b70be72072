/**
 * Every sentence a learner reads from the command line lives here, so the voice stays the same
 * and a wording fix is one edit. Functions take the facts and return text; no I/O.
 */

export const messages = {
  gradingHeader: (what: string, seed: number | null, runs: number) =>
    `Grading ${what} · ${seed === null ? "seed hidden" : `seed ${seed}`} · ${runs} runs per property`,
  notStarted: (file: string, error: string) => `not started: ${file} is still the stub (${error})`,
  outputHeader: "your code printed:",
  outputTruncated: "… (output cut here)",
  /** Printed by the learner's own console once it has printed `limit` characters (kit/boundary/endowments.ts). */
  learnerOutputCut: (limit: number) => `… (your code printed more than ${limit} characters: the rest is not shown)`,
  summary: (score: number, maxScore: number, passed: number, total: number) =>
    `Score ${score}/${maxScore} · ${passed} of ${total} exercise${total === 1 ? "" : "s"} pass${total === 1 && passed === 1 ? "es" : ""}`,
  nextFix: (title: string, file: string, command: string) =>
    `Next: make "${title}" pass in ${file}, then run: ${command}`,
  leadShownFirst: (index: number) => `shown in full: property ${index}, the most specific failing rule (the others in one line each)`,
  replayHeader: (property: number, seed: number | null, path?: string) =>
    `Replaying property ${property}${seed === null ? "" : ` · seed ${seed}`}${path ? ` · path ${path}` : ""}`,
  replayRuns: (runs: number | undefined, passed: boolean) =>
    runs === 1
      ? `replayed 1 run: the failing case${passed ? ", which passes now" : ""}`
      : passed
        ? "replayed every run of this property: all pass now"
        : `replayed ${runs ?? "some"} run${runs === 1 ? "" : "s"}, up to the failing case`,
  replayNotScored: "replay — not scored (grade the whole exercise for its score: drop --property)",
  nextError: (file: string, command: string) => `Next: fix ${file} so that it loads, then run: ${command}`,
  allPass: "Everything selected passes. Well done.",
  overran: (seconds: number) => `Grading overran its ${seconds} s budget and was stopped; unfinished exercises are errors.`,
  stray: (error: string) => `An error escaped a grader and could not be tied to an exercise: ${error}`,
  typecheckBroken: (problem: string) => `Warning: the TypeScript check could not run, so type errors were not graded: ${problem}`,
  jsonWritten: (files: string) => `Results written to ${files}`,
  /** The learner's loop: `npm start` and `npm run course -- <command>` (grader/course/). */
  course: {
    usage: `Usage: npm start                       the interactive course (menu)
       npm run course -- <command> [args]

  progress                 what is done: exercises, points and quiz score per chapter
  read <chapter>           the chapter's lesson (06 or 06-cache)
  watch [id]               grade an exercise on every save (default: the first unfinished)
  grade <id>               grade an exercise once, full report
  hint <id>                the next hint (three tiers)
  reset <id> | --all       put the original stub back (your file is backed up first); --yes to skip the question
  solution <id>            the reference solution (after a pass, or with --yes)
  quiz <chapter>           the chapter's quiz
  interview                a timed mock interview (--prompt ID, --no-timer, --answers FILE for a script)
  lab [scenario]           your components together as one system under load (--help for options)
Exercise ids look like 06-cache/lru-cache (or just lru-cache).`,
    unknownCommand: (command: string) => `"${command}" is not a course command.\n\n${messages.course.usage}`,
    extraArguments: (extra: string[]) => `Too many arguments: ${extra.join(" ")}. Each command takes one chapter or exercise.`,
    missingTarget: (command: string, what: "chapter" | "exercise") =>
      `"${command}" needs ${what === "chapter" ? "a chapter, e.g.: npm run course -- " + command + " 06" : "an exercise id, e.g.: npm run course -- " + command + " 06-cache/lru-cache"}`,
    needsTerminal: (command: string) =>
      `"${command}" asks questions, so it needs a terminal (stdin and stdout a TTY). Run it in a terminal: npm run course -- ${command} …`,
    unknownChapter: (selector: string | undefined, listing: string) =>
      `${selector ? `"${selector}" is not a chapter.` : "Which chapter?"} The course has:\n${listing}`,
    unknownExercise: (selector: string | undefined, listing: string) =>
      `${selector ? `"${selector}" is not an exercise.` : "Which exercise?"} The course has:\n${listing}`,
    chapterLine: (label: string, done: number, total: number, points: number, maxPoints: number, state: string, quiz?: { score: number; total: number }) =>
      `${label} ${done}/${total} exercises · ${points}/${maxPoints} points · quiz ${quiz ? `${quiz.score}/${quiz.total}` : "not taken"} · ${state}`,
    totalLine: (points: number, maxPoints: number) => `Total ${points}/${maxPoints} points`,
    nextStep: (exerciseId: string, chapterId: string, state: string) =>
      state === "not started"
        ? `Next: read the lesson (npm run course -- read ${chapterId.slice(0, 2)}), then start ${exerciseId}: npm run course -- watch ${exerciseId}`
        : `Next: carry on with ${exerciseId}: npm run course -- watch ${exerciseId} (a hint: npm run course -- hint ${exerciseId})`,
    allDone: "Every exercise passes. Take the quizzes you have not taken, or compare your code with solutions/.",
    afterLesson: (chapterId: string, exerciseId: string) =>
      `Next: start the first exercise with npm run course -- watch ${exerciseId}, or test yourself: npm run course -- quiz ${chapterId.slice(0, 2)}`,
    hintTier: (n: number, total: number) => `Hint ${n} of ${total}`,
    hintMore: (id: string, shown: number, total: number) =>
      `${total - shown} more hint${total - shown === 1 ? "" : "s"}: run npm run course -- hint ${id} again. Grade on every save: npm run course -- watch ${id}`,
    hintLast: (id: string) => `That was the last hint. Still stuck? Grade and read the failing scenario: npm run course -- watch ${id}`,
    resetNoStub: (id: string) =>
      `Cannot reset ${id}: the original stub is neither in git (git show HEAD:exercises/${id}.ts failed) nor in .backups/pristine/. Nothing was changed.`,
    resetNothing: (id?: string) => (id ? `${id} is already the original stub; nothing to reset.` : "Every exercise is already its original stub; nothing to reset."),
    resetNeedsYes: (files: string[], target: string) =>
      `reset would replace ${files.length} file${files.length === 1 ? "" : "s"} (${files.slice(0, 3).join(", ")}${files.length > 3 ? ", …" : ""}) with the original stub. Without a terminal it cannot ask: run npm run course -- reset ${target} --yes (your files are backed up first).`,
    resetConfirm: (files: string[]) =>
      `Replace ${files.length === 1 ? files[0] : `${files.length} files`} with the original stub? (a backup is kept in .backups/)`,
    resetCancelled: "Nothing was reset.",
    resetDone: (files: string[], backups: string[], id?: string) =>
      `Reset ${files.length === 1 ? files[0] : `${files.length} files`} to the original stub.${backups.length ? `\nYour version is saved in ${backups.length === 1 ? backups[0] : `${backups.length} files under ${backups[0].split("/").slice(0, 2).join("/")}/`}.` : ""}\nNext: ${id ? `npm run course -- watch ${id}` : "npm start"}`,
    solutionLocked: (id: string) =>
      `${id} has not passed yet, so its solution stays hidden. To see it anyway: npm run course -- solution ${id} --yes. A hint first? npm run course -- hint ${id}`,
    solutionConfirm: (id: string) => `${id} has not passed yet. Show the reference solution anyway?`,
    solutionDeclined: (id: string) => `Good call. A hint instead: npm run course -- hint ${id}`,
    solutionHeader: (file: string, id: string) => `Reference solution of ${id} (${file}):`,
    solutionAfter: (id: string, passed: boolean) =>
      passed ? `Compare it with your exercises/${id}.ts: same contract, perhaps another design.` : `Now close it and write your own: npm run course -- watch ${id}`,
    quizEmpty: (chapter: string) => `Chapter ${chapter} has no quiz yet.`,
    quizHeader: (title: string, n: number) => `Quiz · ${title} · ${n} questions`,
    quizCancelled: (chapter: string) => `Quiz stopped; nothing was saved. Again: npm run course -- quiz ${chapter.slice(0, 2)}`,
    quizRight: "✓ Right.",
    quizWrong: (answer: string) => `✗ Not quite. The answer: ${answer}`,
    quizScore: (score: number, total: number) => `Score ${score}/${total}${score === total ? " · full marks" : ""} (saved in your progress)`,
    quizNext: (chapter: string, exerciseId: string) => `Next: the exercises, npm run course -- watch ${exerciseId}, or re-read the lesson: npm run course -- read ${chapter.slice(0, 2)}`,
    passedNext: (id: string) => `${id} is done (saved in your progress). Next: npm run course -- watch (the next unfinished exercise), or compare: npm run course -- solution ${id}`,
    gradeTip: (id: string) => `Fix it with a grade on every save: npm run course -- watch ${id} (stuck? npm run course -- hint ${id})`,
    watchStarting: (id: string) => `Starting the grader for ${id} …`,
    watchPass: (id: string, title: string, score: number, maxScore: number) => `${id} · ${title} · ${score}/${maxScore} · every property passes`,
    watchError: (id: string, file: string) => `${id} · ${file} cannot be graded yet:`,
    watchStubNext: (file: string) => `Open ${file}, read the doc comments, and write the first method; every save grades it again.`,
    watchFail: (id: string, passed: number, total: number) =>
      `${id} · ${passed} of ${total} properties pass; shown first, the most specific failing rule:`,
    watchFooter: (file: string, ms: number | undefined, seed: number) =>
      `${ms !== undefined ? `graded in ${ms} ms · ` : ""}seed ${seed} · watching ${file}: save to grade again · h hint · Enter grade · q quit`,
    watchTypechecking: "Every property passes; checking that the file compiles …",
    watchStaying: (id: string) =>
      `Staying on ${id}, as you named it: refactor freely, every save grades it again. For the next unfinished exercise: npm run course -- watch`,
    watchMovingOn: (id: string) => `On to the next exercise: ${id}`,
    watchStopped: "Stopped watching. Your progress is saved; npm start to pick up where you left off.",
    menu: {
      noTerminal: "No terminal here (stdin or stdout is not a TTY), so no menu. Run npm start in a terminal, or use the commands: npm run course -- help",
      welcome: (title: string) => `${title}  (↑/↓ to move, Enter to choose, Esc to go back)`,
      mainQuestion: "What next?",
      continueWith: (id: string, title: string) => `Continue where you left off: ${title} (${id})`,
      chapterHint: (state: string, done: number, total: number, points: number, maxPoints: number, quiz?: { score: number; total: number }) =>
        `${state} · ${done}/${total} done · ${points}/${maxPoints} points${quiz ? ` · quiz ${quiz.score}/${quiz.total}` : ""}`,
      overview: "Progress overview",
      quit: "Quit",
      goodbye: "See you soon. Your progress is saved in .progress.json; npm start picks up where you left off.",
      readLesson: "Read the lesson",
      exerciseHint: (id: string, difficulty: string, minutes: number, points: number, maxPoints?: number) =>
        `${id} · ${difficulty} · ~${minutes} min · ${points}/${maxPoints ?? "?"} points`,
      takeQuiz: (n: number) => `Take the quiz (${n} questions)`,
      quizHint: (best: number, total: number) => `best ${best}/${total}`,
      back: "Back",
      exerciseQuestion: (id: string, title: string) => `${title} (exercises/${id}.ts)`,
      watch: "Watch: grade on every save",
      grade: "Grade once (full report)",
      hint: (shown: number) => (shown >= 3 ? "Hints (all 3 shown)" : `Hint ${shown + 1} of 3`),
      solution: (passed: boolean) => (passed ? "See the reference solution" : "See the reference solution (asks first: not passed yet)"),
      reset: "Reset to the original stub (keeps a backup)",
    },
  },
  /** `npm run course -- interview` (grader/course/interview.ts). */
  interview: {
    intro: (product: string, users: string) =>
      `Mock interview: design ${product} for ${users} daily active users. Four steps; each shows its time budget and your time.`,
    step: (n: number, title: string, minutes: number) => `\nStep ${n} of 4 · ${title} · budget ${minutes} min`,
    timer: (spent: string, budget: string, over: boolean) => `  ⏱ ${spent} of ${budget}${over ? " (over budget: move on)" : ""}`,
    left: (time: string) => `[${time} left]`,
    over: (time: string) => `[over by ${time}]`,
    right: "  ✓ right",
    close: (tolerance: number) => `  ✓ within ±${tolerance * 100}%`,
    wrong: (expected: string, working: string) => `  ✗ expected about ${expected}. Working: ${working}`,
    wrongChoice: (answer: string, why?: string) => `  ✗ the answer: ${answer}${why ? `. ${why}` : ""}`,
    atLoad: (users: string) => `At ${users} daily users, what breaks next?`,
    whichFix: "Which component fixes it?",
    flow: "Walk one read request through the high-level design. Which order is right?",
    followUp: (n: number) => `Follow-up ${n} of 2`,
    scorecard: "Scorecard (per concept)",
    scoreLine: (concept: string, right: number, total: number) => `  ${right === total ? "✓" : "✗"} ${concept}: ${right}/${total}`,
    saved: (file: string) => `Transcript saved: ${file}`,
    stopped: "Interview stopped: what you answered is saved.",
    unknownPrompt: (id: string, ids: string[]) => `"${id}" is not an interview prompt. The bank has: ${ids.join(", ")}`,
    needsTerminalOrAnswers:
      'The interview asks questions, so it needs a terminal. For a script, give the answers in a JSON file: npm run course -- interview --answers answers.json',
    badAnswers: (file: string, problem: string) => `Could not read the answers file ${file}: ${problem} (it must be a JSON array of numbers and strings)`,
    progressLine: (taken: number, weakest: string) =>
      taken === 0 ? "Interviews: none taken yet (npm run course -- interview)" : `Interviews taken: ${taken}${weakest ? ` · weakest: ${weakest}` : ""}`,
  },
} as const;
