/**
 * The cohort file (cohort.json): what a class is assigned, by when, how lateness costs, and the
 * secret seed. Validated on load; every problem names the file and the field, like the manifest.
 * Fields are documented in docs/instructors.md.
 */
import { existsSync, readFileSync } from "node:fs";
import { selectExercises } from "../engine/select.ts";
import { loadCourse } from "../manifest/load.ts";
import type { Course } from "../manifest/types.ts";

export const COHORT_VERSION = 1;

export interface Assignment {
  /** Shown in feedback and the dashboard, e.g. "Week 3: caching". */
  name: string;
  /** Exercise ids or chapter prefixes, as `npm run grade` takes them. */
  exercises: string[];
  /** ISO 8601 with an offset, e.g. "2025-03-14T23:59:00+01:00". */
  deadline: string;
}

export interface LatePolicy {
  /** Whether commits after the deadline are graded at all. */
  gradeLate: boolean;
  /** Percent of the late attempt's points taken per started day after the deadline. */
  percentPerDay: number;
  /** The most a late attempt can lose, in percent (100 = it can fall to nothing). */
  maxPercent: number;
  /** Minutes after the deadline that still count as on time. */
  graceMinutes: number;
}

export interface CohortFile {
  version: number;
  name: string;
  assignments: Assignment[];
  latePolicy: LatePolicy;
  /** The fast-check seed of every grading run; never shown to students. */
  secretSeed: number;
  /** Runs per property. */
  runs: number;
  /** Time limit per property, ms. */
  timeoutMs: number;
  /** Wall-clock limit of one submission's grading process, seconds. */
  wallSeconds: number;
}

/** An assignment with its selectors resolved to the course's exercises. */
export interface ResolvedAssignment extends Assignment {
  deadlineMs: number;
  exerciseIds: string[];
}

export interface Cohort extends CohortFile {
  file: string;
  resolved: ResolvedAssignment[];
}

export class CohortError extends Error {
  override name = "CohortError";
  constructor(file: string, field: string, problem: string) {
    super(`${file}: ${field} ${problem}`);
  }
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export function validateCohort(file: string, raw: unknown, course: Course = loadCourse()): Cohort {
  const fail = (field: string, problem: string): never => {
    throw new CohortError(file, field, problem);
  };
  const object = (v: unknown, field: string) =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : fail(field, "must be an object");
  const string = (v: unknown, field: string) => (typeof v === "string" && v.trim() !== "" ? v : fail(field, "must be a non-empty string"));
  const number = (v: unknown, field: string, min: number, max = Infinity, integer = false) =>
    typeof v === "number" && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v))
      ? v
      : fail(field, `must be ${integer ? "an integer" : "a number"} from ${min}${max === Infinity ? " up" : ` to ${max}`}, got ${JSON.stringify(v)}`);
  const c = object(raw, "(root)");
  if (c.version !== COHORT_VERSION) fail("version", `must be ${COHORT_VERSION}`);
  const known = new Set(["version", "name", "assignments", "latePolicy", "secretSeed", "runs", "timeoutMs", "wallSeconds", "$comment"]);
  for (const key of Object.keys(c)) if (!known.has(key)) fail(key, `is not a cohort field (known: ${[...known].join(", ")})`);
  if (!Array.isArray(c.assignments) || c.assignments.length === 0) fail("assignments", "must be a non-empty array");
  const seen = new Map<string, string>();
  const resolved = (c.assignments as unknown[]).map((rawA, i): ResolvedAssignment => {
    const field = `assignments[${i}]`;
    const a = object(rawA, field);
    const name = string(a.name, `${field}.name`);
    const deadline = string(a.deadline, `${field}.deadline`);
    const deadlineMs = Date.parse(deadline);
    if (!ISO_WITH_OFFSET.test(deadline) || Number.isNaN(deadlineMs)) {
      fail(`${field}.deadline`, `must be ISO 8601 with an offset, e.g. "2025-03-14T23:59:00+01:00", got ${JSON.stringify(deadline)}`);
    }
    if (!Array.isArray(a.exercises) || a.exercises.length === 0) fail(`${field}.exercises`, "must be a non-empty array of exercise ids or chapter prefixes");
    const exercises = (a.exercises as unknown[]).map((x, j) => string(x, `${field}.exercises[${j}]`));
    let exerciseIds: string[] = [];
    try {
      exerciseIds = selectExercises(course, exercises).map((e) => e.id);
    } catch (error) {
      fail(`${field}.exercises`, (error as Error).message);
    }
    for (const id of exerciseIds) {
      // One deadline per exercise: otherwise "the" on-time commit of an exercise is ambiguous.
      if (seen.has(id)) fail(`${field}.exercises`, `assigns ${id}, already assigned in ${seen.get(id)}`);
      seen.set(id, field);
    }
    return { name, exercises, deadline, deadlineMs, exerciseIds };
  });
  const p = object(c.latePolicy, "latePolicy");
  if (typeof p.gradeLate !== "boolean") fail("latePolicy.gradeLate", "must be true or false");
  const latePolicy: LatePolicy = {
    gradeLate: p.gradeLate as boolean,
    percentPerDay: number(p.percentPerDay, "latePolicy.percentPerDay", 0, 100),
    maxPercent: number(p.maxPercent, "latePolicy.maxPercent", 0, 100),
    graceMinutes: number(p.graceMinutes ?? 0, "latePolicy.graceMinutes", 0),
  };
  return {
    file,
    version: COHORT_VERSION,
    name: string(c.name, "name"),
    assignments: resolved.map(({ name, exercises, deadline }) => ({ name, exercises, deadline })),
    resolved,
    latePolicy,
    // fast-check seeds are 32-bit signed integers.
    secretSeed: number(c.secretSeed, "secretSeed", -(2 ** 31), 2 ** 31 - 1, true),
    runs: number(c.runs ?? 100, "runs", 1, 100_000, true),
    timeoutMs: number(c.timeoutMs ?? 5000, "timeoutMs", 100, 600_000, true),
    wallSeconds: number(c.wallSeconds ?? 600, "wallSeconds", 5, 86_400, true),
  };
}

export function loadCohort(file: string, course?: Course): Cohort {
  if (!existsSync(file)) throw new CohortError(file, "(file)", "does not exist");
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CohortError(file, "(file)", `is not valid JSON: ${(error as Error).message}`);
  }
  return validateCohort(file, raw, course);
}

/** Every assigned exercise id in course order, with its assignment. */
export function assignedExercises(cohort: Pick<Cohort, "resolved">): { id: string; assignment: ResolvedAssignment }[] {
  return cohort.resolved.flatMap((assignment) => assignment.exerciseIds.map((id) => ({ id, assignment })));
}

/** The starting cohort file of `cohort init`: two assignments a week apart, a 10%/day policy. */
export function cohortTemplate(name: string, now = new Date(), seed = randomSeed()): CohortFile {
  const day = 86_400_000;
  const at = (days: number) => isoWithOffset(new Date(now.getTime() + days * day));
  return {
    version: COHORT_VERSION,
    name,
    assignments: [
      { name: "Week 1: scaling out", exercises: ["03-scaling/capacity-plan"], deadline: at(7) },
      { name: "Week 2: caching", exercises: ["06-cache"], deadline: at(14) },
    ],
    latePolicy: { gradeLate: true, percentPerDay: 10, maxPercent: 50, graceMinutes: 15 },
    secretSeed: seed,
    runs: 100,
    timeoutMs: 5000,
    wallSeconds: 600,
  };
}

function randomSeed(): number {
  // Large enough that a seed never looks like a small number a student could guess.
  return 100_000_000 + Math.floor(Math.random() * 2_000_000_000);
}

/** 23:59 local time on the given day, written with the machine's UTC offset. */
function isoWithOffset(date: Date): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T23:59:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}
