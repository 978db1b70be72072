/**
 * The membrane between the judge (graders, models, checks, fast-check) and the judged (the
 * learner's module, evaluated in a compartment). Every value that crosses is converted:
 *
 * - learner → judge (`toJudge`): data (arrays, plain objects, Maps, Sets, Dates, typed arrays) is
 *   copied (data.ts), so a lying getter or a `toJSON` runs once, at the crossing, never inside a
 *   check; functions and class instances become views whose every use crosses again; a Proxy is
 *   refused; a thrown value becomes a plain judge-side `Error` (`errorToJudge`), so nothing the
 *   learner throws carries fast-check's "skip this run" footprint or a getter into the judge.
 * - judge → learner (`toLearner`): data is copied, functions and objects become read-only views,
 *   so the learner can call a grader's `load` callback but cannot reach or patch what is behind it.
 *
 * A value that crosses back is returned as the original (a connection the grader created, lent
 * to the learner and returned by `acquire()`, is the grader's own object again), so identity
 * checks keep working. The language's frozen intrinsics (after lockdown, realm.ts) cross as they
 * are: nobody can change them.
 *
 * Speed: the graders cross this membrane millions of times, so a view's target sits on its
 * shadow (a symbol only this module holds) rather than in a WeakMap, one handler serves every
 * view, and only what identity needs is remembered (a WeakMap insertion costs microseconds once
 * the map is large).
 */
import { types } from "node:util";
import { copyArray, copyData, copyError, isCopyable, isError, isObject, isPlainData } from "./data.ts";
import { stackOf } from "./realm.ts";

/** Raised when a learner's value cannot be accepted: the grader reports it as the learner's error. */
export class BoundaryViolation extends Error {
  override name = "BoundaryViolation";
}

const { apply, construct, get, set, has, ownKeys, getOwnPropertyDescriptor, getPrototypeOf, deleteProperty, defineProperty } = Reflect;
const promiseThen = Promise.prototype.then;
const promiseProto = Promise.prototype;
// Taken once: under vitest a Node built-in's exports are reached through a Proxy of its module
// runner, so `isProxy(…)` in a hot path would cost a trap on every call.
const { isProxy, isPromise } = types;

/** Where a view's shadow keeps its target. Never handed to the learner. */
const TARGET = Symbol("target");
/** A learner function → the judge's view of it. */
const judgeViewOf = new WeakMap<object, object>();
/** A judge object → the learner's view of it, or its lent copy (plain objects). */
const learnerCopyOf = new WeakMap<object, object>();
/** A learner-side view or lent copy → the judge's original. */
const judgeBehind = new WeakMap<object, object>();
/** A judge-side copy of the learner's top-level data → the learner's original. */
const learnerBehind = new WeakMap<object, object>();
/** The learner-side views: the only Proxies the learner may hand back. */
const learnerViews = new WeakSet<object>();

let intrinsics: WeakSet<object> | undefined;

/** The frozen objects and functions reachable from the global object: shared safely as they are. */
function frozenIntrinsics(): WeakSet<object> {
  if (intrinsics) return intrinsics;
  const found = new WeakSet<object>();
  const visit = (value: unknown): void => {
    if (!isObject(value) || found.has(value) || !Object.isFrozen(value)) return;
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

/** A shadow of the same shape as `target`: constructors keep `prototype`, methods have none. */
function shadowFor(target: object): any {
  let shadow: any;
  if (typeof target !== "function") shadow = Array.isArray(target) ? [] : {};
  else shadow = Object.hasOwn(target, "prototype") ? function () {} : () => {};
  shadow[TARGET] = target; // configurable, so no view ever reports it (viewKeys, viewDescriptor)
  return shadow;
}

/** Own keys for a view: the target's, plus the shadow's fixed ones (a Proxy must report them). */
function viewKeys(shadow: object, keys: (string | symbol)[]): (string | symbol)[] {
  for (const key of ownKeys(shadow)) if (!keys.includes(key) && !getOwnPropertyDescriptor(shadow, key)!.configurable) keys.push(key);
  return keys;
}

/** A descriptor a view may report for `key`, given the target's and the shadow's. */
function viewDescriptor(shadow: object, key: PropertyKey, desc: PropertyDescriptor | undefined, value: () => unknown, writable: boolean) {
  const fixed = getOwnPropertyDescriptor(shadow, key);
  if (!desc) return fixed && !fixed.configurable ? fixed : undefined;
  if (fixed && !fixed.configurable) return { ...fixed, value: value() };
  return { value: value(), writable: writable && (desc.writable ?? false), enumerable: desc.enumerable, configurable: true };
}

const arrayProto = Array.prototype;

/** An array of the language's own (no Proxy, no subclass): data, and never a handle. */
const isPlainArray = (value: object): value is unknown[] => Array.isArray(value) && !isProxy(value) && getPrototypeOf(value) === arrayProto;

// ---------------------------------------------------------------- learner → judge

/** A learner's value, made safe for the judge to read, compare and print. */
export function toJudge(value: unknown, seen?: Map<object, object>): any {
  if (!isObject(value)) return value;
  if (isPlainArray(value)) return copyArray(value, toJudge, seen);
  const view = judgeViewOf.get(value); // the hot path: a method of a learner object, called again
  if (view) return view;
  const original = judgeBehind.get(value);
  if (original) return original;
  if (isProxy(value)) {
    if (learnerViews.has(value)) return (value as any)[TARGET];
    throw new BoundaryViolation("your code gave the grader a Proxy, which it does not accept: return plain values");
  }
  if (seen && isPlainData(value)) return copyData(value, (inner) => toJudge(inner, seen), seen); // inside data: the common case
  if (frozenIntrinsics().has(value)) return value;
  if (isPromise(value)) {
    // An ordinary promise's `then` makes the judge's own kind of promise (its species is the
    // frozen Promise): no wrapper needed. Any other (a subclass, an own `constructor`) is wrapped.
    if (getPrototypeOf(value) === promiseProto && !Object.hasOwn(value, "constructor")) {
      return apply(promiseThen, value, [promiseValueToJudge, promiseErrorToJudge]);
    }
    return new Promise((resolve, reject) => {
      apply(promiseThen, value, [(v: unknown) => {
        try { resolve(toJudge(v)); } catch (error) { reject(errorToJudge(error)); }
      }, (error: unknown) => reject(errorToJudge(error))]);
    });
  }
  if (typeof value === "function") return judgeView(value);
  if (isError(value)) return learnerErrorCopy(value);
  if (!isCopyable(value)) return judgeView(value); // a class instance: no copy to start
  const within = seen ?? new Map<object, object>();
  const data = copyData(value, (inner) => toJudge(inner, within), within);
  if (!data) return judgeView(value);
  // Handed back to the learner, a returned plain object is the learner's own again (a handle).
  // Not arrays or collections: a WeakMap insertion for every `keys()` answer costs more than it serves.
  if (!seen && !Array.isArray(data) && isPlainData(data)) learnerBehind.set(data, value);
  return data;
}

function promiseValueToJudge(value: unknown): unknown {
  try {
    return toJudge(value);
  } catch (error) {
    throw errorToJudge(error);
  }
}

function promiseErrorToJudge(error: unknown): never {
  throw errorToJudge(error);
}

function learnerErrorCopy(error: object): Error {
  const copy = copyError(error);
  // Where it was thrown (run-property.ts). Read now, at the crossing, never later: reading a stack
  // can run the learner's code (its own `stack` getter), which must happen while the property runs
  // under its watchdog, not while the grader reports.
  defineProperty(copy, "learnerStack", { value: stackOf(error) });
  return copy;
}

/** Whatever the learner's code threw, as a plain judge-side Error. */
export function errorToJudge(thrown: unknown): Error {
  if (thrown instanceof BoundaryViolation) return thrown;
  if (isObject(thrown) && judgeBehind.has(thrown)) return judgeBehind.get(thrown) as Error;
  try {
    if (isObject(thrown) && !isProxy(thrown) && isError(thrown)) return learnerErrorCopy(thrown);
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

/**
 * The view whose property was read last, and its target: `view.method(…)` reads `method` through
 * the view and then calls it with the view as `this`, which `apply` maps back without another trap.
 */
let lastView: unknown;
let lastTarget: unknown;

/** `this` for a call into the learner's code. */
const thisToLearner = (thisArg: unknown) => (thisArg === lastView && thisArg !== undefined ? lastTarget : toLearner(thisArg));

/** One handler for every judge-side view of a learner object or function. */
const judgeViewHandler: ProxyHandler<any> = {
  get(shadow, key, receiver) {
    const target = shadow[TARGET];
    if (key === TARGET) return target;
    lastView = receiver;
    lastTarget = target;
    try {
      return toJudge(get(target, key, target));
    } catch (error) {
      throw errorToJudge(error);
    }
  },
  set: (shadow, key, value) => intoLearner(() => set(shadow[TARGET], key, toLearner(value), shadow[TARGET])),
  has: (shadow, key) => intoLearner(() => has(shadow[TARGET], key)),
  deleteProperty: (shadow, key) => intoLearner(() => deleteProperty(shadow[TARGET], key)),
  ownKeys: (shadow) => viewKeys(shadow, intoLearner(() => ownKeys(shadow[TARGET]))),
  getOwnPropertyDescriptor(shadow, key) {
    const target = shadow[TARGET];
    const desc = intoLearner(() => getOwnPropertyDescriptor(target, key));
    const value = () => (desc && "value" in desc ? toJudge(desc.value) : intoLearner(() => toJudge(get(target, key, target))));
    return viewDescriptor(shadow, key, desc, value, true);
  },
  getPrototypeOf: (shadow) => intoLearner(() => toJudge(getPrototypeOf(shadow[TARGET]))),
  setPrototypeOf: () => false,
  preventExtensions: () => false,
  defineProperty: () => false,
  apply(shadow, thisArg, args) {
    try {
      return toJudge(apply(shadow[TARGET], thisToLearner(thisArg), argsToLearner(args)));
    } catch (error) {
      throw errorToJudge(error);
    }
  },
  construct: (shadow, args) => intoLearner(() => toJudge(construct(shadow[TARGET], argsToLearner(args)))),
};

/**
 * The judge's view of a learner function or object: every use of it crosses the membrane.
 * Functions (methods, classes) keep one view each, so `cache.get` is found again at once; objects
 * get a new view each time they cross, because remembering every instance a property creates
 * costs more in garbage collection than the whole property (a view's identity is not compared).
 */
function judgeView(target: object): object {
  const view = new Proxy(shadowFor(target), judgeViewHandler);
  if (typeof target === "function") judgeViewOf.set(target, view);
  return view;
}

/** The learner's own object behind a judge-side view (for workloads run beside it, compartment.ts). */
export function learnerObjectBehind(view: unknown): unknown {
  return isObject(view) && isProxy(view) ? ((view as any)[TARGET] ?? view) : view;
}

// ---------------------------------------------------------------- judge → learner

/** A judge's value, as the learner may see it: data copied, everything else a read-only view. */
export function toLearner(value: unknown, seen?: Map<object, object>): any {
  if (!isObject(value)) return value;
  if (isPlainArray(value)) return copyArray(value, toLearner, seen);
  if (isProxy(value)) {
    const behind = (value as any)[TARGET]; // a judge-side view: the learner's own object
    if (behind !== undefined) return behind;
  }
  const learner = learnerBehind.get(value);
  if (learner) return learner;
  const known = learnerCopyOf.get(value);
  if (known) return isProxy(known) ? known : refresh(known, value);
  if (frozenIntrinsics().has(value)) return value;
  if (isPromise(value)) {
    const crossed = new Promise((resolve, reject) => {
      apply(promiseThen, value, [(v: unknown) => resolve(toLearner(v)), (error: unknown) => reject(toLearner(error))]);
    });
    judgeBehind.set(crossed, value);
    return crossed;
  }
  if (isError(value)) {
    const crossed = copyError(value);
    judgeBehind.set(crossed, value);
    return crossed;
  }
  if (!isCopyable(value)) return learnerView(value); // a class instance: no copy to start
  const within = seen ?? new Map<object, object>();
  const data = copyData(value, (inner) => toLearner(inner, within), within, true);
  if (!data) return learnerView(value);
  if (!seen && !Array.isArray(value) && isPlainData(value)) {
    // A plain object handed over is often a handle (a connection the grader created): the learner
    // must get the same object each time it crosses, or `release(connection)` would not find it.
    learnerCopyOf.set(value, data);
    judgeBehind.set(data, value);
  }
  return data;
}

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

/** One handler for every learner-side view of a grader's function or object: callable, readable,
 *  never writable. The shadow's TARGET is not among the keys it reports. */
const learnerViewHandler: ProxyHandler<any> = {
  get: (shadow, key) => (key === TARGET ? shadow[TARGET] : toLearner(get(shadow[TARGET], key, shadow[TARGET]))),
  has: (shadow, key) => has(shadow[TARGET], key),
  ownKeys: (shadow) => viewKeys(shadow, ownKeys(shadow[TARGET])),
  getOwnPropertyDescriptor(shadow, key) {
    const target = shadow[TARGET];
    return viewDescriptor(shadow, key, getOwnPropertyDescriptor(target, key), () => toLearner(get(target, key, target)), false);
  },
  getPrototypeOf: (shadow) => toLearner(getPrototypeOf(shadow[TARGET])),
  set: readOnly,
  deleteProperty: readOnly,
  defineProperty: readOnly,
  setPrototypeOf: readOnly,
  preventExtensions: () => false,
  apply(shadow, thisArg, args) {
    try {
      return toLearner(apply(shadow[TARGET], toJudge(thisArg), args.map((a) => toJudge(a))));
    } catch (error) {
      throw toLearner(error);
    }
  },
  construct(shadow, args) {
    try {
      return toLearner(construct(shadow[TARGET], args.map((a) => toJudge(a))));
    } catch (error) {
      throw toLearner(error);
    }
  },
};

/** The learner's view of a judge function or object. */
function learnerView(target: object): object {
  const view = new Proxy(shadowFor(target), learnerViewHandler);
  learnerViews.add(view);
  learnerCopyOf.set(target, view);
  return view;
}
