/**
 * `defineGrader` collects an exercise's properties. In a grading run (a vitest worker) it also
 * registers one vitest test per property; the self-tests import grader files with
 * ZTM_SELFTEST=1, and watch mode's warm worker after `collectWithoutRegistering()`, and both
 * drive the same definitions directly.
 */
import type fc from "fast-check";
import type { PropertyDef } from "./run-property.ts";
import { registerWithVitest } from "./vitest-binding.ts";

export interface PropertyOptions {
  /** Runs for this property instead of the run's default (1 for a deterministic check). */
  runs?: number;
  /** Time limit for this property in ms, instead of the run's default. */
  timeoutMs?: number;
  /**
   * True for a property that checks many rules at once (the whole contract against a model) or
   * checks cost rather than answers. Its failure is shown after the failures of specific rules,
   * which name the bug better (lead-failure.ts).
   */
  broad?: boolean;
  /**
   * True for a check whose one run (`runs: 1`) has the same input at every seed and whose verdict
   * on the reference solution does not depend on time (a fixed workload judged by counts, not a
   * timing). A grading runs it once, like any property; the grader's self-test runs it at the
   * first of its 20 solution seeds only, since the other nineteen would repeat that same run (the
   * self-test checks that the input is the same at every seed).
   */
  fixedInput?: boolean;
}

export type DeclareProperty<M> = (
  title: string,
  make: (module: M) => fc.IRawProperty<any, any>,
  options?: PropertyOptions,
) => void;

export interface GraderDef<M = any> {
  id: string;
  properties: PropertyDef<M>[];
}

/** Whether defining a grader also registers its vitest tests (see the header). */
let registering = process.env.ZTM_SELFTEST !== "1";

/** For a process that drives graders itself (watch mode's warm worker): register no tests. */
export function collectWithoutRegistering(): void {
  registering = false;
}

export function defineGrader<M>(id: string, build: (property: DeclareProperty<M>) => void): GraderDef<M> {
  const properties: PropertyDef<M>[] = [];
  build((title, make, options = {}) => {
    if (properties.some((p) => p.title === title)) throw new Error(`${id}: two properties are titled "${title}"`);
    properties.push({ index: properties.length + 1, title, make, ...options });
  });
  const grader = { id, properties };
  if (registering) registerWithVitest(grader);
  return grader;
}
