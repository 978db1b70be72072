/** Everything the lab says to the learner, in one place (the course's own are in grader/messages.ts). */
import { SCENARIOS } from "./scenarios/index.ts";

export const labMessages = {
  usage: `Usage: npm run course -- lab [scenario] [--solutions | --submission DIR] [--stage N] [--seed N] [--json FILE] [--html FILE]

Runs your components together as one system under a scripted load, in simulated time, and
shows what each chapter's step bought and which invariants held (docs/lab.md).

  scenario           one of: ${SCENARIOS.map((s) => s.name).join(", ")} (default diurnal-day)
  --solutions        every stage, with the reference solutions
  --submission DIR   every stage, with the components in DIR (<chapter>/<exercise>.ts)
  --stage N          stages 1..N with your code as it is, passing or not (default: chapters you passed)
  --seed N           the simulation's seed (default 1): the same seed gives the same report
  --json FILE        write the report as JSON
  --html FILE        write the report as one HTML page

Exit codes: 0 every check of the stages in use passed, 1 a check failed, 2 bad usage.`,
  unknownScenario: (name: string) => `"${name}" is not a lab scenario; there are: ${SCENARIOS.map((s) => s.name).join(", ")}`,
  badNumber: (flag: string, raw: string) => `${flag} needs a whole number, got ${JSON.stringify(raw)}`,
  badStage: (raw: string) => `--stage needs a number from 1 to 12, got ${JSON.stringify(raw)}`,
  bothSources: "--solutions and --submission cannot be used together",
  missingDir: (dir: string) => `--submission ${dir}: no such folder`,
  written: (what: string, file: string) => `${what} written to ${file}`,
  header: (scenario: string, summary: string, source: string, seed: number) => `Scale lab: ${scenario} (${summary}); components: ${source}; seed ${seed}`,
  rowScale: (k: number) => `Stage rows before the last run at a coarser scale: each simulated request stands for ${k} (and 1/${k} of the users); the last row and the checks are at full scale.`,
  speed: (requests: number, seconds: number) => `${requests.toLocaleString("en-US")} simulated requests in ${seconds.toFixed(1)} s of wall time (${Math.round(requests / seconds).toLocaleString("en-US")} simulated requests/s, all runs counted)`,
  allPassed: (n: number) => `All ${n} checks of the stages in use passed.`,
  someFailed: (failed: number, n: number) => `${failed} of ${n} checks failed: open the exercise each one names.`,
  skipped: (n: number) => `${n} checks of locked stages were not run.`,
};
