import { defineMutants } from "../../kit/index.ts";

const MAP = "get, put and delete behave like a map of users";
const ID_FIELD = "put stores the path's id as a json number, overriding any id in the body";
const JSON_HEADERS = 'every json response carries content-type application/json; charset=utf-8, and errors are {"error": message}';
const METHOD = "any other method on /users/:id answers 405 with allow: GET, PUT, DELETE";
const BAD_ID = "an id that is not a positive decimal integer up to Number.MAX_SAFE_INTEGER answers 400";
const BAD_BODY = "a put body that is not a json object answers 400 and stores nothing";
const PATH = "paths other than /users/<one segment> answer 404, whatever the method";
const ORDER = "checks run in order: unknown path 404, then method 405, then id 400, then body 400";

const ID_CHECK = "if (!ID.test(segment) || Number(segment) > Number.MAX_SAFE_INTEGER) {";

export default defineMutants("01-single-server/user-api", [
  {
    name: "put-always-201",
    bug: "answers 201 to every PUT, even when it replaces a user",
    kills: MAP,
    edits: [["json(created ? 201 : 200, user)", "json(201, user)"]],
  },
  {
    name: "delete-keeps-user",
    bug: "DELETE answers 204 but leaves the user in the store",
    kills: MAP,
    edits: [["if (!this.#users.delete(id))", "if (!this.#users.has(id))"]],
  },
  {
    name: "put-merges",
    bug: "PUT merges the body into the stored user instead of replacing it",
    kills: MAP,
    edits: [["const user: User = { ...fields, id };", "const user: User = { ...this.#users.get(id), ...fields, id };"]],
  },
  {
    name: "delete-answers-200-with-user",
    bug: "DELETE answers 200 with the deleted user instead of 204 with an empty body",
    kills: MAP,
    edits: [[
      "      if (!this.#users.delete(id)) return error(404, `no user ${id}`);\n      return { status: 204, headers: {}, body: \"\" };",
      "      const gone = this.#users.get(id);\n      if (!this.#users.delete(id)) return error(404, `no user ${id}`);\n      return json(200, gone);",
    ]],
  },
  {
    name: "body-id-wins",
    bug: "keeps the id from the body when there is one",
    kills: ID_FIELD,
    edits: [["const user: User = { ...fields, id };", "const user: User = { id, ...fields };"]],
  },
  {
    name: "id-stored-as-string",
    bug: "stores the id as the string from the path",
    kills: ID_FIELD,
    edits: [["const user: User = { ...fields, id };", "const user: User = { ...fields, id: segment as unknown as number };"]],
  },
  {
    name: "errors-without-content-type",
    bug: "error responses carry no content-type header",
    kills: JSON_HEADERS,
    edits: [["return json(status, { error: message });", "return { status, headers: {}, body: JSON.stringify({ error: message }) };"]],
  },
  {
    name: "errors-as-plain-text",
    bug: "error bodies are the bare message, not a JSON object",
    kills: JSON_HEADERS,
    edits: [["return json(status, { error: message });", "return { status, headers: { \"content-type\": JSON_TYPE }, body: message };"]],
  },
  {
    name: "allow-without-delete",
    bug: "the allow header of a 405 lists only GET, PUT",
    kills: METHOD,
    edits: [['allow: "GET, PUT, DELETE"', 'allow: "GET, PUT"']],
  },
  {
    name: "post-acts-as-put",
    bug: "accepts POST and handles it like PUT",
    kills: METHOD,
    edits: [["if (!METHODS.includes(method)) {", "if (!METHODS.includes(method) && method !== \"POST\") {"]],
  },
  {
    name: "leading-zeros-accepted",
    bug: "accepts ids such as 0 and 012",
    kills: BAD_ID,
    edits: [["const ID = /^[1-9][0-9]*$/;", "const ID = /^[0-9]+$/;"]],
  },
  {
    name: "no-safe-integer-limit",
    bug: "accepts ids above Number.MAX_SAFE_INTEGER, which a JSON number cannot hold exactly",
    kills: BAD_ID,
    edits: [[ID_CHECK, "if (!ID.test(segment)) {"]],
  },
  {
    name: "query-string-stripped",
    bug: "cuts a query string off the path instead of taking the path literally",
    kills: BAD_ID,
    edits: [["const { method, path } = request;", "const { method } = request;\n    const path = request.path.split(\"?\")[0] as string;"]],
  },
  {
    name: "arrays-accepted",
    bug: "accepts a JSON array as a body",
    kills: BAD_BODY,
    edits: [[" && !Array.isArray(value)", ""]],
  },
  {
    name: "null-accepted",
    bug: "accepts the body null (typeof null is \"object\")",
    kills: BAD_BODY,
    edits: [["typeof value === \"object\" && value !== null &&", "typeof value === \"object\" &&"]],
  },
  {
    name: "primitives-accepted",
    bug: "accepts numbers, strings and booleans as bodies",
    kills: BAD_BODY,
    edits: [["typeof value === \"object\" && value !== null &&", "value !== null &&"]],
  },
  {
    name: "invalid-json-throws",
    bug: "lets JSON.parse throw out of handle on a body that is not JSON",
    kills: BAD_BODY,
    edits: [["  try {\n    value = JSON.parse(body);\n  } catch {\n    return undefined;\n  }", "  value = JSON.parse(body);"]],
  },
  {
    name: "path-prefix-match",
    bug: "matches any path that starts with /users/<segment>, such as /users/1/posts",
    kills: PATH,
    edits: [["const USER_PATH = /^\\/users\\/([^/]+)$/;", "const USER_PATH = /^\\/users\\/([^/]+)/;"]],
  },
  {
    name: "path-case-insensitive",
    bug: "matches /Users/1 and /USERS/1 as if they were /users/1",
    kills: PATH,
    edits: [["const USER_PATH = /^\\/users\\/([^/]+)$/;", "const USER_PATH = /^\\/users\\/([^/]+)$/i;"]],
  },
  {
    name: "id-checked-before-method",
    bug: "checks the id before the method, so POST /users/abc answers 400 instead of 405",
    kills: ORDER,
    edits: [[
      "if (!METHODS.includes(method)) {",
      "if (!ID.test(match[1] as string)) return error(400, \"bad id\");\n    if (!METHODS.includes(method)) {",
    ]],
  },
  {
    name: "method-checked-before-path",
    bug: "checks the method before the path, so POST /nowhere answers 405 instead of 404",
    kills: ORDER,
    edits: [
      ["    if (match === null) return error(404, `no route for ${path}`);\n", ""],
      ["const segment = match[1] as string;", "if (match === null) return error(404, `no route for ${path}`);\n    const segment = match[1] as string;"],
    ],
  },
]);
