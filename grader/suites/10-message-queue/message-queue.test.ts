/**
 * Grader for 10-message-queue/message-queue: model-based, under fake time. The model follows the
 * queue's own answers (which message got which handle, which ack it accepted), so each property
 * can check one rule and stay in step even when another rule is broken. Time only moves through
 * vitest's fake timers, so a queue that reads Date.now() and one that schedules setTimeout both
 * work. Visibility timeouts are a few ms and time advances in 1–8 ms steps, to land on the edges.
 */
import fc from "fast-check";
import { vi } from "vitest";
import { check, checkThat, checkThrows, command, commands, defineGrader, show, step, withFakeTime } from "../../kit/index.ts";
import type { QueueOptions } from "../../../exercises/10-message-queue/message-queue.ts";
type Module = typeof import("../../../exercises/10-message-queue/message-queue.ts");
type Queue = InstanceType<Module["MessageQueue"]>;
type Rule = "ids" | "order" | "exclusive" | "handles" | "dead" | "depth" | "lost";

interface Msg {
  seq: number;
  id: string;
  body: string;
  count: number;
  handle?: string;
  receivedAt?: number; // set while in flight
}

class Model {
  live: Msg[] = []; // visible or in flight, in send order
  dead: { id: string; body: string; receiveCount: number }[] = [];
  sent: Msg[] = [];
  handles: string[] = [];
  /** The message each handle was issued for, so that the model follows any ack the queue accepts. */
  issuedFor = new Map<string, Msg>();
  acked = new Set<string>();
  constructor(
    readonly vt: number,
    readonly maxReceives: number,
    readonly rule: Rule,
  ) {}
  /** The contract's lapse rule: back to visible, or dead after maxReceives receives. */
  sweep(now: number): void {
    const lapsed = this.live
      .filter((m) => m.receivedAt !== undefined && now >= m.receivedAt + this.vt)
      .sort((a, b) => a.receivedAt! - b.receivedAt! || a.seq - b.seq);
    for (const m of lapsed) {
      m.receivedAt = undefined;
      if (m.count >= this.maxReceives) {
        this.live = this.live.filter((x) => x !== m);
        this.dead.push({ id: m.id, body: m.body, receiveCount: m.count });
      }
    }
  }
}
type Cmd = fc.Command<Model, Queue>;

/** The checks every command ends with, for the rules that read the whole queue. */
function after(m: Model, q: Queue): void {
  m.sweep(Date.now());
  if (m.rule === "depth") check("queue.depth", q.depth, m.live.length);
  if (m.rule === "dead") check("queue.deadLetters()", q.deadLetters(), m.dead);
}

const sendCmd = fc.integer({ min: 1, max: 99 }).map((n): Cmd =>
  command(`queue.send("photo-${n}")`, (m, q) => {
    const id = q.send(`photo-${n}`);
    if (m.rule === "ids") {
      const earlier = m.sent.find((x) => x.id === id);
      const fate = earlier && (m.acked.has(earlier.id) ? "acked" : m.dead.some((d) => d.id === earlier.id) ? "dead-lettered" : "still in the queue");
      checkThat(`queue.send("photo-${n}")`, typeof id === "string" && earlier === undefined, "an id no message of this queue had before", earlier ? `${show(id)}, the id of ${show(earlier.body)} (${fate})` : id);
    }
    const msg = { seq: m.sent.length, id, body: `photo-${n}`, count: 0 };
    m.sent.push(msg);
    m.live.push(msg);
    after(m, q);
  }),
);

const receiveCmd = fc.integer({ min: 1, max: 3 }).map((max): Cmd =>
  command(`queue.receive(${max})`, (m, q) => {
    const now = Date.now();
    m.sweep(now);
    const got = q.receive(max);
    const call = `queue.receive(${max})`;
    if (m.rule === "order") {
      // Only the waiting messages handed out are checked here: handing out a held one is the
      // rule of "never held by two consumers", and shows there.
      const waiting = m.live.filter((x) => x.receivedAt === undefined).map((x) => x.id);
      const handedWaiting = got.map((r) => r.id).filter((id) => waiting.includes(id));
      const held = got.length - handedWaiting.length;
      check(`ids of waiting messages from ${call}`, handedWaiting, waiting.slice(0, Math.min(max - held, waiting.length)));
    }
    for (const r of got) {
      const msg = m.live.find((x) => x.id === r.id);
      if (m.rule === "exclusive") {
        checkThat(`${call}: message ${show(r.id)}`, msg !== undefined && msg.receivedAt === undefined && got.filter((x) => x.id === r.id).length === 1,
          "a waiting message, not one held by a consumer, acked or dead",
          msg === undefined ? `${show(r.id)}, which was acked or dead-lettered` : got.filter((x) => x.id === r.id).length > 1 ? `${show(r.id)} twice in one batch` : `${show(r.id)}, held since t = ${msg.receivedAt} ms (now ${now} ms)`);
      }
      if (m.rule === "handles") checkThat(`${call}: receiptHandle of ${show(r.id)}`, !m.handles.includes(r.receiptHandle), "a handle never issued before", r.receiptHandle);
      if (m.rule === "dead" && msg) check(`${call}: receiveCount of ${show(r.id)}`, r.receiveCount, msg.count + 1);
      if (m.rule === "lost" && msg) check(`${call}: body of ${show(r.id)}`, r.body, msg.body);
      if (msg) Object.assign(msg, { count: msg.count + 1, handle: r.receiptHandle, receivedAt: now });
      m.handles.push(r.receiptHandle);
      if (msg) m.issuedFor.set(r.receiptHandle, msg);
    }
    after(m, q);
  }),
);

// Acks mostly pick one of the last few handles issued (the live ones, and the ones just replaced).
const ackCmd = fc.tuple(fc.nat(3), fc.nat(9)).map(([back, kind]): Cmd =>
  command(kind === 0 ? `queue.ack("not-a-handle")` : `queue.ack(handles[handles.length - ${back + 1}])`, (m, q) => {
    m.sweep(Date.now());
    const handle = kind === 0 || m.handles.length === 0 ? "not-a-handle" : m.handles[Math.max(0, m.handles.length - 1 - back)];
    const target = m.live.find((x) => x.handle === handle && x.receivedAt !== undefined);
    const got = q.ack(handle);
    if (m.rule === "handles") check(`queue.ack(${show(handle)})`, got, target !== undefined);
    if (got) {
      // Follow the queue: the message it deleted is the one this handle was issued for.
      // Even a stale handle the queue wrongly accepted: the "handles" rule reports that, and the
      // other rules stay in step instead of blaming the missing message on themselves.
      const owner = target ?? m.issuedFor.get(handle);
      if (owner) {
        m.live = m.live.filter((x) => x !== owner);
        m.acked.add(owner.id);
      }
    }
    after(m, q);
  }),
);

const advanceCmd = fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 8 })).map((ms): Cmd =>
  command(`// ${ms} ms pass`, (m, q) => {
    vi.advanceTimersByTime(ms);
    after(m, q);
  }),
);

/** After the scenario: every message sent must be acked or dead-lettered in the end. */
function drain(m: Model, q: Queue): void {
  step("// drain: let every visibility lapse, receive everything, ack it; repeat");
  const ackedIds = new Set(m.acked);
  for (let round = 0; round <= m.maxReceives + 1; round++) {
    vi.advanceTimersByTime(m.vt);
    for (const r of q.receive(1000)) if (q.ack(r.receiptHandle)) ackedIds.add(r.id);
  }
  const dead = new Set(q.deadLetters().map((d) => d.id));
  for (const msg of m.sent) {
    checkThat(`message ${show(msg.id)} (${show(msg.body)})`, ackedIds.has(msg.id) || dead.has(msg.id), "acked or dead-lettered after the drain", "lost");
  }
}

function scenario(MessageQueue: Module["MessageQueue"], rule: Rule, maxReceives = fc.integer({ min: 1, max: 3 })) {
  return fc.property(
    fc.integer({ min: 2, max: 6 }),
    maxReceives,
    commands([sendCmd, receiveCmd, ackCmd, advanceCmd], { maxCommands: 60, size: "medium" }),
    (vt, maxR, cmds) =>
      withFakeTime(() => {
        step(`const queue = new MessageQueue({ visibilityTimeoutMs: ${vt}, maxReceives: ${maxR} }); const handles = []  // every receiptHandle received, in order`);
        const q = new MessageQueue<string>({ visibilityTimeoutMs: vt, maxReceives: maxR });
        const m = new Model(vt, maxR, rule);
        fc.modelRun(() => ({ model: m, real: q }), cmds);
        if (rule === "lost") drain(m, q);
      }),
  );
}

export default defineGrader<Module>("10-message-queue/message-queue", (property) => {
  property("send returns an id no other message of the queue has had", ({ MessageQueue }) =>
    scenario(MessageQueue, "ids"),
    { runs: 30 }, // the mutant dies at run 1 at seeds 1–10 (a send after an ack or a dead letter)
  );
  property("receive hands out waiting messages oldest first, a lapsed one back in its old place", ({ MessageQueue }) =>
    scenario(MessageQueue, "order"),
  );
  property("a message is never held by two consumers at once", ({ MessageQueue }) =>
    scenario(MessageQueue, "exclusive"),
    { runs: 78 }, // mutants die by run 26 (max over 30 seeds); 3× margin
  );
  property("ack accepts only a message's latest handle, before its visibility lapses", ({ MessageQueue }) =>
    scenario(MessageQueue, "handles"),
    { runs: 114 }, // mutants die by run 38 (max over 30 seeds); 3× margin
  );
  property("after maxReceives receives a lapsed message is dead-lettered, in the order of lapsing", ({ MessageQueue }) =>
    scenario(MessageQueue, "dead", fc.integer({ min: 1, max: 2 })),
    { runs: 27 }, // mutants die by run 9 (max over 30 seeds); 3× margin
  );
  property("depth counts the waiting and in-flight messages", ({ MessageQueue }) =>
    scenario(MessageQueue, "depth"),
    { runs: 6 }, // mutants die by run 2 (max over 30 seeds); 3× margin
  );
  // Broad: a lost message also breaks the order or depth rule; this is the end-to-end check.
  property("no message is ever lost", ({ MessageQueue }) => scenario(MessageQueue, "lost"), { runs: 18, broad: true }); // mutants die by run 6 (max over 30 seeds); 3× margin

  property("options outside their ranges throw RangeError", ({ MessageQueue }) =>
    // Fixed shape: the boundaries are the point (0, 1.5, NaN, Infinity), not random options.
    fc.property(fc.constant(null), () => {
      // Valid options at the edges first, so that throwing on everything is not a way to pass.
      const valid: QueueOptions[] = [
        { visibilityTimeoutMs: 0.5, maxReceives: 1 },
        { visibilityTimeoutMs: 30_000, maxReceives: 1_000_000 },
      ];
      for (const options of valid) {
        step(`new MessageQueue(${show(options)})`);
        new MessageQueue(options);
      }
      const bad: QueueOptions[] = [
        ...[0, -1, Number.NaN, Number.POSITIVE_INFINITY].map((visibilityTimeoutMs) => ({ visibilityTimeoutMs, maxReceives: 3 })),
        ...[0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY].map((maxReceives) => ({ visibilityTimeoutMs: 1000, maxReceives })),
      ];
      for (const options of bad) {
        checkThrows(`new MessageQueue(${show(options)})`, () => new MessageQueue(options), RangeError);
      }
    }),
    { runs: 1 }, // deterministic
  );
});
