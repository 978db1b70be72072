/**
 * Grader for 01-single-server/user-api. The model is a Map from id to user; the expected answer
 * of every request is computed from the contract's ladder of checks (path 404, method 405, id
 * 400, body 400) and compared on what the contract fixes: the status, the content-type and allow
 * headers, and the body as parsed JSON (so key order and spacing are free, and so is the text of
 * error messages). Users are built from a fixed set of keys, so no "__proto__" games.
 */
import fc from "fast-check";
import { check, checkThat, command, commands, defineGrader, step } from "../../kit/index.ts";
type Module = typeof import("../../../exercises/01-single-server/user-api.ts");
type Api = InstanceType<Module["UserApi"]>;
type Request = Parameters<Api["handle"]>[0];
type Expected = { status: number; json?: unknown; allow?: true };

const JSON_TYPE = "application/json; charset=utf-8";
const MAX = Number.MAX_SAFE_INTEGER;

/** A request written as the code that sends it; bodies in single quotes when that reads better. */
function show(req: Request): string {
  const body = req.body === undefined ? "" : `, body: ${/['\\]/.test(req.body) ? JSON.stringify(req.body) : `'${req.body}'`}`;
  return `res = api.handle({ method: ${JSON.stringify(req.method)}, path: ${JSON.stringify(req.path)}${body} })`;
}

/**
 * What a property judges of each response, so that it fails only for its own rule (issue 18):
 * "status" (and the empty body of a 204), "user" (the stored user, its id left out), "id" (the
 * stored user with its id), "format" (content-type and an error body on every response the
 * implementation itself sent as JSON or as an error), "allow" (the allow header of a 405).
 */
type Judged = "status" | "user" | "id" | "format" | "allow";

function parse(body: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body as string) };
  } catch {
    return { ok: false };
  }
}
const withoutId = (value: unknown) => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const { id: _id, ...rest } = value as Record<string, unknown>;
  return rest;
};

/** Sends `req`, then checks what `judged` names against `expected` (json: undefined means an error body). */
function send(api: Api, req: Request, expected: Expected, judged: readonly Judged[]): void {
  const res = api.handle(req);
  if (judged.includes("status")) {
    check("res.status", res?.status, expected.status);
    if (expected.status === 204) check("res.body", res.body, "");
  }
  if (judged.includes("allow") && expected.allow) check('res.headers["allow"]', res.headers?.allow, "GET, PUT, DELETE");
  if (judged.includes("format") && res?.status !== 204) {
    check('res.headers["content-type"]', res.headers?.["content-type"], JSON_TYPE);
    const parsed = parse(res.body);
    if (!parsed.ok) checkThat("res.body", false, "JSON text", res.body);
    else if (res.status >= 400) {
      const isError = typeof parsed.value === "object" && parsed.value !== null && typeof (parsed.value as { error?: unknown }).error === "string";
      checkThat(`JSON.parse(res.body) of a ${res.status}`, isError, '{ "error": "<a message>" }', parsed.value);
    }
  }
  if (expected.json !== undefined && (judged.includes("user") || judged.includes("id"))) {
    const parsed = parse(res?.body);
    const got = parsed.ok ? parsed.value : res?.body;
    if (judged.includes("id")) check("JSON.parse(res.body)", got, expected.json);
    else check("JSON.parse(res.body), its id left out", withoutId(got), withoutId(expected.json));
  }
}

/** The contract as a function: what `req` must answer, given the users stored so far. */
function contract(users: Map<number, object>, req: Request): Expected {
  const match = /^\/users\/([^/]+)$/.exec(req.path);
  if (match === null) return { status: 404 };
  if (!["GET", "PUT", "DELETE"].includes(req.method)) return { status: 405, allow: true };
  const segment = match[1] as string;
  if (!/^[1-9][0-9]*$/.test(segment) || Number(segment) > MAX) return { status: 400 };
  const id = Number(segment);
  const user = users.get(id);
  if (req.method === "GET") return user ? { status: 200, json: user } : { status: 404 };
  if (req.method === "DELETE") return users.delete(id) ? { status: 204 } : { status: 404 };
  let body: unknown;
  try {
    body = JSON.parse(req.body ?? "");
  } catch {
    return { status: 400 };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { status: 400 };
  const stored = { ...body, id };
  users.set(id, stored);
  return { status: user ? 200 : 201, json: stored };
}

// ---- arbitraries ---------------------------------------------------------------------------

const text = fc.string({ maxLength: 8 });
const userFields = fc.record(
  {
    firstName: text,
    lastName: text,
    address: fc.record({ streetAddress: text, city: text, state: text, postalCode: fc.integer({ min: 0, max: 99999 }) }),
    phoneNumbers: fc.array(text, { maxLength: 2 }),
    active: fc.boolean(),
    note: fc.oneof(fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true }), text),
  },
  { requiredKeys: [] },
);
/** Any value an "id" field of a body might hold. */
const bodyId = fc.oneof(fc.integer(), fc.constant(MAX + 10), text, fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }));
const userWithId = fc.tuple(userFields, bodyId).map(([u, id]) => ({ ...u, id }));
const userBody = fc.oneof({ weight: 3, arbitrary: userFields }, { weight: 1, arbitrary: userWithId }).map((u) => JSON.stringify(u));

const smallId = fc.integer({ min: 1, max: 4 }).map(String);
const validId = fc.oneof(smallId, fc.constantFrom(String(MAX), "10", "100"), fc.integer({ min: 1, max: MAX }).map(String));
const badId = fc.oneof(
  fc.constantFrom("0", "00", "012", "-1", "+1", "1.0", "1.5", "1e3", "0x1F", " 1", "1 ", "abc", "１２", "Infinity", "NaN"),
  fc.constantFrom("12?x=1", "12#top", "%31%32", "1_000", "12abc"),
  fc.constantFrom(String(MAX + 1), "9007199254740993", "18446744073709551616", "99999999999999999999999"),
  fc.bigInt({ min: BigInt(MAX) + 1n, max: 10n ** 30n }).map(String),
  fc.nat().map((n) => `0${n}`),
);
const badBody = fc.oneof(
  fc.constantFrom(undefined, "", "null", "[]", "[1,2]", "42", "-0.5", '"text"', "true", "false", "{", '{"a":1', "{'a':1}", "not json"),
  fc.jsonValue({ maxDepth: 2 }).filter((v) => typeof v !== "object" || v === null || Array.isArray(v)).map((v) => JSON.stringify(v)),
);
const otherMethod = fc.constantFrom("POST", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT", "PROPFIND");
const userMethod = fc.constantFrom("GET", "PUT", "DELETE");
const badPath = fc.oneof(
  fc.constantFrom("/", "", "/users", "/user/1", "/Users/1", "/USERS/1", "/users/1/", "/users/1/posts", "//users/1"),
  fc.constantFrom("users/1", "/users//1", "/api/users/1", "/users/1/../2", "/users/1/1", "/userss/1"),
  validId.map((id) => `/users/${id}/`),
  fc.tuple(validId, validId).map(([a, b]) => `/users/${a}/${b}`),
);
const anyRequest = fc.record({
  method: fc.oneof(userMethod, otherMethod),
  path: fc.oneof(badPath, fc.oneof(validId, badId).map((id) => `/users/${id}`)),
  body: fc.oneof(userBody, badBody),
});

/** How many of the contract's checks (path, method, id, body of a PUT) `req` fails. */
function failedChecks(req: Request): number {
  const match = /^\/users\/([^/]+)$/.exec(req.path);
  const badPath = match === null;
  const badMethod = !["GET", "PUT", "DELETE"].includes(req.method);
  const badId = match !== null && (!/^[1-9][0-9]*$/.test(match[1]!) || Number(match[1]) > MAX);
  const body = parse(req.body ?? "");
  const isObject = body.ok && typeof body.value === "object" && body.value !== null && !Array.isArray(body.value);
  const badBody = req.method === "PUT" && !isObject;
  return [badPath, badMethod, badId, badBody].filter(Boolean).length;
}
/**
 * Requests that fail two checks or more: only the order of the checks decides their answer.
 * Their bad paths are plainly bad: whether /Users/1 or /users/1/posts is a user path is the
 * path rule's question, and a router that gets it wrong must not show up under the order rule.
 */
const conflictingRequest = fc
  .record({
    method: fc.oneof(userMethod, otherMethod),
    path: fc.oneof(fc.constantFrom("/", "/nowhere", "/api/users/1", "/user/1"), fc.oneof(validId, badId).map((id) => `/users/${id}`)),
    body: fc.oneof(userBody, badBody),
  })
  .filter((req) => failedChecks(req) >= 2);

// ---- model-based runs ----------------------------------------------------------------------

type Cmd = fc.Command<{ users: Map<number, object> }, Api>;
/** One request as a command: `command` records it as a step, `send` checks the answer. */
const requestCmd = (judged: readonly Judged[]) => (req: fc.Arbitrary<Request>) =>
  req.map((r): Cmd => command(show(r), (m, api) => send(api, r, contract(m.users, r), judged)));

function modelRun(UserApi: Module["UserApi"], judged: readonly Judged[], requests: fc.Arbitrary<Request>[]) {
  const arbitraries = requests.map(requestCmd(judged));
  return fc.property(commands(arbitraries, { maxCommands: 30 }), (cmds) => {
    step("const api = new UserApi()");
    fc.modelRun(() => ({ model: { users: new Map<number, object>() }, real: new UserApi() }), cmds);
  });
}

const get = (id: fc.Arbitrary<string>) => id.map((i) => ({ method: "GET", path: `/users/${i}` }));
const del = (id: fc.Arbitrary<string>) => id.map((i) => ({ method: "DELETE", path: `/users/${i}` }));
const put = (id: fc.Arbitrary<string>, body: fc.Arbitrary<string | undefined>) =>
  fc.tuple(id, body).map(([i, b]): Request => (b === undefined ? { method: "PUT", path: `/users/${i}` } : { method: "PUT", path: `/users/${i}`, body: b }));

export default defineGrader<Module>("01-single-server/user-api", (property) => {
  property("get, put and delete behave like a map of users", ({ UserApi }) =>
    modelRun(UserApi, ["status", "user"], [get(smallId), put(smallId, userFields.map((u) => JSON.stringify(u))), del(smallId)]),
    { runs: 159 }, // mutants die by run 53 (max over 30 seeds); 3× margin
  );

  property("put stores the path's id as a json number, overriding any id in the body", ({ UserApi }) =>
    modelRun(UserApi, ["id"], [get(validId), put(validId, userWithId.map((u) => JSON.stringify(u)))]),
  );

  property("every json response carries content-type application/json; charset=utf-8, and errors are {\"error\": message}", ({ UserApi }) =>
    // Bodies that parse: a body that is not JSON at all is the body rule's to answer.
    modelRun(UserApi, ["format"], [anyRequest.filter((q) => q.body === undefined || parse(q.body).ok), put(smallId, userBody), get(smallId)]),
  );

  property("any other method on /users/:id answers 405 with allow: GET, PUT, DELETE", ({ UserApi }) =>
    // Valid ids only: with a bad id, which answer comes first is the order rule's question.
    modelRun(UserApi, ["status", "allow"], [
      fc.tuple(otherMethod, validId, fc.oneof(userBody, badBody)).map(([method, id, body]) => ({ method, path: `/users/${id}`, body })),
      get(smallId),
    ]),
  );

  property("an id that is not a positive decimal integer up to Number.MAX_SAFE_INTEGER answers 400", ({ UserApi }) =>
    modelRun(UserApi, ["status"], [
      fc.tuple(userMethod, badId, userBody).map(([method, id, body]) => ({ method, path: `/users/${id}`, body })),
      fc.tuple(userMethod, validId, userBody).map(([method, id, body]) => ({ method, path: `/users/${id}`, body })),
    ]),
  );

  property("a put body that is not a json object answers 400 and stores nothing", ({ UserApi }) =>
    modelRun(UserApi, ["status", "user"], [put(smallId, badBody), put(smallId, userBody), get(smallId)]),
  );

  property("paths other than /users/<one segment> answer 404, whatever the method", ({ UserApi }) =>
    // GET, PUT and DELETE only: with another method, which answer comes first is the order rule's question.
    modelRun(UserApi, ["status"], [
      fc.tuple(userMethod, badPath, userBody).map(([method, path, body]) => ({ method, path, body })),
      put(smallId, userBody),
    ]),
    { runs: 105 }, // mutants die by run 35 (max over 30 seeds); 3× margin
  );

  property("checks run in order: unknown path 404, then method 405, then id 400, then body 400", ({ UserApi }) =>
    // Only requests that fail two checks or more: one that fails a single check is that
    // check's rule (a path the router wrongly matches shows under the path rule, not here).
    modelRun(UserApi, ["status"], [conflictingRequest]),
  );
});
