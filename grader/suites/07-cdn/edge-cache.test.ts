/**
 * Grader for 07-cdn/edge-cache. The origin is real HTTP: the learner's code calls `fetch`, and
 * nock answers with generated Cache-Control and Age headers. Only `Date` is faked, so time moves
 * only between operations and every design that reads Date.now() at any point of a get agrees.
 * The contract fixes every answer, so each scenario is compared with an exact model
 * (edge-cache.model.ts), including whether the origin was asked at all.
 */
import fc from "fast-check";
import nock from "nock";
import { asyncCommand, check, commands, defineGrader, show, step } from "../../kit/index.ts";
import {
  advance, advanceLabel, answerArb, directivesArb, type Edge, EdgeModel, failureArb, getAndCheck, getLabel, ORIGIN, type Reply, withFakeDate,
} from "./edge-cache.model.ts";
type Module = typeof import("../../../exercises/07-cdn/edge-cache.ts");

const PATHS = ["/logo.png", "/logo.png?v=1", "/logo.png?v=2", "/img/a.png", "/img/b.png", "/app.js"];
const PREFIXES = ["/", "/img/", "/img/a", "/logo.png", "/logo.png?v=", "/app.js", "/none"];
const pathArb = fc.constantFrom(...PATHS);
/** Every get is a real HTTP exchange with nock (a few ms), so runs are set per property from
 *  what its mutants need (npm run bench -- --kill-runs). */
const net = (runs: number) => ({ runs, timeoutMs: 20_000 });
const storableArb = answerArb(fc.constant(200), fc.record({ maxAge: fc.integer({ min: 1, max: 6 }), public: fc.boolean() }));
const anyAnswerArb = answerArb(fc.constantFrom(200, 200, 200, 301, 403, 404), fc.option(directivesArb, { nil: undefined }));
/** Mostly storable answers, so that there is something to purge. */
const mostlyStorableArb = fc.oneof({ weight: 2, arbitrary: storableArb }, { weight: 1, arbitrary: anyAnswerArb });
/** A 200 with a lifetime, where each flag that forbids storing is a coin toss. */
const flaggedArb = answerArb(
  fc.constantFrom(200, 200, 200, 301, 404),
  fc.record(
    { maxAge: fc.integer({ min: 0, max: 6 }), sMaxAge: fc.integer({ min: 0, max: 6 }), noStore: fc.boolean(), private: fc.boolean(), public: fc.boolean() },
    { requiredKeys: ["maxAge", "noStore", "private"] },
  ),
);
/** A 200 that would be stored but for exactly one flag (no-store or private): the sharpest test
 *  of each flag, which flaggedArb builds about one run in ten. */
const oneFlagArb = answerArb(
  fc.constant(200),
  fc.record({ maxAge: fc.integer({ min: 1, max: 6 }), public: fc.boolean(), flag: fc.constantFrom("noStore", "private") })
    .map(({ flag, ...cc }) => ({ ...cc, noStore: flag === "noStore", private: flag === "private" })),
  fc.constant(undefined),
);

/**
 * For the storing rule only: no origin Age header (the age rule's business) and, when both are
 * present, s-maxage equal to max-age (which one wins is the lifetime rule's business).
 */
const storingOnly = (reply: Reply): Reply => {
  if (reply.kind !== "answer") return reply;
  const cc = reply.cc && reply.cc.sMaxAge !== undefined && reply.cc.maxAge !== undefined ? { ...reply.cc, sMaxAge: reply.cc.maxAge } : reply.cc;
  return { ...reply, cc, age: undefined };
};
/** Paths without a query string: whether the query is part of the key is the key rule's business. */
const PLAIN_PATHS = PATHS.filter((p) => !p.includes("?"));

function start(EdgeCache: Module["EdgeCache"]): { edge: Edge; model: EdgeModel } {
  step(`const edge = new EdgeCache({ origin: ${show(ORIGIN)} })`);
  return { edge: new EdgeCache({ origin: ORIGIN }), model: new EdgeModel() };
}

/** Origin replies gated by the scheduler, counted per path. */
function scheduledOrigin(s: fc.Scheduler, count: Map<string, number>): void {
  nock(ORIGIN)
    .persist()
    .get(() => true)
    .reply((uri, _body, callback) => {
      count.set(uri, (count.get(uri) ?? 0) + 1);
      void s.schedule(Promise.resolve(), `origin answers ${uri}`).then(() =>
        callback(null, [200, `body of ${uri}`, { "Cache-Control": "max-age=60" }]),
      );
    });
}

export default defineGrader<Module>("07-cdn/edge-cache", (property) => {
  property("a 200 is stored only with a positive lifetime and without no-store or private", ({ EdgeCache }) =>
    fc.asyncProperty(pathArb, fc.oneof(oneFlagArb, flaggedArb, anyAnswerArb).map(storingOnly), storableArb.map(storingOnly), (path, first, second) =>
      withFakeDate(async () => {
        const { edge, model } = start(EdgeCache);
        await getAndCheck(edge, model, path, first);
        await getAndCheck(edge, model, path, second);
      }),
    ), net(66)); // mutants die by run 22 (max over 100 seeds); 3× margin

  property("s-maxage sets the lifetime when present, otherwise max-age", ({ EdgeCache }) =>
    fc.asyncProperty(
      pathArb,
      answerArb(fc.constant(200), fc.record({ maxAge: fc.nat(5), sMaxAge: fc.nat(5) }), fc.constant(undefined)),
      // Whole seconds: the age header of a hit is then exact, and is the age rule's business.
      fc.integer({ min: 0, max: 6 }).map((s) => s * 1000),
      storableArb.map(storingOnly),
      (path, first, ms, second) =>
        withFakeDate(async () => {
          const { edge, model } = start(EdgeCache);
          await getAndCheck(edge, model, path, first);
          advance(ms);
          await getAndCheck(edge, model, path, second);
        }),
    ), net(27)); // mutants die by run 9 (max over 100 seeds); 3× margin

  property("a hit carries its age, the origin's Age included, and expires when that age reaches the lifetime", ({ EdgeCache }) =>
    fc.asyncProperty(
      pathArb,
      answerArb(fc.constant(200), fc.record({ sMaxAge: fc.integer({ min: 1, max: 6 }) }), fc.integer({ min: 1, max: 7 })),
      fc.array(fc.integer({ min: 0, max: 2500 }), { minLength: 1, maxLength: 3 }),
      storableArb,
      (path, first, steps, later) =>
        withFakeDate(async () => {
          const { edge, model } = start(EdgeCache);
          await getAndCheck(edge, model, path, first);
          for (const ms of steps) {
            advance(ms);
            await getAndCheck(edge, model, path, later);
          }
        }),
    ), net(45)); // mutants die by run 15 (max over 30 seeds); 3× margin

  property("the cache key is the whole path including its query string", ({ EdgeCache }) =>
    fc.asyncProperty(
      fc.array(pathArb, { maxLength: 2 }),
      fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 2 }),
      (paths, [a, b]) =>
        withFakeDate(async () => {
          const { edge, model } = start(EdgeCache);
          const reply: Reply = { kind: "answer", status: 200, cc: { maxAge: 60 } };
          for (const path of [...paths, `/logo.png?v=${a}`, `/logo.png?v=${b}`, "/logo.png", `/logo.png?v=${a}`]) {
            await getAndCheck(edge, model, path, reply);
          }
        }),
    ), net(5)); // mutants die at run 1 (max over 30 seeds); 5 is the floor

  property("concurrent misses of one path make a single origin request", ({ EdgeCache }) =>
    fc.asyncProperty(fc.scheduler(), fc.array(fc.constantFrom(...PLAIN_PATHS), { minLength: 1, maxLength: 4 }), (s, some) =>
      withFakeDate(async () => {
        const paths = [...some, some[0]!];
        const count = new Map<string, number>();
        scheduledOrigin(s, count);
        step(`const edge = new EdgeCache({ origin: ${show(ORIGIN)} })`);
        const edge = new EdgeCache({ origin: ORIGIN });
        step(`// all at once, before the origin answers: ${paths.map((p) => `edge.get(${show(p)})`).join(", ")}`);
        const answers = await s.waitFor(Promise.all(paths.map((p) => edge.get(p))));
        paths.forEach((p, i) => check(`the answer to edge.get(${show(p)}) #${i + 1}`,
          { status: answers[i]?.status, body: answers[i]?.body }, { status: 200, body: `body of ${p}` }));
        for (const p of new Set(paths)) check(`origin requests for ${p}`, count.get(p) ?? 0, 1);
        step(`// then again: ${[...new Set(paths)].map((p) => `await edge.get(${show(p)})`).join(", ")}`);
        for (const p of new Set(paths)) {
          check(`(await edge.get(${show(p)})).cache`, (await s.waitFor(edge.get(p))).cache, "HIT");
          check(`origin requests for ${p}`, count.get(p), 1);
        }
      }),
    ), net(5)); // mutants die at run 1 (max over 30 seeds); 5 is the floor

  property("when the origin fails, a copy within stale-if-error is served as STALE, otherwise a 502", ({ EdgeCache }) =>
    fc.asyncProperty(
      pathArb,
      answerArb(
        fc.constant(200),
        fc.record({ maxAge: fc.integer({ min: 1, max: 4 }), staleIfError: fc.nat(5) }, { requiredKeys: ["maxAge"] }),
        fc.constant(undefined),
      ),
      fc.integer({ min: 0, max: 6000 }),
      failureArb,
      fc.nat(3),
      (path, first, offset, failure, coin) =>
        withFakeDate(async () => {
          const { edge, model } = start(EdgeCache);
          if (coin > 0) await getAndCheck(edge, model, path, first); // one case in four starts with no copy
          // Past the lifetime, so the origin is asked; the offset decides whether stale-if-error covers it.
          const lifetime = first.kind === "answer" ? (first.cc?.maxAge ?? 0) : 0;
          advance(lifetime * 1000 + offset);
          await getAndCheck(edge, model, path, failure);
        }),
    ), net(42)); // mutants die by run 14 (max over 30 seeds); 3× margin

  property("purge removes the stored paths under a prefix, returns how many, and the next get goes to the origin", ({ EdgeCache }) =>
    fc.asyncProperty(
      // One get per path, without an origin Age: what a later answer or the age rule does to a
      // stored copy is other rules' business.
      fc.uniqueArray(fc.tuple(pathArb, mostlyStorableArb.map(storingOnly)), { minLength: 1, maxLength: 4, selector: ([path]) => path }),
      fc.constantFrom(...PREFIXES),
      (gets, prefix) =>
        withFakeDate(async () => {
          const { edge, model } = start(EdgeCache);
          for (const [path, reply] of gets) await getAndCheck(edge, model, path, reply);
          step(`edge.purge(${show(prefix)})`);
          check(`edge.purge(${show(prefix)})`, edge.purge(prefix), model.purge(prefix));
          // Every path that was stored: purged ones go to the origin, the others are still hits.
          for (const path of new Set(gets.map(([p]) => p))) {
            await getAndCheck(edge, model, path, { kind: "answer", status: 200, cc: { maxAge: 60 } });
          }
        }),
    ), net(33)); // mutants die by run 11 (max over 30 seeds); 3× margin

  property("a fetch in flight during a purge is answered but not stored", ({ EdgeCache }) =>
    fc.asyncProperty(pathArb, fc.integer({ min: 1, max: 20 }), fc.boolean(), (path, cut, releaseFirst) =>
      withFakeDate(async () => {
        const prefix = path.slice(0, Math.min(cut, path.length));
        let arrived = false;
        let release = () => {};
        const gate = new Promise<void>((resolve) => (release = resolve));
        nock(ORIGIN).get((uri) => uri === path).reply((_uri, _body, callback) => {
          arrived = true;
          void gate.then(() => callback(null, [200, "old", { "Cache-Control": "max-age=60" }]));
        });
        step(`const edge = new EdgeCache({ origin: ${show(ORIGIN)} })`);
        const edge = new EdgeCache({ origin: ORIGIN });
        step(`const first = edge.get(${show(path)}) // the origin holds back its answer "old"`);
        const first = edge.get(path);
        let settled = false; // also keeps an early failure from going unhandled; first is awaited below
        first.then(() => (settled = true), () => (settled = true));
        // Purge only once the request has reached the origin: then it is in flight for every design.
        for (let i = 0; i < 5000 && !arrived && !settled; i++) await new Promise((r) => setTimeout(r, 1));
        step(`edge.purge(${show(prefix)})`);
        check(`edge.purge(${show(prefix)})`, edge.purge(prefix), 0);
        const fresh = nock(ORIGIN).get((uri) => uri === path).reply(200, "new", { "Cache-Control": "max-age=60" });
        if (releaseFirst) {
          step(`// the origin sends "old"`);
          release();
          check("(await first).body", (await first).body, "old");
        }
        step(`await edge.get(${show(path)}) // the origin now answers "new"`);
        const second = edge.get(path);
        second.catch(() => {});
        // A design that joined the old request never sends a new one: give the new request a moment
        // to reach the origin, then let "old" through either way (both orders are legal for a
        // correct design, so how long this takes cannot change the verdict).
        for (let i = 0; i < 200 && !fresh.isDone(); i++) await new Promise((r) => setTimeout(r, 1));
        release();
        check(`(await edge.get(${show(path)})).body`, (await second).body, "new");
        check(`whether the get after the purge asked the origin again`, fresh.isDone(), true);
        if (!releaseFirst) {
          step(`// the origin sends "old"`);
          check("(await first).body", (await first).body, "old");
        }
        step(`await edge.get(${show(path)})`);
        const third = await edge.get(path);
        check(`await edge.get(${show(path)})`, { cache: third.cache, body: third.body }, { cache: "HIT", body: "new" });
      }),
    ), net(5)); // mutants die at run 1 (max over 30 seeds); 5 is the floor

  property("a response that is not stored leaves an earlier stored copy in place", ({ EdgeCache }) =>
    fc.asyncProperty(
      pathArb,
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 0, max: 4999 }),
      fc.constantFrom<Reply>(
        { kind: "answer", status: 200, cc: { maxAge: 60, noStore: true } },
        { kind: "answer", status: 200, cc: { maxAge: 60, private: true } },
        { kind: "answer", status: 200, cc: { maxAge: 0 } },
        { kind: "answer", status: 200 },
        { kind: "answer", status: 404, cc: { maxAge: 60 } },
        { kind: "answer", status: 301, cc: { maxAge: 60 } },
      ),
      failureArb,
      (path, lifetime, extra, notStored, failure) =>
        withFakeDate(async () => {
          const { edge, model } = start(EdgeCache);
          await getAndCheck(edge, model, path, { kind: "answer", status: 200, cc: { maxAge: lifetime, staleIfError: 10 } });
          advance(lifetime * 1000 + extra);
          await getAndCheck(edge, model, path, notStored);
          await getAndCheck(edge, model, path, failure);
        }),
    ), net(5)); // mutants die at run 1 (max over 30 seeds); 5 is the floor

  property("any sequence of gets, purges and clock moves matches the reference model", ({ EdgeCache }) => {
    type Cmd = fc.AsyncCommand<EdgeModel, Edge>;
    // Storable answers often enough that copies expire, get purged and serve as STALE.
    const replyArb = fc.oneof({ weight: 4, arbitrary: anyAnswerArb }, { weight: 3, arbitrary: storableArb }, { weight: 1, arbitrary: failureArb });
    // getAndCheck records its own step, with the body it makes up; the label only names the command.
    const getCmd = fc.tuple(pathArb, replyArb).map(([path, reply]): Cmd =>
      ({ check: () => true, run: (model, edge) => getAndCheck(edge, model, path, reply), toString: () => getLabel(path, reply) }));
    const purgeCmd = fc.constantFrom(...PREFIXES).map((prefix): Cmd =>
      asyncCommand(`edge.purge(${show(prefix)})`, async (model, edge) =>
        check(`edge.purge(${show(prefix)})`, edge.purge(prefix), model.purge(prefix))));
    const advanceCmd = fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constantFrom(1000, 2000, 5000)).map((ms): Cmd =>
      asyncCommand(advanceLabel(ms), async () => advance(ms, false)));
    return fc.asyncProperty(commands([getCmd, getCmd, getCmd, purgeCmd, advanceCmd, advanceCmd], { maxCommands: 15 }), (cmds) =>
      withFakeDate(async () => {
        const { edge, model } = start(EdgeCache);
        await fc.asyncModelRun(() => ({ model, real: edge }), cmds);
      }),
    );
  }, { ...net(60), broad: true }); // mutants die by run 20 (max over 30 seeds); 3× margin
});
