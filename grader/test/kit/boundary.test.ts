/**
 * The boundary's own rules (grader/kit/boundary/), each on a small module written for the test:
 * what crosses as a copy, what as a view, what comes back as the grader's own object, what is
 * refused, and what a learner's module can reach at all.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test, vi } from "vitest";
import { loadLearnerModule, LoadFailure } from "../../kit/boundary/compartment.ts";
import { OUTPUT_LIMIT } from "../../kit/settings.ts";
import { advanceTime, withFakeTime } from "../../kit/time.ts";

const dir = mkdtempSync(join(tmpdir(), "ztm-boundary-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
async function load(source: string): Promise<any> {
  const file = join(dir, "ch", `m${files++}.ts`);
  mkdirSync(join(dir, "ch"), { recursive: true });
  writeFileSync(file, source);
  return (await loadLearnerModule(file, [dir])).exports;
}

async function loadError(source: string): Promise<string> {
  try {
    await load(source);
  } catch (error) {
    expect(error).toBeInstanceOf(LoadFailure);
    return (error as Error).message;
  }
  throw new Error("the module loaded");
}

describe("values that cross", () => {
  test("a grader's object lent to the learner comes back as the very same object", async () => {
    const m = await load("export const echo = (x: unknown) => x; export const inArray = (x: unknown) => [x, x];");
    const connection = new (class Connection { id = 7; })();
    expect(m.echo(connection)).toBe(connection);
    const plain = { id: 1 };
    expect(m.echo(plain)).toBe(plain);
    expect(m.inArray(plain)).toEqual([plain, plain]);
    expect(m.inArray(plain)[0]).toBe(plain);
  });

  test("the learner's data is copied once at the crossing: a lying getter cannot change its story", async () => {
    const m = await load("let n = 0; export const liar = () => ({ get v() { return ++n; } });");
    const answer = m.liar();
    expect(answer.v).toBe(1);
    expect(answer.v).toBe(1);
    expect(Object.getOwnPropertyDescriptor(answer, "v")).toMatchObject({ value: 1 });
  });

  test("a thrown error's stack is read at the crossing, never later: the learner's own stack getter cannot run while the grader reports", async () => {
    const m = await load(`
      export let reads = 0;
      export const sneaky = () => { const e = new Error("boom"); Object.defineProperty(e, "stack", { get() { reads++; return "x"; } }); throw e; };
      export const readsSoFar = () => reads;
    `);
    const error = (() => { try { m.sneaky(); } catch (e) { return e as Error & { learnerStack?: unknown }; } })()!;
    const atCrossing = m.readsSoFar();
    expect(Object.getOwnPropertyDescriptor(error, "learnerStack")).toMatchObject({ value: expect.any(String) });
    void error.learnerStack;
    expect(m.readsSoFar()).toBe(atCrossing);
  });

  test("a Proxy from the learner is refused, with a reason", async () => {
    const m = await load("export const p = () => new Proxy({}, {});");
    expect(() => m.p()).toThrow(/gave the grader a Proxy/);
  });

  test("what the learner throws arrives as a plain Error of the same name, without fast-check's skip marker", async () => {
    const m = await load(`
      export const range = () => { throw new RangeError("bad"); };
      export class PoolClosedError extends Error { name = "PoolClosedError"; }
      export const custom = () => { throw new PoolClosedError("closed"); };
      export const skip = () => { throw Object.assign(new Error("skip"), { footprint: Symbol.for("fast-check/PreconditionFailure") }); };
      export const marker = () => { throw { footprint: Symbol.for("fast-check/PreconditionFailure") }; };
    `);
    expect(() => m.range()).toThrow(RangeError);
    expect(() => m.custom()).toThrow(expect.objectContaining({ name: "PoolClosedError", message: "closed" }));
    for (const call of [m.skip, m.marker]) {
      let thrown: any;
      try { call(); } catch (error) { thrown = error; }
      expect(thrown).toBeInstanceOf(Error);
      expect(thrown.footprint).toBeUndefined();
    }
  });

  test("a grader's callback can be called but not changed, and its getters keep counting", async () => {
    const m = await load(`
      export const call = (f: any) => f(2);
      export const patch = (f: any) => { try { f.prototype = null; f.extra = 1; return "patched"; } catch (e) { return (e as Error).message; } };
      export const readTwice = (o: any) => o.t + o.t;
    `);
    let calls = 0;
    const loader = (x: number) => { calls++; return x * 10; };
    expect(m.call(loader)).toBe(20);
    expect(calls).toBe(1);
    expect(m.patch(function judge() {})).toMatch(/read-only/);
    let reads = 0;
    expect(m.readTwice({ get t() { return ++reads; } })).toBe(3);
    expect(reads).toBe(2);
  });

  test("promises cross in both directions, settling with crossed values", async () => {
    const m = await load("export const later = async (x: any) => [await x, 1];");
    const lent = { id: 3 };
    const [back, one] = await m.later(Promise.resolve(lent));
    expect(back).toBe(lent);
    expect(one).toBe(1);
  });

  test("a learner's promise reaches the grader as a plain Promise, whatever its class, and its rejection as a copy", async () => {
    const m = await load(`
      class Mine extends Promise<unknown> {}
      export const plain = () => Promise.resolve([1, { a: 2 }]);
      export const subclass = () => new Mine((resolve) => resolve(5));
      export const ownConstructor = () => { const p: any = Promise.resolve(6); p.constructor = Mine; return p; };
      export const fails = () => Promise.reject(new RangeError("no"));
    `);
    for (const [make, value] of [[m.plain, [1, { a: 2 }]], [m.subclass, 5], [m.ownConstructor, 6]] as const) {
      const promise = make();
      expect(Object.getPrototypeOf(promise)).toBe(Promise.prototype);
      expect(Object.hasOwn(promise, "constructor")).toBe(false);
      expect(await promise).toEqual(value);
    }
    const error = await m.fails().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe("no");
    expect(typeof error.learnerStack).toBe("string"); // a copy made at the crossing
  });

  test("arrays that hold themselves cross as copies that hold themselves, both ways", async () => {
    const m = await load(`
      export const loop = () => { const a: any[] = [1]; a.push(a, { self: a }); return a; };
      export const isLoop = (a: any[]) => a[1] === a && a[2].self === a && a[0] === "x";
    `);
    const copy = m.loop();
    expect(copy[0]).toBe(1);
    expect(copy[1]).toBe(copy);
    expect(copy[2].self).toBe(copy);
    const mine: unknown[] = ["x"];
    mine.push(mine, { self: mine });
    expect(m.isLoop(mine)).toBe(true);
  });
});

describe("what a learner's module can reach", () => {
  test("only node:crypto and exercise files can be imported", async () => {
    expect(await loadError('import fs from "node:fs"; export const x = fs;')).toMatch(/ImportRefused: cannot import "node:fs"/);
    expect(await loadError('import x from "/etc/passwd?raw"; export { x };')).toMatch(/loader queries are not allowed/);
    expect(await loadError('import x from "../../outside.ts"; export { x };')).toMatch(/cannot import/);
    const m = await load('import { createHash } from "node:crypto"; export const md5 = (s: string) => createHash("md5").update(s).digest("hex");');
    expect(m.md5("a")).toBe("0cc175b9c0f1b6a831c399e269772661");
    const patch = await load('import { randomBytes } from "node:crypto"; export const go = () => { try { (Object.getPrototypeOf(randomBytes(1)) as any).toString = () => "x"; return "patched"; } catch { return "frozen"; } };');
    expect(patch.go()).toBe("frozen");
    expect(Buffer.from("ok").toString()).toBe("ok");
  });

  test("the built-ins are frozen, and there is no process, require or stack to read", async () => {
    const m = await load(`
      export const probe = () => {
        const out: string[] = [];
        try { (Map.prototype as any).get = () => 1; out.push("patched Map"); } catch { out.push("Map frozen"); }
        out.push(typeof (globalThis as any).process, typeof (globalThis as any).require, String(new Error("x").stack));
        return out;
      };
    `);
    expect(m.probe()).toEqual(["Map frozen", "undefined", "undefined", ""]);
    expect(new Map([[1, 2]]).get(1)).toBe(2);
  });

  test("the learner's clock and timers follow the grader's fake time, through opaque handles", async () => {
    const m = await load(`
      export const now = () => [Date.now(), new Date().getTime()];
      export const after = (ms: number, log: string[]) => { const h: any = setTimeout(() => log.push("fired"), ms); return [Object.keys(h), typeof h.unref, typeof h.clock, typeof (setTimeout as any).clock]; };
    `);
    await withFakeTime(async () => {
      expect(m.now()).toEqual([5_000, 5_000]);
      const log: string[] = [];
      const handleKeys = m.after(100, { push: (x: string) => log.push(x) });
      expect(handleKeys).toEqual([[], "function", "undefined", "undefined"]);
      advanceTime(100);
      expect(log).toEqual(["fired"]);
      expect(m.now()).toEqual([5_100, 5_100]);
    }, { now: 5_000 });
  });
});

describe("the learner's console", () => {
  test("prints what a grading keeps, then one notice and nothing more: later calls are neither formatted nor sent", async () => {
    const m = await load(`
      let reads = 0;
      export const readsSoFar = () => reads;
      export const flood = () => {
        for (let i = 0; i < 3000; i++) console.log("line", i);
        console.error({ get costly() { reads++; return 1; } }); // past the limit: never read
      };
    `);
    const printed: string[] = [];
    const spies = (["log", "error"] as const).map((method) => vi.spyOn(console, method).mockImplementation((text: unknown) => void printed.push(String(text))));
    try {
      m.flood();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const everything = Array.from({ length: 3000 }, (_, i) => `line ${i}\n`).join("");
    const stream = printed.map((text) => `${text}\n`).join(""); // as vitest passes it on: a line break after each call
    expect(stream.slice(0, OUTPUT_LIMIT)).toBe(everything.slice(0, OUTPUT_LIMIT));
    expect(stream.slice(OUTPUT_LIMIT)).toBe(`\n… (your code printed more than ${OUTPUT_LIMIT} characters: the rest is not shown)\n`);
    expect(printed.length).toBeLessThan(OUTPUT_LIMIT / "line 9\n".length);
    expect(m.readsSoFar()).toBe(0);
  });

  test("output that ends exactly at the limit still gets the notice on the next call", async () => {
    const m = await load(`export const fill = (n: number) => { console.log("x".repeat(n)); console.log("one more"); };`);
    const printed: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((text: unknown) => void printed.push(String(text)));
    try {
      m.fill(OUTPUT_LIMIT - 1); // with its line break, exactly the limit
    } finally {
      spy.mockRestore();
    }
    expect(printed).toEqual(["x".repeat(OUTPUT_LIMIT - 1), `\n… (your code printed more than ${OUTPUT_LIMIT} characters: the rest is not shown)`]);
  });
});
