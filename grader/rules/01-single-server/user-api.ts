import { defineRules } from "../../kit/rules.ts";

const MAP = "get, put and delete behave like a map of users";
const ID = "put stores the path's id as a json number, overriding any id in the body";
const FORMAT = "every json response carries content-type application/json; charset=utf-8, and errors are {\"error\": message}";
const METHOD = "any other method on /users/:id answers 405 with allow: GET, PUT, DELETE";
const BAD_ID = "an id that is not a positive decimal integer up to Number.MAX_SAFE_INTEGER answers 400";
const BODY = "a put body that is not a json object answers 400 and stores nothing";
const PATH = "paths other than /users/<one segment> answer 404, whatever the method";
const ORDER = "checks run in order: unknown path 404, then method 405, then id 400, then body 400";

export default defineRules("01-single-server/user-api", [
  {
    rule: "201 when it was created, 200 when it replaced a user (a PUT replaces the whole user, it does not merge);",
    property: MAP,
    mutants: ["put-always-201", "put-merges"],
  },
  {
    rule: "`DELETE /users/:id` → 204 with an empty body \"\", or 404 when there is no such user.",
    property: MAP,
    mutants: ["delete-keeps-user", "delete-answers-200-with-user"],
  },
  {
    rule: "stores the body's object with \"id\" set to the path's id as a JSON number (overriding any \"id\" in the body)",
    property: ID,
    mutants: ["body-id-wins", "id-stored-as-string"],
  },
  {
    rule: "Every JSON body carries the header `content-type: application/json; charset=utf-8`.",
    property: FORMAT,
    mutants: ["errors-without-content-type"],
  },
  {
    rule: "Error bodies are `{\"error\": \"<message>\"}`, with a message of your choice.",
    property: FORMAT,
    mutants: ["errors-as-plain-text"],
  },
  {
    rule: "the method is not GET, PUT or DELETE → 405 with the header `allow: GET, PUT, DELETE`;",
    property: METHOD,
    mutants: ["allow-without-delete", "post-acts-as-put"],
  },
  {
    rule: "the segment is not an id: it must match `^[1-9][0-9]*$` and be at most Number.MAX_SAFE_INTEGER, else → 400;",
    property: BAD_ID,
    mutants: ["leading-zeros-accepted", "no-safe-integer-limit"],
  },
  {
    rule: "The path, taken literally: no decoding, no query-string handling.",
    property: BAD_ID,
    mutants: ["query-string-stripped"],
  },
  {
    rule: "for PUT, the body is not a JSON object (an array, null, a number, a string, invalid JSON or no body at all) → 400.",
    property: BODY,
    mutants: ["arrays-accepted", "null-accepted", "primitives-accepted", "invalid-json-throws"],
  },
  {
    rule: "the path is not `/users/<one segment>` (exactly; \"/users/12/\" and \"/Users/12\" are other paths) → 404;",
    property: PATH,
    mutants: ["path-prefix-match", "path-case-insensitive"],
  },
  {
    rule: "Checks run in this order and the first failure answers:",
    property: ORDER,
    mutants: ["id-checked-before-method", "method-checked-before-path"],
  },
]);
