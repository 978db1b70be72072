/**
 * What a learner's module finds in its global scope and can `import`, beyond the language itself.
 * The exercises need time (Date, timers, performance), fetch and its classes, URL, Buffer,
 * text encoding, console and a few `node:crypto` functions; nothing else of Node is there.
 *
 * Time is read through the judge's current globals on every call, so the kit's fake time
 * (kit/time.ts) drives the learner's clock and timers; but the learner only ever holds these
 * small hardened functions, never the fake clock itself (vitest's fake `setTimeout` carries a
 * `clock` whose `tick` would let code move time on its own).
 */
import * as crypto from "node:crypto";
import { format } from "node:util";
import fc from "fast-check";
import { errorToJudge, toJudge } from "./membrane.ts";
import { messages } from "../../messages.ts";
import { OUTPUT_LIMIT } from "../settings.ts";
import { hardenHost } from "./realm.ts";

const RealDate = Date;
// Taken once: under vitest a Node built-in's exports are reached through a Proxy of its module
// runner, so `createHash(…)` in a hash loop would cost a trap on every call.
const { createHash, createHmac, randomBytes, randomUUID, randomInt, timingSafeEqual } = crypto;
const oneShotHash = crypto.hash;
const formatted = format;

/** `Date` as the learner sees it: the real class, with "now" taken from the judge's clock. */
function learnerDate(): DateConstructor {
  const LearnerDate = function (this: unknown, ...args: unknown[]) {
    const now = globalThis.Date.now();
    if (!new.target) return new RealDate(now).toString();
    return args.length === 0 ? new RealDate(now) : new (RealDate as any)(...args);
  } as unknown as DateConstructor;
  Object.defineProperty(LearnerDate, "prototype", { value: RealDate.prototype });
  Object.assign(LearnerDate, { now: () => globalThis.Date.now(), parse: RealDate.parse, UTC: RealDate.UTC });
  return LearnerDate;
}

/** A learner's callback, run by the judge's timers: what it throws comes out as a judge Error. */
function guarded(callback: unknown, args: unknown[]): () => void {
  if (typeof callback !== "function") throw new TypeError("the callback must be a function");
  return () => {
    try {
      (callback as (...a: unknown[]) => void)(...args);
    } catch (error) {
      throw errorToJudge(error);
    }
  };
}

/** A timer as the learner holds it: an opaque token over the real (or fake) timer, kept in a
 *  private field, so clearing works and reaching the clock does not. */
class TimerHandle {
  readonly #timer: unknown;
  constructor(timer: unknown) {
    this.#timer = timer;
  }
  static realOf(handle: unknown): unknown {
    return typeof handle === "object" && handle !== null && #timer in handle ? (handle as TimerHandle).#timer : handle;
  }
  ref(): this { return this; }
  unref(): this { return this; }
  hasRef(): boolean { return true; }
  refresh(): this { return this; }
  [Symbol.toPrimitive](): number {
    return Number(this.#timer);
  }
}

function learnerTimers() {
  harden(TimerHandle);
  return {
    setTimeout: (callback: unknown, ms?: number, ...args: unknown[]) => new TimerHandle(globalThis.setTimeout(guarded(callback, args), ms)),
    setInterval: (callback: unknown, ms?: number, ...args: unknown[]) => new TimerHandle(globalThis.setInterval(guarded(callback, args), ms)),
    clearTimeout: (handle: unknown) => globalThis.clearTimeout(TimerHandle.realOf(handle) as any),
    clearInterval: (handle: unknown) => globalThis.clearInterval(TimerHandle.realOf(handle) as any),
    queueMicrotask: (callback: unknown) => globalThis.queueMicrotask(guarded(callback, [])),
  };
}

/** One printable string per argument; the learner's objects are copied before anyone reads them. */
function printable(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return typeof value === "object" && value !== null ? fc.stringify(toJudge(value)) : String(value);
  } catch {
    return "[a value that could not be printed]";
  }
}

/**
 * The learner's `console`, which prints through the judge's (vitest sends it to the engine). A
 * grading keeps only the first OUTPUT_LIMIT characters (settings.ts), so past them this console
 * prints one notice and then nothing, without formatting: a console.log left in a hot loop, or a
 * flood, costs a counter instead of a formatted line sent to the reporter on every call (12 MB of
 * it took longer to load than a property's time limit on a loaded machine).
 */
function learnerConsole() {
  let room = OUTPUT_LIMIT; // characters this module may still print, a line break after each call; -1 once cut
  const print = (method: "log" | "info" | "warn" | "error" | "debug") => (...args: unknown[]) => {
    if (room < 0) return;
    const text = formatted(...args.map(printable));
    if (text.length + 1 <= room) {
      room -= text.length + 1;
      globalThis.console[method](text);
      return;
    }
    globalThis.console[method](`${text.slice(0, room)}\n${messages.learnerOutputCut(OUTPUT_LIMIT)}`);
    room = -1;
  };
  return { log: print("log"), info: print("info"), warn: print("warn"), error: print("error"), debug: print("debug") };
}

/**
 * A hash or HMAC as the learner holds it: `update` and `digest`, over Node's own object kept in a
 * private field. A class, not a closure per call: hash rings hash once per lookup.
 */
class LearnerHash {
  readonly #hash: crypto.Hash | crypto.Hmac;
  constructor(hash: crypto.Hash | crypto.Hmac) {
    this.#hash = hash;
  }
  update(data: string | Uint8Array, encoding?: crypto.Encoding): this {
    if (typeof data === "string") this.#hash.update(data, encoding as crypto.Encoding);
    else this.#hash.update(data);
    return this;
  }
  digest(encoding?: crypto.BinaryToTextEncoding): string | Buffer {
    return encoding ? this.#hash.digest(encoding) : this.#hash.digest();
  }
}

/** Algorithms and digest encodings the one-shot path takes; anything else goes to Node's Hash. */
const HASHES = new Set(crypto.getHashes());
const ONE_SHOT_OUTPUT = new Set<string | undefined>([undefined, "hex", "base64", "base64url", "latin1", "binary"]);

/**
 * `createHash(algorithm)`: the common `createHash(a).update(text).digest(enc)` of a hash ring
 * becomes one `crypto.hash` call, about 3x cheaper (0.44 µs against 1.4 µs for MD5 in hex): the
 * hash rings' self-tests spent most of their time here. Node's Hash object is made only when the
 * use is anything else (a second update, an input encoding, a second digest), so every answer and
 * every error is Node's own.
 */
class LearnerDigest {
  readonly #algorithm: string;
  #hash: LearnerHash | undefined;
  #pending: string | undefined;
  #finalized = false;
  constructor(algorithm: string) {
    this.#algorithm = algorithm;
    // A name Node lists goes the one-shot way; any other one to Node's Hash (which throws for an unknown one).
    if (!HASHES.has(algorithm)) this.#hash = new LearnerHash(createHash(algorithm));
  }
  #real(): LearnerHash {
    if (!this.#hash) {
      this.#hash = new LearnerHash(createHash(this.#algorithm));
      if (this.#pending !== undefined) this.#hash.update(this.#pending);
      // Digested by the one-shot path: a later update or digest throws Node's own error.
      if (this.#finalized) this.#hash.digest();
      this.#pending = undefined;
    }
    return this.#hash;
  }
  update(data: string | Uint8Array, encoding?: crypto.Encoding): this {
    // Only text is held back: strings cannot change before the digest, byte arrays can.
    const utf8 = encoding === undefined || encoding === "utf8" || encoding === "utf-8";
    if (!this.#hash && !this.#finalized && this.#pending === undefined && utf8 && typeof data === "string") this.#pending = data;
    else this.#real().update(data, encoding);
    return this;
  }
  digest(encoding?: crypto.BinaryToTextEncoding): string | Buffer {
    if (this.#hash || this.#finalized || this.#pending === undefined || !ONE_SHOT_OUTPUT.has(encoding)) return this.#real().digest(encoding);
    // Node 20's Buffer output of `crypto.hash` costs twice its latin1 string plus the copy (2.0 µs
    // against 0.9 µs for SHA-256): the same bytes, the cheaper way (geo-router hashes millions).
    const answer = encoding === undefined
      ? Buffer.from(oneShotHash(this.#algorithm, this.#pending, "binary") as string, "latin1")
      : (oneShotHash(this.#algorithm, this.#pending, encoding) as string);
    this.#pending = undefined;
    this.#finalized = true;
    return answer;
  }
}

/** `node:crypto` as an exercise may import it: hashing, HMAC, random bytes and ids. */
function learnerCrypto() {
  harden(LearnerHash);
  harden(LearnerDigest);
  hardenHost(Buffer); // digests and random bytes are Buffers: their prototype must be frozen first
  return Object.freeze({
    createHash: (algorithm: string) => new LearnerDigest(algorithm),
    createHmac: (algorithm: string, key: string | Uint8Array) => new LearnerHash(createHmac(algorithm, key)),
    randomBytes: (size: number) => randomBytes(size),
    randomUUID: () => randomUUID(),
    randomInt: (min: number, max?: number) => (max === undefined ? randomInt(min) : randomInt(min, max)),
    timingSafeEqual: (a: Uint8Array, b: Uint8Array) => timingSafeEqual(a, b),
  });
}

/** Host classes handed to the learner, hardened (frozen with their prototypes) on first use. */
const HOST_CLASSES = [
  "URL", "URLSearchParams", "AbortController", "AbortSignal", "Headers", "Request", "Response",
  "TextEncoder", "TextDecoder", "Buffer",
] as const;

/** The modules an exercise may import, by specifier. */
export function learnerModules(): Record<string, unknown> {
  const cryptoModule = learnerCrypto();
  return { "node:crypto": cryptoModule, crypto: cryptoModule };
}

/** The globals of a learner's compartment. */
export function learnerGlobals(): Record<string, unknown> {
  const globals: Record<string, unknown> = {
    ...learnerTimers(),
    Date: learnerDate(),
    Math, // the start compartment's, with Math.random (a compartment's own has none)
    performance: Object.freeze({ now: () => performance.now(), timeOrigin: performance.timeOrigin }),
    console: learnerConsole(),
    fetch: (input: unknown, init?: unknown) => globalThis.fetch(input as string, init as RequestInit), // nock swaps globalThis.fetch
    structuredClone: (value: unknown) => structuredClone(value),
  };
  for (const name of HOST_CLASSES) {
    Object.defineProperty(globals, name, { enumerable: true, get: () => hardenHost((globalThis as any)[name]) });
  }
  return globals;
}
