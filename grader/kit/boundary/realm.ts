/**
 * The hardened realm the judge and the judged share. SES's `lockdown()` freezes every intrinsic
 * of the language (Object, Array, Map, Promise, JSON, their prototypes, …) for the whole process,
 * so code running later — the learner's — cannot patch what the graders' models and checks use.
 * It also hides error stacks from code (`stack` reads as ""), which is what stops a learner's
 * code from asking "is my caller the grader?"; the judge reads stacks through `stackOf`.
 *
 * Node's built-in modules are out of the learner's reach altogether (a compartment has no
 * `import` and no `require` but the one the boundary gives it), so they need no freezing.
 * The few host objects the learner is given (Buffer, URL, fetch's Response, …) are hardened
 * the first time they are handed out (endowments.ts).
 */
import { createRequire } from "node:module";
import type {} from "ses"; // the types of the globals it installs: lockdown, harden, Compartment

// SES's CommonJS build is one file; its ES module entry is some 70 modules, which took a grading
// worker (one per exercise) about 25 ms more of CPU to load. Same package, same version.
createRequire(import.meta.url)("ses");

declare global {
  // Installed by lockdown() in the start compartment: the stack of an error, which `error.stack`
  // no longer shows.
  // eslint-disable-next-line no-var
  var getStackString: ((error: unknown) => string) | undefined;
}

let locked = false;

/** Locks the realm down once per process. Later calls do nothing. */
export function lockdownOnce(): void {
  if (locked || Object.isFrozen(Array.prototype)) {
    locked = true;
    return;
  }
  lockdown({
    errorTaming: "safe", // no stacks for code (see the header)
    consoleTaming: "unsafe", // the host console stays as it is: vitest captures it
    localeTaming: "unsafe", // localeCompare and toLocaleString keep their real, locale-aware behaviour
    errorTrapping: "none", // vitest and the kit report uncaught errors themselves
    unhandledRejectionTrapping: "none",
    overrideTaming: "severe", // libraries that assign over inherited properties keep working
    stackFiltering: "verbose",
    domainTaming: "unsafe",
    reporting: "none",
  });
  locked = true;
}

/** The stack of `error` as V8 recorded it, for the judge's eyes only ("" when there is none). */
export function stackOf(error: unknown): string {
  try {
    return typeof error === "object" && error !== null ? (globalThis.getStackString?.(error) ?? "") : "";
  } catch {
    return "";
  }
}

/** Freezes a host object the learner may reach, with everything reachable from it. */
export function hardenHost<T>(value: T): T {
  return harden(value);
}
