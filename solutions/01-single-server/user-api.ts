/**
 * A tiny JSON API over an in-memory store: the `GET /users/12` of a single-server setup.
 *
 * Design: `handle` runs the checks in the order the contract fixes (path, method, id, body) and
 * returns at the first that fails, so every request gets exactly one answer. Users are kept as
 * parsed objects in a Map keyed by their numeric id; they are serialised on the way out.
 */

export interface ApiRequest {
  /** An HTTP method, e.g. "GET". Methods are case-sensitive, as in HTTP. */
  method: string;
  /** The path, taken literally: no decoding, no query-string handling. */
  path: string;
  /** The request body, if any (JSON text for PUT). */
  body?: string;
}

export interface ApiResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** JSON text, or "" for 204. */
  body: string;
}

type User = Record<string, unknown> & { id: number };

const JSON_TYPE = "application/json; charset=utf-8";
const USER_PATH = /^\/users\/([^/]+)$/;
const ID = /^[1-9][0-9]*$/;
const METHODS = ["GET", "PUT", "DELETE"];

function json(status: number, value: unknown): ApiResponse {
  return { status, headers: { "content-type": JSON_TYPE }, body: JSON.stringify(value) };
}

function error(status: number, message: string): ApiResponse {
  return json(status, { error: message });
}

/** The body as a plain JSON object, or undefined for anything else (array, null, bad JSON…). */
function parseObject(body: string | undefined): Record<string, unknown> | undefined {
  if (body === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
  return isObject ? (value as Record<string, unknown>) : undefined;
}

export class UserApi {
  readonly #users = new Map<number, User>();

  /**
   * Answers one request. Checks run in this order and the first failure answers:
   * 1. the path is not `/users/<one segment>` → 404;
   * 2. the method is not GET, PUT or DELETE → 405 with `allow: GET, PUT, DELETE`;
   * 3. the segment is not an id (`^[1-9][0-9]*$`, at most Number.MAX_SAFE_INTEGER) → 400;
   * 4. for PUT, the body is not a JSON object → 400.
   * Then: GET → 200 and the user | 404. PUT → stores the body with "id" set to the id as a JSON
   * number, answers the stored user, 201 when created / 200 when replaced. DELETE → 204 with an
   * empty body | 404. Every JSON body carries `content-type: application/json; charset=utf-8`;
   * errors are `{"error": "<message>"}`.
   */
  handle(request: ApiRequest): ApiResponse {
    const { method, path } = request;
    const match = USER_PATH.exec(path);
    if (match === null) return error(404, `no route for ${path}`);
    if (!METHODS.includes(method)) {
      const response = error(405, `method ${method} is not allowed on ${path}`);
      return { ...response, headers: { ...response.headers, allow: "GET, PUT, DELETE" } };
    }
    const segment = match[1] as string;
    if (!ID.test(segment) || Number(segment) > Number.MAX_SAFE_INTEGER) {
      return error(400, `${JSON.stringify(segment)} is not a user id`);
    }
    const id = Number(segment);

    if (method === "GET") {
      const user = this.#users.get(id);
      return user === undefined ? error(404, `no user ${id}`) : json(200, user);
    }
    if (method === "DELETE") {
      if (!this.#users.delete(id)) return error(404, `no user ${id}`);
      return { status: 204, headers: {}, body: "" };
    }
    const fields = parseObject(request.body);
    if (fields === undefined) return error(400, "the body must be a JSON object");
    const user: User = { ...fields, id };
    const created = !this.#users.has(id);
    this.#users.set(id, user);
    return json(created ? 201 : 200, user);
  }
}
