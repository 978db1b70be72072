/**
 * The membrane between the judge (graders, models, checks, fast-check) and the judged (the
 * learner's module, evaluated in a compartment). Every value that crosses is converted:
 *
 * - learner → judge (`toJudge`): data (arrays, plain objects, Maps, Sets, Dates, typed arrays) is
 *   copied, so a lying getter or a `toJSON` runs once, at the crossing, never inside a check;
 *   functions and class instances become views whose every call crosses again; a Proxy is
 *   refused; a thrown value becomes a plain judge-side `Error` (`errorToJudge`), so nothing the
 *   learner throws carries fast-check's "skip this run" footprint or a getter into the judge.
 * - judge → learner (`toLearner`): data is copied, functions and objects become read-only views,
 *   so the learner can call a grader's `load` callback but cannot reach or patch what is behind it.
 *
 * A value that crosses back is returned as the original (a connection the grader created, lent
 * to the learner and returned by `acquire()`, is the grader's own object again), so identity
 * checks keep working. The language's frozen intrinsics (after lockdown, realm.ts) cross as they
 * are: nobody can change them.
 */
import { types } from "node:util";
import { stackOf } from "./realm.ts";

/** Raised when a learner's value cannot be accepted: the grader reports it as the learner's error. */
export class BoundaryViolation extends Error {
  override name = "BoundaryViolation";
}

const { apply, construct, get, set, has, ownKeys, getOwnPropertyDescriptor, getPrototypeOf, deleteProperty } = Reflect;
const promiseThen = Promise.prototype.then;
const mapEntries = Map.prototype.entries;
const setValues = Set.prototype.values;
const dateGetTime = Date.prototype.getTime;
const objectProto = Object.prototype;
const arrayProto = Array.prototype;

type Side = "judge" | "learner";
/** A learner object → its judge-side view, and back. */
const judgeViewOf = new WeakMap<object, object>();
const learnerBehind = new WeakMap<object, object>();
/** A judge object → its learner-side view or copy, and back. */
const learnerViewOf = new WeakMap<object, object>();
const judgeBehind = new WeakMap<object, object>();
/** Views the membrane made (they are Proxies, and are not refused as the learner's). */
const ownViews = new WeakSet<object>();

let intrinsics: WeakSet<object> | undefined;

/** The frozen objects and functions reachable from the global object: shared safely as they are. */
function frozenIntrinsics(): WeakSet<object> {
  if (intrinsics) return intrinsics;
  const found = new WeakSet<object>();
  const visit = (value: unknown): void => {
    if ((typeof value !== "object" && typeof value !== "function") || value === null) return;
    if (found.has(value) || !Object.isFrozen(value)) return;
    found.add(value);
    visit(getPrototypeOf(value));
    for (const key of ownKeys(value)) {
      const desc = getOwnPropertyDescriptor(value, key)!;
      visit(desc.value);
      visit(desc.get);
      visit(desc.set);
    }
  };
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    const desc = getOwnPropertyDescriptor(globalThis, name);
    if (desc && "value" in desc) visit(desc.value);
  }
  visit(Object.prototype);
  visit(Function.prototype);
  return (intrinsics = found);
}

const isObject = (value: unknown): value is object =>
  (typeof value === "object" && value !== null) || typeof value === "function";

const isPlainData = (value: object): boolean => {
  if (Array.isArray(value)) return getPrototypeOf(value) === arrayProto;
  const proto = getPrototypeOf(value);
  return proto === objectProto || proto === null;
};

/** Standard error constructors by name, so a copied RangeError is still `instanceof RangeError`. */
const standardErrors: Record<string, ErrorConstructor> = {
  Error, RangeError, TypeError, SyntaxError, ReferenceError, EvalError, URIError,
};

function copyError(error: Error, to: Side): Error {
  const name = String(readSafely(error, "name") ?? "Error");
  const message = String(readSafely(error, "message") ?? "");
  const Ctor = Object.hasOwn(standardErrors, name) ? standardErrors[name] : Error;
  const copy = new Ctor(message);
  if (copy.name !== name) Object.defineProperty(copy, "name", { value: name, writable: true, configurable: true });
  if (to === "judge") Object.defineProperty(copy, "learnerStack", { value: stackOf(error) });
  return copy;
}

function readSafely(object: object, key: PropertyKey): unknown {
  const value = get(object, key);
  return isObject(value) ? undefined : value;
}

/**
 * Copies data (arrays, plain objects, collections) across, converting what it holds with `cross`.
 * With `accessorsAreBehaviour`, a plain object with a getter is not data (a grader's object that
 * counts reads of `timestamp`, say): undefined is returned and the caller makes a view instead.
 * The learner's getters, in the other direction, are read once, here.
 */
function copyData(value: object, cross: (inner: unknown) => unknown, seen: Map<object, object>, accessorsAreBehaviour = false): object | undefined {
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value) && getPrototypeOf(value) === arrayProto) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    const length = (value as unknown[]).length;
    for (let i = 0; i < length; i++) if (i in value) copy[i] = cross(get(value, i));
    return copy;
  }
  if (isPlainData(value)) {
    const keys = ownKeys(value);
    const descs = keys.map((key) => getOwnPropertyDescriptor(value, key));
    if (accessorsAreBehaviour && descs.some((desc) => desc?.get)) return undefined;
    const copy: Record<PropertyKey, unknown> = getPrototypeOf(value) === null ? Object.create(null) : {};
    seen.set(value, copy);
    // Symbol keys too: `[Symbol.iterator]() { … }` makes an object iterable.
    keys.forEach((key, i) => {
      const desc = descs[i];
      if (desc?.enumerable) copy[key as string] = cross("value" in desc ? desc.value : get(value, key));
    });
    return copy;
  }
  if (types.isMap(value)) {
    const copy = new Map();
    seen.set(value, copy);
    for (const [k, v] of apply(mapEntries, value, []) as IterableIterator<[unknown, unknown]>) copy.set(cross(k), cross(v));
    return copy;
  }
  if (types.isSet(value)) {
    const copy = new Set();
    seen.set(value, copy);
    for (const v of apply(setValues, value, []) as IterableIterator<unknown>) copy.add(cross(v));
    return copy;
  }
  if (types.isDate(value)) return new Date(apply(dateGetTime, value, []) as number);
  if (types.isTypedArray(value) || types.isArrayBuffer(value)) return structuredClone(value);
  return undefined;
}

// ---------------------------------------------------------------- learner → judge

/** A learner's value, made safe for the judge to read, compare and print. */
export function toJudge(value: unknown, seen?: Map<object, object>): any {
  if (!isObject(value)) return value;
  const view = judgeViewOf.get(value); // the hot path: a method of a learner object, called again
  if (view) return view;
  const original = judgeBehind.get(value);
  if (original) return original;
  if (frozenIntrinsics().has(value)) return value;
  if (types.isProxy(value) && !ownViews.has(value)) {
    throw new BoundaryViolation("your code gave the grader a Proxy, which it does not accept: return plain values");
  }
  if (types.isPromise(value)) {
    return new Promise((resolve, reject) => {
      apply(promiseThen, value, [(v: unknown) => {
        try { resolve(toJudge(v)); } catch (error) { reject(errorToJudge(error)); }
      }, (error: unknown) => reject(errorToJudge(error))]);
    });
  }
  if (typeof value === "function") return judgeView(value);
  if (types.isNativeError(value) || value instanceof Error) return copyError(value as Error, "judge");
  const within = seen ?? new Map<object, object>();
  const data = copyData(value, (inner) => toJudge(inner, within), within);
  if (!data) return judgeView(value);
  learnerBehind.set(data, value); // handed back to the learner, it is the learner's own object again
  return data;
}

/** Whatever the learner's code threw, as a plain judge-side Error. */
export function errorToJudge(thrown: unknown): Error {
  if (thrown instanceof BoundaryViolation) return thrown;
  if (isObject(thrown) && judgeBehind.has(thrown)) return judgeBehind.get(thrown) as Error;
  try {
    if (isObject(thrown) && !types.isProxy(thrown) && (types.isNativeError(thrown) || thrown instanceof Error)) {
      return copyError(thrown as Error, "judge");
    }
    const shown = isObject(thrown) ? "an object" : typeof thrown === "string" ? JSON.stringify(thrown) : String(thrown);
    return new Error(`your code threw ${shown}, not an Error`);
  } catch (error) {
    return error instanceof BoundaryViolation ? error : new BoundaryViolation("your code threw a value the grader could not read");
  }
}

/** Calls into the learner's code: what it throws comes out as a judge-side Error. */
function intoLearner<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw errorToJudge(error);
  }
}

/** Arguments on their way into the learner's code (a loop: this runs on every call). */
function argsToLearner(args: unknown[]): unknown[] {
  const out = new Array(args.length);
  for (let i = 0; i < args.length; i++) out[i] = toLearner(args[i]);
  return out;
}

function shadowFor(target: object): object {
  if (typeof target !== "function") return {};
  // A shadow with the same shape: constructors keep `prototype`, arrows and methods have none.
  return Object.hasOwn(target, "prototype") ? function () {} : () => {};
}

/** The judge's view of a learner function or object: every use of it crosses the membrane. */
function judgeView(target: object): object {
  const known = judgeViewOf.get(target);
  if (known) return known;
  const shadow = shadowFor(target);
  const view = new Proxy(shadow, {
    get: (_, key) => {
      try {
        return toJudge(get(target, key, target));
      } catch (error) {
        throw errorToJudge(error);
      }
    },
    set: (_, key, value) => intoLearner(() => set(target, key, toLearner(value), target)),
    has: (_, key) => intoLearner(() => has(target, key)),
    deleteProperty: (_, key) => intoLearner(() => deleteProperty(target, key)),
    ownKeys: (s) => {
      const keys = intoLearner(() => ownKeys(target));
      for (const key of ownKeys(s)) if (!keys.includes(key) && !getOwnPropertyDescriptor(s, key)!.configurable) keys.push(key);
      return keys;
    },
    getOwnPropertyDescriptor: (s, key) => {
      const desc = intoLearner(() => getOwnPropertyDescriptor(target, key));
      const fixed = getOwnPropertyDescriptor(s, key);
      if (!desc) return fixed && !fixed.configurable ? fixed : undefined;
      const value = "value" in desc ? toJudge(desc.value) : intoLearner(() => toJudge(get(target, key, target)));
      if (fixed && !fixed.configurable) return { ...fixed, value };
      return { value, writable: desc.writable ?? false, enumerable: desc.enumerable, configurable: true };
    },
    getPrototypeOf: () => intoLearner(() => toJudge(getPrototypeOf(target))),
    setPrototypeOf: () => false,
    preventExtensions: () => false,
    defineProperty: () => false,
    apply: (_, thisArg, args) => {
      try {
        return toJudge(apply(target as Function, toLearner(thisArg), argsToLearner(args)));
      } catch (error) {
        throw errorToJudge(error);
      }
    },
    construct: (_, args) => intoLearner(() => toJudge(construct(target as Function, argsToLearner(args)))),
  });
  ownViews.add(view);
  judgeViewOf.set(target, view);
  learnerBehind.set(view, target);
  return view;
}

/** The learner's own object behind a judge-side view (for workloads run beside it, compartment.ts). */
export function learnerObjectBehind(view: unknown): unknown {
  return isObject(view) ? (learnerBehind.get(view) ?? view) : view;
}

// ---------------------------------------------------------------- judge → learner

/** A judge's value, as the learner may see it: data copied, everything else a read-only view. */
export function toLearner(value: unknown, seen?: Map<object, object>): any {
  if (!isObject(value)) return value;
  const learner = learnerBehind.get(value);
  if (learner) return learner;
  if (frozenIntrinsics().has(value)) return value;
  const known = learnerViewOf.get(value);
  if (known) return lentObjects.has(known) ? refresh(known, value) : known;
  let crossed: object;
  if (types.isPromise(value)) {
    crossed = new Promise((resolve, reject) => {
      apply(promiseThen, value, [(v: unknown) => resolve(toLearner(v)), (error: unknown) => reject(toLearner(error))]);
    });
  } else if (types.isNativeError(value) || value instanceof Error) {
    crossed = copyError(value as Error, "learner");
  } else {
    const within = seen ?? new Map<object, object>();
    crossed = copyData(value, (inner) => toLearner(inner, within), within, true) ?? learnerView(value);
    if (isPlainData(value) && !Array.isArray(value)) {
      // A plain object is often a handle (a connection the grader created): the learner must get
      // the same object each time it crosses, or `release(connection)` would not find it.
      lentObjects.add(crossed);
      learnerViewOf.set(value, crossed);
    }
  }
  judgeBehind.set(crossed, value);
  return crossed;
}

/** Learner-side copies of the grader's plain objects, kept one per object. */
const lentObjects = new WeakSet<object>();

/**
 * Brings a lent copy up to date with the grader's object before it crosses again. What the
 * learner added to its copy stays (a pool may tag the connections it holds).
 */
function refresh(copy: object, original: object): object {
  const target = copy as Record<PropertyKey, unknown>;
  for (const key of ownKeys(original)) {
    if (!getOwnPropertyDescriptor(original, key)?.enumerable) continue;
    try {
      target[key as string] = toLearner(get(original, key));
    } catch {
      // the learner froze its copy: it keeps what it has
    }
  }
  return copy;
}

const readOnly = () => {
  throw new TypeError("objects the grader lends your code are read-only");
};

/** The learner's view of a judge function or object: callable, readable, never writable. */
function learnerView(target: object): object {
  const view = new Proxy(shadowFor(target), {
    get: (_, key) => toLearner(get(target, key, target)),
    has: (_, key) => has(target, key),
    ownKeys: (s) => {
      const keys = ownKeys(target);
      for (const key of ownKeys(s)) if (!keys.includes(key) && !getOwnPropertyDescriptor(s, key)!.configurable) keys.push(key);
      return keys;
    },
    getOwnPropertyDescriptor: (s, key) => {
      const desc = getOwnPropertyDescriptor(target, key);
      const fixed = getOwnPropertyDescriptor(s, key);
      if (!desc) return fixed && !fixed.configurable ? fixed : undefined;
      const value = toLearner(get(target, key, target));
      if (fixed && !fixed.configurable) return { ...fixed, value };
      return { value, writable: false, enumerable: desc.enumerable, configurable: true };
    },
    getPrototypeOf: () => toLearner(getPrototypeOf(target)),
    set: readOnly,
    deleteProperty: readOnly,
    defineProperty: readOnly,
    setPrototypeOf: readOnly,
    preventExtensions: () => false,
    apply: (_, thisArg, args) => {
      try {
        return toLearner(apply(target as Function, toJudge(thisArg), args.map((a) => toJudge(a))));
      } catch (error) {
        throw toLearner(error);
      }
    },
    construct: (_, args) => {
      try {
        return toLearner(construct(target as Function, args.map((a) => toJudge(a))));
      } catch (error) {
        throw toLearner(error);
      }
    },
  });
  ownViews.add(view);
  learnerViewOf.set(target, view);
  return view;
}
