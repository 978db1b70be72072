/**
 * Every sentence a learner reads from the command line lives here, so the voice stays the same
 * and a wording fix is one edit. Functions take the facts and return text; no I/O.
 */

export const messages = {
  gradingHeader: (what: string, seed: number, runs: number) =>
    `Grading ${what} · seed ${seed} · ${runs} runs per property`,
  notStarted: (file: string, error: string) => `not started: ${file} is still the stub (${error})`,
  outputHeader: "your code printed:",
  outputTruncated: "… (output cut here)",
  summary: (score: number, maxScore: number, passed: number, total: number) =>
    `Score ${score}/${maxScore} · ${passed} of ${total} exercise${total === 1 ? "" : "s"} pass${total === 1 && passed === 1 ? "es" : ""}`,
  nextFix: (title: string, file: string, command: string) =>
    `Next: make "${title}" pass in ${file}, then run: ${command}`,
  nextError: (file: string, command: string) => `Next: fix ${file} so that it loads, then run: ${command}`,
  allPass: "Everything selected passes. Well done.",
  overran: (seconds: number) => `Grading overran its ${seconds} s budget and was stopped; unfinished exercises are errors.`,
  stray: (error: string) => `An error escaped a grader and could not be tied to an exercise: ${error}`,
  typecheckBroken: (problem: string) => `Warning: the TypeScript check could not run, so type errors were not graded: ${problem}`,
  jsonWritten: (file: string) => `Results written to ${file}`,
} as const;
