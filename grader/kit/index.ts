/** What grader and mutant files import. See docs/authoring.md. */
export { defineGrader, type GraderDef, type PropertyOptions } from "./define.ts";
export { step, show, check, checkThat, checkThrows, checkRejects } from "./trace.ts";
export { command, asyncCommand } from "./commands.ts";
export { commands } from "./recording.ts";
export { withFakeTime, withFakeDate, jumpClock, advanceTime, advanceTimeAsync, cpuTimeMs } from "./time.ts";
export { defineMutants, type Mutant } from "./mutants.ts";
export { decimal } from "./arbitraries.ts";
export { runBesideLearner } from "./boundary/compartment.ts";
