/**
 * Helpers for the edge-cache grader: a scripted origin (real HTTP through `fetch`, answered by
 * nock), the generated origin answers, and an exact reference model of the contract.
 *
 * The model never parses a Cache-Control string: it reads the generated directives directly, so
 * a parsing bug in the learner's code cannot be mirrored by a parsing bug here.
 */
import fc from "fast-check";
import nock from "nock";
import { check, jumpClock, show, step, withFakeDate as withKitFakeDate } from "../../kit/index.ts";
type Module = typeof import("../../../exercises/07-cdn/edge-cache.ts");
export type Edge = InstanceType<Module["EdgeCache"]>;

export const ORIGIN = "http://origin.test";

/** The directives of one generated Cache-Control header. */
export interface Directives {
  maxAge?: number;
  sMaxAge?: number;
  staleIfError?: number;
  noStore?: boolean;
  private?: boolean;
  public?: boolean;
}

/** What the scripted origin does for one request. The body is filled in when it is used. */
export type Reply =
  | { kind: "answer"; status: number; body?: string; cc?: Directives; order?: number; age?: number }
  | { kind: "network-error" };

export function cacheControl(d: Directives, order = 0): string | undefined {
  const parts: string[] = [];
  if (d.public) parts.push("public");
  if (d.maxAge !== undefined) parts.push(`max-age=${d.maxAge}`);
  if (d.sMaxAge !== undefined) parts.push(`s-maxage=${d.sMaxAge}`);
  if (d.staleIfError !== undefined) parts.push(`stale-if-error=${d.staleIfError}`);
  if (d.noStore) parts.push("no-store");
  if (d.private) parts.push("private");
  if (parts.length === 0) return undefined;
  // Rotate the directives: their order must not matter.
  const k = order % parts.length;
  return [...parts.slice(k), ...parts.slice(0, k)].join(", ");
}

function headersOf(reply: Reply & { kind: "answer" }): Record<string, string> {
  const headers: Record<string, string> = { "Content-Type": "text/plain" };
  const cc = reply.cc && cacheControl(reply.cc, reply.order);
  if (cc !== undefined) headers["Cache-Control"] = cc;
  if (reply.age !== undefined) headers.Age = String(reply.age);
  if (reply.status >= 300 && reply.status < 400) headers.Location = "/moved";
  return headers;
}

export function describeReply(reply: Reply): string {
  if (reply.kind === "network-error") return "fails with a network error";
  const headers = headersOf(reply);
  const shown = ["Cache-Control", "Age"].filter((h) => h in headers).map((h) => `${h}: ${headers[h]}`);
  const body = reply.body === undefined ? "" : ` ${show(reply.body)}`;
  return `answers ${reply.status}${body}${shown.length ? `, ${shown.join(", ")}` : ""}`;
}

/** Script the origin to answer the next GET of `path` with `reply`, once. */
export function scriptOrigin(path: string, reply: Reply): nock.Scope {
  const interceptor = nock(ORIGIN).get((uri) => uri === path);
  if (reply.kind === "network-error") return interceptor.replyWithError("connection reset by origin");
  return interceptor.reply(reply.status, reply.body ?? "", headersOf(reply));
}

// ---------------------------------------------------------------------------------------------
// The model

interface Copy {
  status: number;
  body: string;
  cc: string | undefined;
  storedAt: number;
  originAgeMs: number;
  lifetimeMs: number;
  staleIfErrorMs: number;
}

export interface Expected {
  requested: boolean;
  status: number;
  cache: "HIT" | "MISS" | "STALE" | "BYPASS";
  /** undefined for a 502, whose body is free. */
  body?: string;
  /** The `age` header a HIT must carry. */
  age?: string;
  /** The `cache-control` header a HIT, MISS or BYPASS must carry (the origin's). */
  cacheControl?: string;
}

export class EdgeModel {
  readonly stored = new Map<string, Copy>();
  private bodies = 0;

  /** A body never used before in this scenario, so that serving the wrong copy always shows. */
  withFreshBody(reply: Reply): Reply {
    return reply.kind === "answer" && reply.body === undefined ? { ...reply, body: `v${++this.bodies}` } : reply;
  }

  private ageMs(copy: Copy, now: number): number {
    return copy.originAgeMs + (now - copy.storedAt);
  }

  /** What get(path) must answer when the origin would answer `reply` at time `now`. */
  get(path: string, reply: Reply, now: number): Expected {
    const copy = this.stored.get(path);
    if (copy && this.ageMs(copy, now) < copy.lifetimeMs) {
      const age = String(Math.floor(this.ageMs(copy, now) / 1000));
      return { requested: false, status: copy.status, cache: "HIT", body: copy.body, age, cacheControl: copy.cc };
    }
    if (reply.kind === "network-error" || reply.status >= 500) {
      if (copy && this.ageMs(copy, now) < copy.lifetimeMs + copy.staleIfErrorMs) {
        return { requested: true, status: copy.status, cache: "STALE", body: copy.body };
      }
      return { requested: true, status: 502, cache: "MISS" };
    }
    const d = reply.cc ?? {};
    const lifetime = d.sMaxAge ?? d.maxAge ?? 0;
    const cc = reply.cc && cacheControl(reply.cc, reply.order);
    const storable = reply.status === 200 && lifetime > 0 && !d.noStore && !d.private;
    const body = reply.body ?? "";
    if (!storable) return { requested: true, status: reply.status, cache: "BYPASS", body, cacheControl: cc };
    this.stored.set(path, {
      status: reply.status,
      body,
      cc,
      storedAt: now,
      originAgeMs: (reply.age ?? 0) * 1000,
      lifetimeMs: lifetime * 1000,
      staleIfErrorMs: (d.staleIfError ?? 0) * 1000,
    });
    return { requested: true, status: reply.status, cache: "MISS", body, cacheControl: cc };
  }

  purge(prefix: string): number {
    const keys = [...this.stored.keys()].filter((k) => k.startsWith(prefix));
    for (const k of keys) this.stored.delete(k);
    return keys.length;
  }
}

// ---------------------------------------------------------------------------------------------
// Driving the real cache and the model together

/** Script the origin, call edge.get(path), and compare with the model's answer. */
export async function getAndCheck(edge: Edge, model: EdgeModel, path: string, generated: Reply): Promise<void> {
  const reply = model.withFreshBody(generated);
  step(getLabel(path, reply));
  const scope = scriptOrigin(path, reply);
  let actual: unknown;
  let requested = false;
  try {
    actual = await edge.get(path);
  } finally {
    requested = scope.isDone();
    nock.cleanAll();
  }
  const expected = model.get(path, reply, Date.now());
  check(`whether edge.get(${show(path)}) asked the origin`, requested, expected.requested);
  const got = actual as { status?: unknown; cache?: unknown; body?: unknown; headers?: Record<string, unknown> };
  const seen: Record<string, unknown> = { status: got.status, cache: got.cache };
  const want: Record<string, unknown> = { status: expected.status, cache: expected.cache };
  if (expected.body !== undefined) [seen.body, want.body] = [got.body, expected.body];
  if (expected.age !== undefined) [seen.age, want.age] = [got.headers?.age, expected.age];
  if (expected.cacheControl !== undefined) {
    [seen["cache-control"], want["cache-control"]] = [got.headers?.["cache-control"], expected.cacheControl];
  }
  check(`await edge.get(${show(path)})`, seen, want);
}

/** The step that shows one get: the call, and what the origin would answer. */
export function getLabel(path: string, reply: Reply): string {
  return `await edge.get(${show(path)}) // if asked, the origin ${describeReply(reply)}`;
}

/** Move the fake clock forward. */
export function advance(ms: number, announce = true): void {
  if (announce) step(advanceLabel(ms));
  jumpClock(ms);
}

export const advanceLabel = (ms: number): string => `// ${ms} ms later (Date.now() + ${ms})`;

/** Run `fn` with only Date faked (nock's replies need real timers), nock in charge of the network. */
export async function withFakeDate<T>(fn: () => Promise<T>): Promise<T> {
  nock.disableNetConnect();
  try {
    return await withKitFakeDate(fn, { now: 1_700_000_000_000 });
  } finally {
    nock.cleanAll();
  }
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

export const directivesArb: fc.Arbitrary<Directives> = fc.record(
  {
    maxAge: fc.integer({ min: 0, max: 6 }),
    sMaxAge: fc.integer({ min: 0, max: 6 }),
    staleIfError: fc.integer({ min: 0, max: 6 }),
    noStore: fc.boolean(),
    private: fc.boolean(),
    public: fc.boolean(),
  },
  { requiredKeys: [] },
);

export function answerArb(
  status: fc.Arbitrary<number>,
  cc: fc.Arbitrary<Directives | undefined>,
  age: fc.Arbitrary<number | undefined> = fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
): fc.Arbitrary<Reply> {
  return fc.record({ status, cc, age, order: fc.nat(5) }).map((r): Reply => ({ kind: "answer", ...r }));
}

export const failureArb: fc.Arbitrary<Reply> = fc.oneof(
  fc.constant<Reply>({ kind: "network-error" }),
  fc.constantFrom(500, 502, 503, 504).map((status): Reply => ({ kind: "answer", status, body: "origin is down" })),
);
