/**
 * Grader for 04-load-balancer/health-checker. The checker's requests go through the real global
 * `fetch` to servers scripted with nock (no real network), and time is fake.
 *
 * Why the harness looks like this: nock answers through a few real event-loop turns, so fake
 * time must never jump past a reply that is still on its way. The harness wraps `fetch` to see
 * every request, and moves fake time one timer at a time, letting the real event loop run until
 * no request is in transit before the next timer fires. It waits on conditions, never on how fast
 * the machine is. Each scripted reply decides its outcome by fake time: at once, after a fake
 * delay, or never (until aborted).
 */
import fc from "fast-check";
import nock from "nock";
import { vi } from "vitest";
import { check, checkThat, checkThrows, defineGrader, show, step, withFakeTime } from "../../kit/index.ts";
type Module = typeof import("../../../exercises/04-load-balancer/health-checker.ts");
type Options = ConstructorParameters<Module["HealthChecker"]>[0];

/** One scripted answer of one server in one round. */
type Reply =
  | { kind: "status"; status: number; delayMs: number }
  | { kind: "error" }
  | { kind: "hang" }
  | { kind: "redirect" };

interface Call {
  url: string;
  at: number;
  signal?: AbortSignal;
  state: "sent" | "parked" | "replying" | "settled";
  /** Aborted before nock handed it to its reply: nock then never settles the fetch (see `settle`). */
  abortedFirst?: boolean;
}

/** Statuses without a body, which `new Response` refuses to give one. */
const NULL_BODY = new Set([204, 205, 304]);

/** The wrapped `fetch`: records every request and buffers each body, so no read waits on nock. */
class Net {
  readonly calls: Call[] = [];
  readonly realFetch = globalThis.fetch;
  readonly fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const request = input instanceof Request ? input : undefined;
    const call: Call = { url: request?.url ?? String(input), at: Date.now(), signal: init.signal ?? request?.signal, state: "sent" };
    this.calls.push(call);
    const headers = new Headers(init.headers ?? request?.headers);
    headers.set("x-probe", String(this.calls.length - 1));
    try {
      const response = await this.realFetch(input, { ...init, headers });
      const body = NULL_BODY.has(response.status) ? null : await response.arrayBuffer();
      return new Response(body, { status: response.status, headers: response.headers });
    } finally {
      call.state = "settled";
    }
  };
  /** True while some request is on its way through nock (not parked on fake time); with
   *  `lastly`, not counting requests that nock never settles (`abortedFirst`). */
  busy(lastly = false): boolean {
    return this.calls.some((c) => c.state === "sent" || c.state === "replying" || (c.state === "parked" && c.signal?.aborted === true && !(lastly && c.abortedFirst)));
  }
  open(): Call[] {
    return this.calls.filter((c) => c.state !== "settled");
  }
}

/**
 * Let the real event loop run until no request is in transit (a real-time guard only against a hang).
 * `lastly`: the cleanup after a run, which waits only for requests that can still reach nock or
 * settle. A request aborted before nock handed it to its reply (a checker that probes at the very
 * end of a run, then is stopped) has passed nock's matching, yet nock never settles its fetch:
 * waiting for it spun the event loop for the guard's 10 s, and the guard's error was ignored there.
 */
async function settle(net: Net, lastly = false): Promise<void> {
  const giveUp = performance.now() + 10_000;
  for (let quiet = 0; quiet < 5; ) {
    await new Promise((resolve) => setImmediate(resolve));
    if (!net.busy(lastly)) quiet++;
    else if (performance.now() > giveUp) throw new Error("a request through nock never completed");
    else quiet = 0;
  }
}

/** Script server `host`: one reply per round, in order. */
function script(net: Net, host: string, replies: Reply[]): void {
  for (const reply of replies) {
    nock(host).get("/health").reply(function (this: { req: { headers: Record<string, string> } }) {
      const call = net.calls[Number(this.req.headers["x-probe"])];
      if (call.signal?.aborted) call.abortedFirst = true;
      if (reply.kind === "error") return Promise.reject(new Error("connection refused"));
      if (reply.kind === "redirect") {
        nock(host).get("/moved").reply(500); // reached only by a checker that follows redirects
        return [302, "", { location: `${host}/moved` }];
      }
      if (reply.kind === "hang" || reply.delayMs > 0) {
        call.state = "parked";
        if (reply.kind === "hang") return new Promise(() => {});
        return new Promise((resolve) => {
          const timer = setTimeout(() => { call.state = "replying"; resolve([reply.status, "ok"]); }, reply.delayMs);
          call.signal?.addEventListener("abort", () => clearTimeout(timer));
        });
      }
      return [reply.status, "ok"];
    });
  }
}

function describe(r: Reply): string {
  if (r.kind === "status") return r.delayMs > 0 ? `${r.status} after ${r.delayMs} ms` : `${r.status}`;
  return r.kind === "redirect" ? "302 to /moved (which answers 500)" : r.kind === "error" ? "connection refused" : "no answer";
}

interface Scenario { intervalMs: number; timeoutMs: number; rise: number; fall: number; replies: Reply[][] }

/** The contract: a success is a status 200–399 before the timeout. */
const succeeds = (r: Reply, timeoutMs: number) =>
  r.kind === "redirect" || (r.kind === "status" && r.status >= 200 && r.status <= 399 && r.delayMs < timeoutMs);

/**
 * Run a scenario: start() at t0, then check every target's state and onChange calls at the end of
 * each round (just before the next starts). `stopAfterMs`, if set, calls stop() that long into the
 * last round and checks that nothing is left behind.
 */
/**
 * What a run judges, so that each property fails only for its own rule (issue 18): the targets'
 * states, the onChange calls, or when probes were sent. (stop() is judged whenever stopAfterMs is set.)
 */
type Judged = "states" | "onChange" | "times" | "stop only";

async function run(mod: Module, s: Scenario, options: { judged: Judged; stopAfterMs?: number }): Promise<void> {
  const net = new Net();
  const hosts = s.replies.map((_, i) => `http://web-${i + 1}.test`);
  nock.disableNetConnect();
  globalThis.fetch = net.fetch as typeof fetch;
  try {
    await withFakeTime(async () => {
      const t0 = Date.now();
      const rounds = s.replies[0].length;
      // Checkpoints: fake time stops exactly there (at the end of each round, and at stopAt).
      const stopAt = options.stopAfterMs === undefined ? Infinity : t0 + (rounds - 1) * s.intervalMs + options.stopAfterMs;
      const checkpoints = Array.from({ length: rounds }, (_, k) => setTimeout(() => {}, (k + 1) * s.intervalMs));
      if (stopAt !== Infinity) checkpoints.push(setTimeout(() => {}, stopAt - t0));
      s.replies.forEach((replies, i) => script(net, hosts[i], replies));
      s.replies.forEach((replies, i) => step(`// server web-${i + 1} answers round by round: ${replies.map(describe).join(", ")}`));
      const events: string[] = [];
      const targets = hosts.map((url, i) => ({ id: `web-${i + 1}`, url: `${url}/health` }));
      const opts: Options = { targets, intervalMs: s.intervalMs, timeoutMs: s.timeoutMs, rise: s.rise, fall: s.fall, onChange: (id, healthy) => void events.push(`onChange(${show(id)}, ${healthy})`) };
      step(`const checker = new HealthChecker({ targets: ${show(targets)}, intervalMs: ${s.intervalMs}, timeoutMs: ${s.timeoutMs}, rise: ${s.rise}, fall: ${s.fall}, onChange })`);
      const checker = new mod.HealthChecker(opts);
      step("checker.start()");
      checker.start();
      const model = targets.map(() => ({ healthy: true, streak: 0 }));
      // For the onChange rule: the states the checker itself reports, round by round.
      let reported = options.judged === "onChange" ? targets.map((t) => checker.isHealthy(t.id)) : [];
      for (let k = 0; k < rounds; k++) {
        const end = Math.min(t0 + (k + 1) * s.intervalMs, stopAt);
        // One timer at a time (timers due at the same moment fire together), settling in between.
        // At `end` the next round's requests may have been sent, but none has been answered yet.
        while (Date.now() < end) {
          await settle(net);
          vi.advanceTimersToNextTimer();
        }
        if (end === stopAt) {
          step(`vi.advanceTimersByTime(${stopAt - (t0 + k * s.intervalMs)}) // into round ${k + 1}, whose probes get no answer`);
          return checkStop(net, checker, checkpoints, events, s);
        }
        step(`vi.advanceTimersByTime(${s.intervalMs}) // round ${k + 1} is over`);
        model.forEach((m, i) => {
          const ok = succeeds(s.replies[i][k], s.timeoutMs);
          if (ok === m.healthy) return void (m.streak = 0);
          if (++m.streak < (ok ? s.rise : s.fall)) return;
          Object.assign(m, { healthy: ok, streak: 0 });
        });
        if (options.judged === "onChange") {
          // Judged against the checker's own transitions (isHealthy before and after the round):
          // whether they come at the right round is the rise/fall rule's question, so a wrong
          // streak does not fail this one; here each transition fires onChange once, with its state.
          const now = targets.map((t) => checker.isHealthy(t.id));
          const transitions = targets.flatMap((t, i) => (now[i] !== reported[i] ? [`onChange(${show(t.id)}, ${now[i]})`] : []));
          reported = now;
          check(`the onChange calls during round ${k + 1} (for the changes of checker.isHealthy)`, [...events].sort(), transitions.sort());
        }
        events.length = 0;
        if (options.judged === "states") {
          check(`[${targets.map((t) => `checker.isHealthy(${show(t.id)})`).join(", ")}]`, targets.map((t) => checker.isHealthy(t.id)), model.map((m) => m.healthy));
        }
        if (options.judged === "times") {
          const times = hosts.map((h) => net.calls.filter((c) => c.url.startsWith(h) && c.at < end).map((c) => c.at - t0));
          check(`when each server was probed (ms after start())`, times, hosts.map(() => Array.from({ length: k + 1 }, (_, j) => j * s.intervalMs)));
        }
      }
      step("checker.stop()");
      checker.stop();
    });
  } finally {
    // Let aborted requests finish, so none can reach nock once the next run has scripted it.
    await settle(net, true).catch(() => {});
    globalThis.fetch = net.realFetch;
    nock.abortPendingRequests();
    nock.cleanAll();
  }
}

/** After stop(): no request open, no timer left, and nothing happens any more. */
async function checkStop(net: Net, checker: InstanceType<Module["HealthChecker"]>, checkpoints: ReturnType<typeof setTimeout>[], events: string[], s: Scenario) {
  step("checker.stop()");
  events.length = 0;
  checker.stop();
  await settle(net);
  checkThat("requests still open after stop()", net.open().length === 0, "none (stop() aborts probes in flight)", net.open().map((c) => c.url));
  checkpoints.forEach((t) => clearTimeout(t));
  check("vi.getTimerCount() after stop()", vi.getTimerCount(), 0);
  const before = net.calls.length;
  for (let i = 0; i < 3 * s.intervalMs; i += Math.max(1, Math.floor(s.intervalMs / 4))) {
    vi.advanceTimersByTime(Math.max(1, Math.floor(s.intervalMs / 4)));
    await settle(net);
  }
  step(`vi.advanceTimersByTime(${3 * s.intervalMs})`);
  check("requests made after stop()", net.calls.length - before, 0);
  check("onChange calls after stop()", events, []);
}

const timing = fc.integer({ min: 20, max: 200 }).chain((intervalMs) =>
  fc.record({ intervalMs: fc.constant(intervalMs), timeoutMs: fc.integer({ min: 2, max: intervalMs - 3 }) }));

/**
 * A scenario: 1–2 servers, `rounds` rounds, each reply drawn from `reply(timeoutMs, intervalMs)`.
 * Small on purpose: every request through nock costs milliseconds of real CPU.
 */
function scenario(reply: (t: { timeoutMs: number; intervalMs: number }) => fc.Arbitrary<Reply>, counts = fc.integer({ min: 1, max: 3 }), rounds = fc.integer({ min: 3, max: 6 }), servers = fc.integer({ min: 1, max: 2 })) {
  return fc.record({ t: timing, rise: counts, fall: counts, servers, rounds }).chain(({ t, rise, fall, servers: n, rounds: r }) =>
    fc.array(fc.array(reply(t), { minLength: r, maxLength: r }), { minLength: n, maxLength: n })
      .map((replies): Scenario => ({ ...t, rise, fall, replies })));
}
const status = (codes: number[]) => fc.constantFrom(...codes).map((s): Reply => ({ kind: "status", status: s, delayMs: 0 }));
/** Successes half of the time, so that runs of both kinds are common. */
const upOrDown = () => fc.oneof(
  { arbitrary: status([200, 204, 301]), weight: 3 },
  { arbitrary: status([500, 503]), weight: 1 },
  { arbitrary: fc.constant<Reply>({ kind: "error" }), weight: 1 },
  { arbitrary: fc.constant<Reply>({ kind: "hang" }), weight: 1 },
);
const quick = ({ timeoutMs }: { timeoutMs: number }) => fc.integer({ min: 1, max: timeoutMs - 1 }).map((d): Reply => ({ kind: "status", status: 200, delayMs: d }));
const late = ({ timeoutMs, intervalMs }: { timeoutMs: number; intervalMs: number }) =>
  fc.integer({ min: timeoutMs + 1, max: intervalMs - 1 }).map((d): Reply => ({ kind: "status", status: 200, delayMs: d }));
const slowish = (t: { timeoutMs: number; intervalMs: number }) => fc.oneof(quick(t), late(t), fc.constant<Reply>({ kind: "hang" }));
/** Forces one reply of each listed kind into every scenario, so every run exercises them. */
const including = (must: (s: Scenario) => Reply[]) => (s: Scenario): Scenario => ({
  ...s, replies: s.replies.map((rs, i) => (i === 0 ? [...must(s), ...rs] : [...must(s).map((): Reply => ({ kind: "status", status: 200, delayMs: 0 })), ...rs])),
});
/** Runs per property, from what its mutants need (npm run bench -- --kill-runs). */
const opts = (runs: number) => ({ runs, timeoutMs: 120_000 });
const fail: Reply = { kind: "status", status: 503, delayMs: 0 };
const ok: Reply = { kind: "status", status: 200, delayMs: 0 };
/** One failure, one success, then `fall` failures and `rise` successes: every counting bug shows. */
const riseAndFall = (s: Scenario): Reply[] => [fail, ok, ...Array(s.fall).fill(fail), ...Array(s.rise).fill(ok)];
const few = (min: number, max: number) => fc.integer({ min, max });

export default defineGrader<Module>("04-load-balancer/health-checker", (property) => {
  // First: a checker whose rounds run at the wrong times gets every state wrong as well, and
  // this property names that bug (the lead order breaks ties by file order).
  property("rounds start at start() and then every intervalMs, however slow the replies", (mod) =>
    fc.asyncProperty(scenario(slowish, few(1, 3), few(1, 3)).map(including((t) => [{ kind: "status", status: 200, delayMs: t.timeoutMs - 1 }])),
      (s) => run(mod, s, { judged: "times" })), opts(5)); // mutants die at run 1 (max over 30 seeds); 5 is the floor

  property("a target turns unhealthy after fall failures in a row and healthy after rise successes in a row", (mod) =>
    fc.asyncProperty(scenario(upOrDown, few(1, 3), few(0, 3)).map(including(riseAndFall)), (s) => run(mod, s, { judged: "states" })), opts(12)); // mutants die by run 4 (max over 30 seeds); 3× margin

  property("onChange fires once per transition, with the target's id and new state", (mod) =>
    fc.asyncProperty(scenario(upOrDown, few(1, 2), few(0, 2)).map(including(riseAndFall)), (s) => run(mod, s, { judged: "onChange" })), opts(6)); // mutants die by run 2 (max over 30 seeds); 3× margin

  property("a status from 200 to 399 is a success and any other status a failure", (mod) =>
    fc.asyncProperty(scenario(() => status([200, 201, 299, 300, 304, 307, 399, 400, 404, 418, 500, 599]), fc.constant(1), few(0, 1), fc.constant(1))
      .map(including(() => [300, 400, 399, 500, 304].map((code): Reply => ({ kind: "status", status: code, delayMs: 0 })))),
    (s) => run(mod, s, { judged: "states" })), opts(5)); // mutants die at run 1 (max over 30 seeds); 5 is the floor

  property("redirects are not followed: a 3xx answer counts as a success", (mod) =>
    fc.asyncProperty(scenario(() => fc.oneof(status([200, 500]), fc.constant<Reply>({ kind: "redirect" })), fc.constant(1), few(0, 2))
      .map(including(() => [fail, { kind: "redirect" }])), (s) => run(mod, s, { judged: "states" })), opts(5)); // mutants die at run 1 (max over 30 seeds); 5 is the floor

  property("a reply slower than timeoutMs is a failure and a quicker one a success", (mod) =>
    fc.asyncProperty(scenario(slowish, fc.constant(1), few(0, 2), fc.constant(1)).map(including((t) => [
      { kind: "status", status: 200, delayMs: t.timeoutMs + 1 }, { kind: "status", status: 200, delayMs: t.timeoutMs - 1 }, { kind: "hang" },
    ])), (s) => run(mod, s, { judged: "states" })), opts(5)); // mutants die at run 1 (max over 30 seeds); 5 is the floor

  property("stop() aborts probes in flight and leaves no timer behind", (mod) =>
    fc.asyncProperty(scenario(upOrDown, few(1, 3), few(1, 3)), fc.integer({ min: 0, max: 1000 }), (s, at) => {
      // The last round never answers, so its probes are still in flight when stop() is called.
      const last = s.replies.map((rs): Reply[] => [...rs, { kind: "hang" }]);
      return run(mod, { ...s, replies: last }, { judged: "stop only", stopAfterMs: 1 + (at % (s.timeoutMs - 1)) });
    }), opts(5)); // mutants die at run 1 (max over 30 seeds); 5 is the floor

  property("timeoutMs at or above intervalMs throws a RangeError", (mod) =>
    fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 1000 }), (intervalMs, extra) => {
      for (const timeoutMs of [intervalMs, intervalMs + extra]) {
        const options = { targets: [{ id: "web-1", url: "http://web-1.test/health" }], intervalMs, timeoutMs, rise: 2, fall: 3, onChange: () => {} };
        const what = `new HealthChecker({ targets: [{ id: "web-1", url: "http://web-1.test/health" }], intervalMs: ${intervalMs}, timeoutMs: ${timeoutMs}, rise: 2, fall: 3, onChange })`;
        step(what);
        checkThrows(what, () => new mod.HealthChecker(options), RangeError);
      }
    }));

  property("a number out of its documented range, or two targets sharing an id, throws a RangeError", (mod) =>
    fc.property(fc.integer({ min: 2, max: 10_000 }), fc.integer({ min: 1, max: 5 }), (intervalMs, rise) => {
      const targets = [{ id: "web-1", url: "http://web-1.test/health" }, { id: "web-2", url: "http://web-2.test/health" }];
      const good = { targets, intervalMs, timeoutMs: intervalMs - 1, rise, fall: rise, onChange: () => {} };
      const describe = (o: typeof good) =>
        `new HealthChecker({ targets: ${JSON.stringify(o.targets.map((t) => t.id))}, intervalMs: ${o.intervalMs}, timeoutMs: ${o.timeoutMs}, rise: ${o.rise}, fall: ${o.fall}, onChange })`;
      // Good options first, so that throwing on everything is not a way to pass.
      step(describe(good));
      new mod.HealthChecker(good);
      const bad = [
        { intervalMs: 0, timeoutMs: -1 }, { intervalMs: Number.NaN }, { timeoutMs: 0 }, { timeoutMs: -1 },
        { rise: 0 }, { rise: 1.5 }, { fall: 0 }, { fall: Number.NaN },
        { targets: [...targets, { id: "web-1", url: "http://web-1b.test/health" }] },
      ].map((change) => ({ ...good, ...change }));
      for (const options of bad) checkThrows(describe(options), () => new mod.HealthChecker(options), RangeError);
    }),
    { runs: 5 }, // every run checks every bad case
  );

  property("isHealthy throws a RangeError for an unknown id", (mod) =>
    fc.property(fc.constantFrom("web-3", "WEB-1", ""), (unknown) => {
      const targets = [{ id: "web-1", url: "http://web-1.test/health" }, { id: "web-2", url: "http://web-2.test/health" }];
      step(`const checker = new HealthChecker({ targets: ["web-1", "web-2"], intervalMs: 1000, timeoutMs: 500, rise: 2, fall: 3, onChange })`);
      const checker = new mod.HealthChecker({ targets, intervalMs: 1000, timeoutMs: 500, rise: 2, fall: 3, onChange: () => {} });
      check('checker.isHealthy("web-1")', checker.isHealthy("web-1"), true); // a known id answers: all start healthy
      checkThrows(`checker.isHealthy(${JSON.stringify(unknown)})`, () => checker.isHealthy(unknown), RangeError);
    }),
    { runs: 5 },
  );
});
