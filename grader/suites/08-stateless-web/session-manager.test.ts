/**
 * Grader for 08-stateless-web/session-manager. Two SessionManager instances over one shared async
 * store play two web servers behind a load balancer. The store behaves like a remote one: it
 * copies values through JSON (no shared objects) and ignores the ttl it is given, so expiry must
 * be enforced by the manager. Only the contract's observable answers are compared; how a manager
 * lays out its record in the store, and what its signature looks like, are free.
 */
import fc from "fast-check";
import { check, checkThat, defineGrader, jumpClock, show, step, withFakeTime } from "../../kit/index.ts";
type Module = typeof import("../../../exercises/08-stateless-web/session-manager.ts");
type Manager = InstanceType<Module["SessionManager"]>;
type Data = { user: number; cart: string[] };

/** A shared store that behaves like Redis reached over the network, minus the expiry. */
class SharedStore {
  readonly map = new Map<string, string>();
  async get(id: string): Promise<unknown> {
    await Promise.resolve();
    const raw = this.map.get(id);
    return raw === undefined ? undefined : JSON.parse(raw);
  }
  async set(id: string, value: unknown, _ttlMs: number): Promise<void> {
    await Promise.resolve();
    this.map.set(id, JSON.stringify(value));
  }
  async delete(id: string): Promise<void> {
    await Promise.resolve();
    this.map.delete(id);
  }
}

const SECRET = "s3cret-shared-by-all-web-servers";
const dataArb: fc.Arbitrary<Data> = fc.record({ user: fc.nat(10_000), cart: fc.array(fc.constantFrom("book", "pen", "mug"), { maxLength: 3 }) }, { noNullPrototype: true });

/** Two servers over one store, built the way a learner would write it. */
function cluster(SessionManager: Module["SessionManager"], ttlMs: number) {
  const store = new SharedStore();
  step(`const store = sharedStore() // one store, like Redis, for every web server`);
  step(`const web1 = new SessionManager({ store, secret: ${show(SECRET)}, ttlMs: ${ttlMs} })`);
  step(`const web2 = new SessionManager({ store, secret: ${show(SECRET)}, ttlMs: ${ttlMs} })`);
  const servers: Manager[] = [0, 1].map(() => new SessionManager({ store, secret: SECRET, ttlMs }));
  return { store, servers, name: (i: number) => `web${i + 1}` };
}

function later(ms: number): void {
  step(`// ${ms} ms later`);
  jumpClock(ms);
}

/** The model: for each session, its data and the last moment it was used successfully. */
interface Session {
  cookie: string;
  data: Data;
  touched: number;
  destroyed: boolean;
}
const live = (s: Session, ttlMs: number) => !s.destroyed && Date.now() < s.touched + ttlMs;

type Op =
  | { kind: "create"; server: number; data: Data }
  | { kind: "read" | "destroy"; server: number; session: number }
  | { kind: "update"; server: number; session: number; data: Data }
  | { kind: "wait"; ms: number };

/** Apply one operation to the servers and to the model, comparing their answers. */
async function apply(op: Op, servers: Manager[], sessions: Session[], ttlMs: number): Promise<void> {
  if (op.kind === "wait") return later(op.ms);
  const web = `web${op.server + 1}`;
  const server = servers[op.server]!;
  if (op.kind === "create") {
    step(`const c${sessions.length} = await ${web}.create(${show(op.data)})`);
    const cookie = await server.create(op.data);
    checkThat(`typeof c${sessions.length}`, typeof cookie === "string", "a string", cookie);
    sessions.push({ cookie, data: op.data, touched: Date.now(), destroyed: false });
    return;
  }
  if (sessions.length === 0) return;
  const i = op.session % sessions.length;
  const s = sessions[i]!;
  if (op.kind === "read") {
    step(`await ${web}.read(c${i})`);
    const wasLive = live(s, ttlMs);
    check(`await ${web}.read(c${i})`, await server.read(s.cookie), wasLive ? s.data : null);
    if (wasLive) s.touched = Date.now();
  } else if (op.kind === "update") {
    step(`await ${web}.update(c${i}, ${show(op.data)})`);
    const wasLive = live(s, ttlMs);
    check(`await ${web}.update(c${i}, ${show(op.data)})`, await server.update(s.cookie, op.data), wasLive);
    if (wasLive) [s.data, s.touched] = [op.data, Date.now()];
  } else {
    step(`await ${web}.destroy(c${i})`);
    await server.destroy(s.cookie);
    s.destroyed = true;
  }
}

const server = fc.integer({ min: 0, max: 1 });
const session = fc.nat(7);
const opArb = (ttlMs: number, withTime: boolean): fc.Arbitrary<Op> =>
  fc.oneof(
    fc.record({ kind: fc.constant("create" as const), server, data: dataArb }),
    fc.record({ kind: fc.constant("read" as const), server, session }),
    fc.record({ kind: fc.constant("read" as const), server, session }),
    fc.record({ kind: fc.constant("update" as const), server, session, data: dataArb }),
    fc.record({ kind: fc.constant("destroy" as const), server, session }),
    ...(withTime ? [fc.record({ kind: fc.constant("wait" as const), ms: fc.oneof(fc.nat(ttlMs + 1), fc.constantFrom(ttlMs - 1, ttlMs)) })] : []),
  );

/** Every single-character change of `cookie`: flip the low bit of each character, and one more. */
function mutations(cookie: string, extra: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < cookie.length; i++) {
    const code = cookie.charCodeAt(i);
    for (const c of [String.fromCharCode(code ^ 1), extra === cookie[i] ? "~" : extra]) {
      out.add(cookie.slice(0, i) + c + cookie.slice(i + 1));
    }
  }
  out.delete(cookie);
  return [...out];
}

const ID = /^[A-Za-z0-9_-]{22,}$/;
const TTL = fc.integer({ min: 2, max: 60_000 });

export default defineGrader<Module>("08-stateless-web/session-manager", (property) => {
  property("a session created on one server is read, updated and destroyed on any other", ({ SessionManager }) =>
    fc.asyncProperty(fc.array(opArb(1000, false), { minLength: 1, maxLength: 20 }), dataArb, (ops, first) =>
      withFakeTime(async () => {
        const { servers } = cluster(SessionManager, 60_000);
        const sessions: Session[] = [];
        for (const op of [{ kind: "create", server: 0, data: first } as Op, { kind: "read", server: 1, session: 0 } as Op, ...ops]) {
          await apply(op, servers, sessions, 60_000);
        }
      }),
    ), { runs: 5 }); // mutants die at run 1 (max over 30 seeds); 5 is the floor

  property("any single-character change to a cookie reads null and cannot update", ({ SessionManager }) =>
    fc.asyncProperty(dataArb, fc.constantFrom(".", "=", "+", "/", "A", "0", "_", "-", "é", " "), (data, extra) =>
      withFakeTime(async () => {
        const { servers } = cluster(SessionManager, 60_000);
        step(`const cookie = await web1.create(${show(data)})`);
        const cookie = await servers[0]!.create(data);
        // Hundreds of changed cookies per run: the check's text is built only for a wrong answer.
        for (const changed of mutations(cookie, extra)) {
          const read = await servers[1]!.read(changed);
          if (read !== null) check(`await web2.read(${show(changed)}) // one character of cookie changed`, read, null);
          const updated = await servers[1]!.update(changed, { user: -1, cart: [] });
          if (updated !== false) check(`await web2.update(${show(changed)}, { user: -1, cart: [] })`, updated, false);
        }
        check("await web1.read(cookie)", await servers[0]!.read(cookie), data);
      }),
    ), { runs: 90, timeoutMs: 20_000 }); // mutants die by run 30 (max over 100 seeds; 14 over 30); 3× margin

  property("a cookie signed with another secret reads null", ({ SessionManager }) =>
    fc.asyncProperty(dataArb, fc.string({ minLength: 1, maxLength: 20 }), (data, other) =>
      withFakeTime(async () => {
        fc.pre(other !== SECRET);
        const { store, servers } = cluster(SessionManager, 60_000);
        step(`const cookie = await web1.create(${show(data)})`);
        const cookie = await servers[0]!.create(data);
        step(`const stranger = new SessionManager({ store, secret: ${show(other)}, ttlMs: 60000 })`);
        const stranger = new SessionManager({ store, secret: other, ttlMs: 60_000 });
        check("await stranger.read(cookie)", await stranger.read(cookie), null);
        check("await stranger.update(cookie, { user: -1, cart: [] })", await stranger.update(cookie, { user: -1, cart: [] }), false);
        check("await web2.read(cookie)", await servers[1]!.read(cookie), data);
      }),
    ));

  property("every successful read or update gives the session another ttlMs", ({ SessionManager }) =>
    fc.asyncProperty(TTL, dataArb, fc.array(fc.tuple(fc.double({ min: 0.5, max: 0.999, noNaN: true }), fc.boolean(), server, dataArb), { minLength: 3, maxLength: 6 }),
      (ttlMs, data, uses) =>
        withFakeTime(async () => {
          const { servers } = cluster(SessionManager, ttlMs);
          const sessions: Session[] = [];
          await apply({ kind: "create", server: 0, data }, servers, sessions, ttlMs);
          for (const [fraction, isRead, s, d] of uses) {
            // Each wait is shorter than ttlMs, but together they pass it: only sliding keeps the session.
            await apply({ kind: "wait", ms: Math.max(1, Math.floor(fraction * ttlMs)) }, servers, sessions, ttlMs);
            await apply(isRead ? { kind: "read", server: s, session: 0 } : { kind: "update", server: s, session: 0, data: d }, servers, sessions, ttlMs);
          }
        }),
    ), { runs: 6 }); // mutants die by run 2 (max over 30 seeds); 3× margin

  property("a session left unused for ttlMs reads null on every server, though the store still holds it", ({ SessionManager }) =>
    fc.asyncProperty(TTL, dataArb, fc.nat(1000), fc.boolean(), (ttlMs, data, extra, touch) =>
      withFakeTime(async () => {
        const { servers } = cluster(SessionManager, ttlMs);
        const sessions: Session[] = [];
        await apply({ kind: "create", server: 0, data }, servers, sessions, ttlMs);
        if (touch) {
          await apply({ kind: "wait", ms: ttlMs - 1 }, servers, sessions, ttlMs);
          await apply({ kind: "read", server: 1, session: 0 }, servers, sessions, ttlMs);
        }
        await apply({ kind: "wait", ms: ttlMs + (extra % 2 === 0 ? 0 : extra) }, servers, sessions, ttlMs);
        await apply({ kind: "read", server: 1, session: 0 }, servers, sessions, ttlMs);
        await apply({ kind: "read", server: 0, session: 0 }, servers, sessions, ttlMs);
      }),
    ));

  property("update returns false and changes nothing for a bad, expired or destroyed cookie", ({ SessionManager }) =>
    fc.asyncProperty(TTL, dataArb, dataArb, fc.constantFrom("expired", "destroyed", "forged"), (ttlMs, data, other, how) =>
      withFakeTime(async () => {
        const { servers } = cluster(SessionManager, ttlMs);
        const sessions: Session[] = [];
        await apply({ kind: "create", server: 0, data }, servers, sessions, ttlMs);
        const s = sessions[0]!;
        if (how === "expired") await apply({ kind: "wait", ms: ttlMs }, servers, sessions, ttlMs);
        if (how === "destroyed") {
          await apply({ kind: "destroy", server: 1, session: 0 }, servers, sessions, ttlMs);
          // A destroy that did not work is the destroy rule's failure, not this one's: nothing to check here.
          if ((await servers[0]!.read(s.cookie)) !== null) return;
        }
        const cookie = how === "forged" ? `${s.cookie.slice(0, -1)}${s.cookie.endsWith("A") ? "B" : "A"}` : s.cookie;
        step(`await web2.update(${show(cookie)}, ${show(other)})`);
        check(`await web2.update(${how === "forged" ? "forgedCookie" : "c0"}, ${show(other)})`, await servers[1]!.update(cookie, other), false);
        // The refused update must not have changed the data or revived the session.
        await apply({ kind: "read", server: 0, session: 0 }, servers, sessions, ttlMs);
      }),
    ), { runs: 15 }); // mutants die by run 5 (max over 100 seeds; 2 over 30); 3× margin

  property("destroy on one server is seen by every server", ({ SessionManager }) =>
    fc.asyncProperty(fc.array(opArb(1000, true), { maxLength: 12 }), server, (ops, by) =>
      withFakeTime(async () => {
        const { servers } = cluster(SessionManager, 60_000);
        const sessions: Session[] = [];
        await apply({ kind: "create", server: 1 - by, data: { user: 1, cart: [] } }, servers, sessions, 60_000);
        for (const op of ops) await apply(op, servers, sessions, 60_000);
        await apply({ kind: "destroy", server: by, session: 0 }, servers, sessions, 60_000);
        await apply({ kind: "read", server: 0, session: 0 }, servers, sessions, 60_000);
        await apply({ kind: "read", server: 1, session: 0 }, servers, sessions, 60_000);
      }),
    ), { runs: 5 }); // mutants die at run 1 (max over 30 seeds); 5 is the floor

  property("ids are unique over 10 000 sessions and carry at least 128 bits", ({ SessionManager }) =>
    fc.asyncProperty(fc.constant(null), () =>
      withFakeTime(async () => {
        const { servers } = cluster(SessionManager, 60_000);
        step("for (let i = 0; i < 10000; i++) cookies.push(await (i % 2 ? web2 : web1).create({ user: i, cart: [] }))");
        const ids = new Set<string>();
        for (let i = 0; i < 10_000; i++) {
          const cookie = await servers[i % 2]!.create({ user: i, cart: [] });
          const id = cookie.slice(0, cookie.indexOf("."));
          // 10 000 checks: the check's text is built only for a wrong id.
          if (!ID.test(id)) {
            checkThat(`the id of cookie #${i}, ${show(cookie)}`, false, "an id of at least 22 base64url or 32 hex characters, then a dot and the signature", id);
          }
          if (ids.has(id)) checkThat(`the id of cookie #${i}`, false, "an id no earlier session had (Date.now() does not move here)", id);
          ids.add(id);
        }
      }),
    ), { runs: 1, timeoutMs: 30_000, fixedInput: true }); // the same 10 000 creates at every seed
});
