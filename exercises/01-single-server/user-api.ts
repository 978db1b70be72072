/**
 * A tiny JSON API over an in-memory store: the `GET /users/12` of a single-server setup.
 *
 * `handle` is synchronous and pure request-in, response-out: no real HTTP server is needed. Keep
 * the users in memory (a Map is enough). Request and response bodies are strings of JSON text.
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

export class UserApi {
  /**
   * Answers one request. Checks run in this order and the first failure answers:
   * 1. the path is not `/users/<one segment>` (exactly; "/users/12/" and "/Users/12" are other
   *    paths) → 404;
   * 2. the method is not GET, PUT or DELETE → 405 with the header `allow: GET, PUT, DELETE`;
   * 3. the segment is not an id: it must match `^[1-9][0-9]*$` and be at most
   *    Number.MAX_SAFE_INTEGER, else → 400;
   * 4. for PUT, the body is not a JSON object (an array, null, a number, a string, invalid JSON or
   *    no body at all) → 400.
   *
   * Then:
   * - `GET /users/:id` → 200 with the stored user, or 404 when there is none;
   * - `PUT /users/:id` → stores the body's object with "id" set to the path's id as a JSON number
   *   (overriding any "id" in the body), and answers the stored user: 201 when it was created,
   *   200 when it replaced a user (a PUT replaces the whole user, it does not merge);
   * - `DELETE /users/:id` → 204 with an empty body "", or 404 when there is no such user.
   *
   * Every JSON body carries the header `content-type: application/json; charset=utf-8`. Error
   * bodies are `{"error": "<message>"}`, with a message of your choice.
   */
  handle(request: ApiRequest): ApiResponse {
    notImplemented("UserApi.handle");
  }
}

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/01-single-server/user-api.ts`);
}
