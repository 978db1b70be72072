import { defineRules } from "../../kit/rules.ts";

export default defineRules("08-stateless-web/session-manager", [
  {
    rule: "Keeps NO session in its own memory: everything lives in `store`, so a session created on one server is read, updated or destroyed on any other server with the same store and secret.",
    property: "a session created on one server is read, updated and destroyed on any other",
    mutants: ["own-map"],
  },
  {
    rule: "The data of the live session named by `cookie`, or null when the cookie was changed in any way,",
    property: "any single-character change to a cookie reads null and cannot update",
    mutants: ["signature-not-checked", "compares-decoded-bytes"],
  },
  {
    rule: "was signed with another secret,",
    property: "a cookie signed with another secret reads null",
    mutants: ["secret-ignored"],
  },
  {
    rule: "A successful read restarts the session's lifetime (sliding expiry).",
    property: "every successful read or update gives the session another ttlMs",
    mutants: ["read-does-not-slide"],
  },
  {
    rule: "Idle lifetime in ms: a session lives while Date.now() < last successful create/read/update + ttlMs.",
    property: "a session left unused for ttlMs reads null on every server, though the store still holds it",
    mutants: ["expiry-inclusive"],
  },
  {
    rule: "The store may ignore `ttlMs`, so the manager enforces expiry itself (keep the deadline in the stored value).",
    property: "a session left unused for ttlMs reads null on every server, though the store still holds it",
    mutants: ["trusts-store-expiry"],
  },
  {
    rule: "Resolve false (and change nothing) when the cookie is bad or the session is expired or destroyed.",
    property: "update returns false and changes nothing for a bad, expired or destroyed cookie",
    mutants: ["update-revives"],
  },
  {
    rule: "End the session named by `cookie`, for every server.",
    property: "destroy on one server is seen by every server",
    mutants: ["destroy-wrong-key"],
  },
  {
    rule: "the id carries at least 128 random bits from node:crypto (≥ 22 base64url or ≥ 32 hex characters),",
    property: "ids are unique over 10 000 sessions and carry at least 128 bits",
    mutants: ["short-id", "time-based-id"],
  },
]);
