/**
 * Copies of data for the membrane (membrane.ts): arrays, plain objects, Maps, Sets, Dates, typed
 * arrays and errors, rebuilt on the other side with what they hold converted by the caller.
 * Only the language's own methods, taken before any learner code ran, read the originals.
 */
import { types } from "node:util";

const { apply, get, ownKeys, getOwnPropertyDescriptor, getPrototypeOf } = Reflect;
const mapEntries = Map.prototype.entries;
const setValues = Set.prototype.values;
const dateGetTime = Date.prototype.getTime;
const objectProto = Object.prototype;
const arrayProto = Array.prototype;
// Taken once: under vitest a Node built-in's exports are reached through a Proxy of its module
// runner, so `types.isProxy(…)` in a hot path would cost a trap on every call.
const { isNativeError, isMap, isSet, isDate, isTypedArray, isArrayBuffer } = types;

export const isObject = (value: unknown): value is object =>
  (typeof value === "object" && value !== null) || typeof value === "function";

/** An array, or an object whose prototype is Object.prototype or null. */
export const isPlainData = (value: object): boolean => {
  const proto = getPrototypeOf(value);
  return Array.isArray(value) ? proto === arrayProto : proto === objectProto || proto === null;
};

/** Standard error constructors by name, so a copied RangeError is still `instanceof RangeError`. */
const standardErrors: Record<string, ErrorConstructor> = {
  Error, RangeError, TypeError, SyntaxError, ReferenceError, EvalError, URIError,
};

function readPrimitive(object: object, key: PropertyKey): unknown {
  const value = get(object, key);
  return isObject(value) ? undefined : value;
}

/** A fresh Error with the same name and message (and nothing else: no footprint, no getters). */
export function copyError(error: object): Error {
  const name = String(readPrimitive(error, "name") ?? "Error");
  const message = String(readPrimitive(error, "message") ?? "");
  const Ctor = Object.hasOwn(standardErrors, name) ? standardErrors[name]! : Error;
  // Without a stack: a copy's would only point into this file (where the original was thrown is
  // kept apart, as learnerStack), and capturing it was most of a crossing's cost, twice over under
  // the lockdown's Error.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let copy: Error;
  try {
    copy = new Ctor(message);
  } finally {
    Error.stackTraceLimit = limit;
  }
  if (copy.name !== name) Object.defineProperty(copy, "name", { value: name, writable: true, configurable: true });
  return copy;
}

export const isError = (value: object): boolean => isNativeError(value) || value instanceof Error;

/** Whether `copyData` may copy `value` (it can still refuse a plain object with a getter). */
export const isCopyable = (value: object): boolean =>
  isPlainData(value) || isMap(value) || isSet(value) || isDate(value) || isTypedArray(value) || isArrayBuffer(value);

/**
 * Copies an array across with `cross`, alone or inside data (`seen`, which guards against
 * cycles). Arrays are never remembered (only plain objects serve as handles), so no identity map
 * is consulted, and the `seen` map is made only once the array holds an object: most arrays that
 * cross hold numbers and strings.
 */
export function copyArray(value: unknown[], cross: (inner: unknown, seen: Map<object, object>) => unknown, seen?: Map<object, object>): unknown[] {
  const known = seen?.get(value);
  if (known) return known as unknown[];
  const copy: unknown[] = [];
  seen?.set(value, copy);
  const length = value.length;
  for (let i = 0; i < length; i++) {
    if (!(i in value)) continue;
    const inner = get(value, i);
    if (!isObject(inner)) copy[i] = inner;
    else {
      if (!seen) (seen = new Map<object, object>()).set(value, copy);
      copy[i] = cross(inner, seen);
    }
  }
  return copy;
}

/**
 * Copies data (arrays, plain objects, collections) across, converting what it holds with `cross`.
 * With `accessorsAreBehaviour`, a plain object with a getter is not data (a grader's object that
 * counts reads of `timestamp`, say): undefined is returned and the caller makes a view instead.
 * The learner's getters, in the other direction, are read once, here. Undefined for anything
 * that is not data (a class instance, a function).
 */
export function copyData(value: object, cross: (inner: unknown) => unknown, seen: Map<object, object>, accessorsAreBehaviour = false): object | undefined {
  const known = seen.get(value);
  if (known) return known;
  if (Array.isArray(value) && getPrototypeOf(value) === arrayProto) return copyArray(value as unknown[], cross, seen);
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
  if (isMap(value)) {
    const copy = new Map();
    seen.set(value, copy);
    for (const [k, v] of apply(mapEntries, value, []) as IterableIterator<[unknown, unknown]>) copy.set(cross(k), cross(v));
    return copy;
  }
  if (isSet(value)) {
    const copy = new Set();
    seen.set(value, copy);
    for (const v of apply(setValues, value, []) as IterableIterator<unknown>) copy.add(cross(v));
    return copy;
  }
  if (isDate(value)) return new Date(apply(dateGetTime, value, []) as number);
  if (isTypedArray(value) || isArrayBuffer(value)) return structuredClone(value);
  return undefined;
}
