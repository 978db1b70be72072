/**
 * Did an earlier exercise's code change the built-ins? When the engine lets one worker grade file
 * after file (run-vitest.ts, shareWorkers), a learner's `Array.prototype.includes = …` or a fake
 * clock left installed would change how the next exercise behaves. The first grader file in a
 * worker takes a fingerprint of the built-ins; every later one compares against it, and the
 * engine grades a disturbed exercise again in a worker of its own.
 */

/** The globals whose own properties (and whose prototype's) are fingerprinted. */
const WATCHED = [
  "Object", "Array", "Map", "Set", "WeakMap", "WeakSet", "Promise", "JSON", "Math", "Number", "String",
  "Boolean", "BigInt", "Date", "Error", "TypeError", "RangeError", "Function", "RegExp", "Symbol", "Reflect",
  "setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "clearImmediate",
  "queueMicrotask", "structuredClone", "performance",
] as const;

/** `process` changes by itself (listeners, counters; vitest wraps `exit` for every file): only
 *  these functions of it are watched. */
const PROCESS_FUNCTIONS = ["nextTick", "cpuUsage", "hrtime", "memoryUsage", "kill"] as const;

type Fingerprint = Map<string, unknown>;

function fingerprint(): Fingerprint {
  const seen: Fingerprint = new Map();
  const global = globalThis as Record<string, any>;
  for (const name of WATCHED) {
    const value = global[name];
    seen.set(name, value);
    for (const [owner, label] of [[value, name], [value?.prototype, `${name}.prototype`]] as const) {
      if (owner === null || (typeof owner !== "object" && typeof owner !== "function")) continue;
      for (const key of Reflect.ownKeys(owner)) {
        const descriptor = Reflect.getOwnPropertyDescriptor(owner, key)!;
        // Functions and accessors by identity; plain data (Math.PI, process.env's object) too.
        seen.set(`${label}.${String(key)}`, descriptor.get ?? descriptor.value);
      }
    }
  }
  for (const name of PROCESS_FUNCTIONS) seen.set(`process.${name}`, process[name]);
  return seen;
}

let first: Fingerprint | undefined;

/** Built-ins changed since the first call in this process (names, at most five). */
export function changedIntrinsics(): string[] {
  if (!first) {
    first = fingerprint();
    return [];
  }
  const now = fingerprint();
  const changed: string[] = [];
  for (const key of new Set([...first.keys(), ...now.keys()])) {
    if (!Object.is(first.get(key), now.get(key))) changed.push(key); // Object.is: NaN is NaN
  }
  return changed.slice(0, 5);
}
