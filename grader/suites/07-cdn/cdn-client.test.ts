/**
 * Grader for 07-cdn/cdn-client. The CDN and the origin are real HTTP through `fetch`, answered by
 * nock. Delays are fake: nock's callback reply waits on the faked `setTimeout`, and a slow body is
 * a stream whose second half is pushed by a faked timer. The driver jumps the fake clock from one
 * timer to the next and, between jumps, lets nock's real event-loop turns finish (one real
 * 1 ms timer per round, queued after nock's own: ordering, not speed). Delays never equal the
 * limit, so every correct design agrees on each case.
 */
import { Readable } from "node:stream";
import fc from "fast-check";
import nock from "nock";
import { vi } from "vitest";
import { check, checkThat, defineGrader, show, step, withFakeTime } from "../../kit/index.ts";
type Module = typeof import("../../../exercises/07-cdn/cdn-client.ts");

const CDN = "http://cdn.test";
const ORIGIN = "http://origin.test";
const realSetTimeout = globalThis.setTimeout; // captured at import, before any fake timers

type Behaviour =
  | { kind: "answer"; status: number; headMs: number; bodyMs: number }
  | { kind: "network-error"; afterMs: number }
  | { kind: "silent" };

function describe(b: Behaviour): string {
  if (b.kind === "network-error") return `fails with a network error after ${b.afterMs} ms`;
  if (b.kind === "silent") return "never answers";
  const body = b.bodyMs > 0 ? `, and the rest of the body ${b.bodyMs} ms later` : "";
  return `answers ${b.status} after ${b.headMs} ms${body}`;
}

/** A body whose second half arrives `ms` (fake) milliseconds after the first. */
function slowBody(text: string, ms: number): Readable {
  const stream = new Readable({ read() {} });
  const half = Math.floor(text.length / 2);
  stream.push(text.slice(0, half));
  const rest = () => {
    stream.push(text.slice(half));
    stream.push(null);
  };
  if (ms > 0) setTimeout(rest, ms);
  else rest();
  return stream;
}

/** Script `base` to behave as `b` for one GET of `path`; the body names the server. */
function script(base: string, path: string, b: Behaviour, who: string): nock.Scope {
  return nock(base)
    .get((uri) => uri === path)
    .reply((_uri, _body, callback) => {
      if (b.kind === "silent") return;
      if (b.kind === "network-error") {
        setTimeout(() => callback(new Error("connect ECONNREFUSED"), [0, ""]), b.afterMs);
        return;
      }
      const headers = { "Content-Type": "text/plain", "X-Served-By": who };
      setTimeout(() => callback(null, [b.status, slowBody(`${who} says ${b.status}`, b.bodyMs), headers]), b.headMs);
    });
}

/** Let real event-loop turns finish. Two rounds are enough for nock today (one is not); three
 *  leave room. Each round waits a real 1 ms timer, so rounds are most of this grader's time. */
async function settle(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => realSetTimeout(resolve, 1));
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  }
}

type Outcome = { settled: false } | { settled: true; ok: true; value: unknown } | { settled: true; ok: false; error: unknown };

/** Run fake time, timer by timer, until `promise` settles or `horizonMs` of fake time pass. */
async function drive(promise: Promise<unknown>, horizonMs: number): Promise<Outcome> {
  let outcome: Outcome = { settled: false };
  promise.then(
    (value) => (outcome = { settled: true, ok: true, value }),
    (error: unknown) => (outcome = { settled: true, ok: false, error }),
  );
  const start = Date.now();
  await settle();
  while (!outcome.settled && vi.getTimerCount() > 0 && Date.now() - start <= horizonMs) {
    await vi.advanceTimersToNextTimerAsync();
    await settle();
  }
  return outcome;
}

interface Case {
  timeoutMs: number;
  cdn: Behaviour;
  origin: Behaviour;
}

/** Script both servers, call fetchAsset, and return what happened. */
async function run(fetchAsset: Module["fetchAsset"], c: Case) {
  const path = "/static/app.js";
  step(`// the CDN ${describe(c.cdn)}; the origin, if asked, ${describe(c.origin)}`);
  step(`await fetchAsset(${show(path)}, { cdnBase: ${show(CDN)}, originBase: ${show(ORIGIN)}, timeoutMs: ${c.timeoutMs} })`);
  nock.disableNetConnect();
  const cdn = script(CDN, path, c.cdn, "cdn");
  const origin = script(ORIGIN, path, c.origin, "origin");
  try {
    const started = Date.now();
    const outcome = await drive(fetchAsset(path, { cdnBase: CDN, originBase: ORIGIN, timeoutMs: c.timeoutMs }), 3 * c.timeoutMs + 2000);
    checkThat("fetchAsset(...)", outcome.settled, `settled within 2 × timeoutMs = ${2 * c.timeoutMs} ms`, "still pending");
    return { outcome, elapsed: Date.now() - started, cdnAsked: cdn.isDone(), originAsked: origin.isDone() };
  } finally {
    nock.cleanAll();
  }
}

/** The answer must be the one `from` gave (its behaviour in `c` is an "answer"). */
function checkAnswer(outcome: Outcome, c: Case, from: "cdn" | "origin"): void {
  const status = (c[from] as { status: number }).status;
  if (outcome.settled && !outcome.ok) {
    checkThat("await fetchAsset(...)", false, `an answer from the ${from}`, `rejected: ${String(outcome.error)}`);
  }
  const got = (outcome as { value: { servedBy?: unknown; status?: unknown; body?: unknown; headers?: Record<string, unknown> } }).value;
  check("await fetchAsset(...)", { servedBy: got?.servedBy, status: got?.status, body: got?.body, "x-served-by": got?.headers?.["x-served-by"] },
    { servedBy: from, status, body: `${from} says ${status}`, "x-served-by": from });
}

// Generated times keep at least 1 ms away from the limit, so no case depends on a tie.
const timeoutArb = fc.integer({ min: 20, max: 400 });
const within = (t: number) => fc.integer({ min: 0, max: t - 1 });
const beyond = (t: number) => fc.integer({ min: t + 1, max: t + 300 });
const quick = (t: number, status: fc.Arbitrary<number>) =>
  fc.record({ kind: fc.constant("answer" as const), status, headMs: within(Math.ceil(t / 2)), bodyMs: within(Math.ceil(t / 2)) });
const failure = (t: number): fc.Arbitrary<Behaviour> =>
  fc.oneof(
    fc.record({ kind: fc.constant("network-error" as const), afterMs: within(t) }),
    quick(t, fc.constantFrom(500, 502, 503, 504)),
    fc.record({ kind: fc.constant("answer" as const), status: fc.constant(200), headMs: beyond(t), bodyMs: fc.constant(0) }),
    fc.constant({ kind: "silent" as const }),
  );
const caseArb = (cdn: (t: number) => fc.Arbitrary<Behaviour>, origin: (t: number) => fc.Arbitrary<Behaviour>) =>
  timeoutArb.chain((t) => fc.record({ timeoutMs: fc.constant(t), cdn: cdn(t), origin: origin(t) }));
const originOk = (t: number) => quick(t, fc.constantFrom(200, 404));

/** Fake time drives every delay; real time only lets nock's replies through. Each case costs
 *  tens of ms of real-timer rounds, so runs are set per property from what its mutants need. */
const timed = (runs: number) => ({ runs, timeoutMs: 30_000 });

export default defineGrader<Module>("07-cdn/cdn-client", (property) => {
  property("a cdn that answers in time is used as it is, a 404 included, without asking the origin", ({ fetchAsset }) =>
    fc.asyncProperty(caseArb((t) => quick(t, fc.constantFrom(200, 404, 403)), originOk), (c) =>
      withFakeTime(async () => {
        const r = await run(fetchAsset, c);
        checkAnswer(r.outcome, c, "cdn");
        check("whether the origin was asked", r.originAsked, false);
      }),
    ), timed(9)); // mutants die by run 3 (max over 30 seeds); 3× margin

  property("a network error or a 5xx from the cdn falls back to the origin", ({ fetchAsset }) =>
    fc.asyncProperty(caseArb((t) => failure(t).filter((b) => b.kind === "network-error" || (b.kind === "answer" && b.status >= 500)), originOk), (c) =>
      withFakeTime(async () => {
        const r = await run(fetchAsset, c);
        checkAnswer(r.outcome, c, "origin");
      }),
    ), timed(15)); // mutants die by run 5 (max over 30 seeds); 3× margin

  property("a cdn that has not answered within timeoutMs is abandoned for the origin", ({ fetchAsset }) =>
    fc.asyncProperty(
      caseArb(
        (t) => fc.oneof(
          fc.record({ kind: fc.constant("answer" as const), status: fc.constant(200), headMs: fc.oneof(within(t), beyond(t)), bodyMs: fc.constant(0) }),
          fc.constant({ kind: "silent" as const }),
        ),
        originOk,
      ),
      (c) =>
        withFakeTime(async () => {
          const r = await run(fetchAsset, c);
          const cdnInTime = c.cdn.kind === "answer" && c.cdn.headMs < c.timeoutMs;
          checkAnswer(r.outcome, c, cdnInTime ? "cdn" : "origin");
        }),
    ), timed(12)); // mutants die by run 4 (max over 30 seeds); 3× margin

  property("the time limit covers the whole body: a cdn that sends headers and then stalls is abandoned", ({ fetchAsset }) =>
    fc.asyncProperty(
      caseArb(
        (t) => within(t).chain((headMs) => fc.record({
          kind: fc.constant("answer" as const), status: fc.constant(200), headMs: fc.constant(headMs),
          bodyMs: fc.oneof(within(t - headMs), beyond(t - headMs)),
        })),
        originOk,
      ),
      (c) =>
        withFakeTime(async () => {
          const r = await run(fetchAsset, c);
          const b = c.cdn as { headMs: number; bodyMs: number };
          checkAnswer(r.outcome, c, b.headMs + b.bodyMs < c.timeoutMs ? "cdn" : "origin");
        }),
    ), timed(15)); // mutants die by run 5 (max over 30 seeds); 3× margin

  property("fetchAsset rejects when the origin fails too", ({ fetchAsset }) =>
    fc.asyncProperty(caseArb(failure, failure), (c) =>
      withFakeTime(async () => {
        const r = await run(fetchAsset, c);
        check("whether the CDN and then the origin were asked", { cdn: r.cdnAsked, origin: r.originAsked }, { cdn: true, origin: true });
        const shown = r.outcome.settled && r.outcome.ok ? `resolved to ${show(r.outcome.value)}` : "";
        checkThat("await fetchAsset(...)", r.outcome.settled && !r.outcome.ok, "a rejection", shown);
      }),
    ), timed(30)); // mutants die by run 10 (max over 30 seeds); 3× margin

  const pathArb = fc.constantFrom("/img/logo.png", "/app.js", "/css/site.css?lang=en", "/a.js?x=1&y=2", "/image.png");
  const contentArb = fc.string({ maxLength: 40 });

  property("versionedUrl is the same for equal content and differs for different content", ({ versionedUrl }) =>
    fc.property(pathArb, contentArb, contentArb, (path, a, b) => {
      fc.pre(a !== b);
      step(`versionedUrl(${show(path)}, ${show(a)})  // twice`);
      const first = versionedUrl(path, a);
      check(`versionedUrl(${show(path)}, ${show(a)}) called again`, versionedUrl(path, `${a}`), first);
      step(`versionedUrl(${show(path)}, ${show(b)})`);
      const other = versionedUrl(path, b);
      checkThat(`versionedUrl(${show(path)}, ${show(b)})`, other !== first, `a URL other than ${show(first)}`, other);
    }));

  property("versionedUrl appends v= and 8 to 16 url-safe characters, after ? or after & when a query exists", ({ versionedUrl }) =>
    fc.property(pathArb, contentArb, (path, content) => {
      step(`versionedUrl(${show(path)}, ${show(content)})`);
      const url = versionedUrl(path, content);
      const prefix = `${path}${path.includes("?") ? "&" : "?"}v=`;
      checkThat(`versionedUrl(${show(path)}, ${show(content)})`,
        typeof url === "string" && url.startsWith(prefix) && /^[A-Za-z0-9_-]{8,16}$/.test(url.slice(prefix.length)),
        `${show(prefix)} followed by 8 to 16 characters of [A-Za-z0-9_-]`, url);
    }), { runs: 21 }); // mutants die by run 7 (max over 30 seeds); 3× margin
});
