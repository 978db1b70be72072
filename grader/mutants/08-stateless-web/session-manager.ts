import { defineMutants } from "../../kit/index.ts";

export default defineMutants("08-stateless-web/session-manager", [
  {
    name: "own-map",
    bug: "keeps sessions in the server's own Map instead of the shared store",
    kills: "a session created on one server is read, updated and destroyed on any other",
    edits: [["this.store = options.store;", "this.store = new Map() as unknown as SessionStore;"]],
  },
  {
    name: "signature-not-checked",
    bug: "trusts the id in the cookie without checking its signature",
    kills: "any single-character change to a cookie reads null and cannot update",
    edits: [["if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;", "void given;"]],
  },
  {
    name: "compares-decoded-bytes",
    bug: "compares the base64url-decoded signature bytes, so a changed last character can still match",
    kills: "any single-character change to a cookie reads null and cannot update",
    edits: [
      ['const given = Buffer.from(cookie.slice(dot + 1), "utf8");', 'const given = Buffer.from(cookie.slice(dot + 1), "base64url");'],
      ['const expected = Buffer.from(this.sign(id), "utf8");', 'const expected = Buffer.from(this.sign(id), "base64url");'],
    ],
  },
  {
    name: "secret-ignored",
    bug: "signs with a fixed key instead of the configured secret",
    kills: "a cookie signed with another secret reads null",
    edits: [['createHmac("sha256", this.secret)', 'createHmac("sha256", "fixed-key")']],
  },
  {
    name: "read-does-not-slide",
    bug: "a read does not push the expiry forward",
    kills: "every successful read or update gives the session another ttlMs",
    edits: [["    await this.write(found.id, found.record.data);\n", ""]],
  },
  {
    name: "expiry-inclusive",
    bug: "keeps a session live at exactly its last use + ttlMs",
    kills: "a session left unused for ttlMs reads null on every server, though the store still holds it",
    edits: [["!(Date.now() < record.expiresAt)", "Date.now() > record.expiresAt"]],
  },
  {
    name: "trusts-store-expiry",
    bug: "never checks the deadline and relies on the store to drop expired sessions",
    kills: "a session left unused for ttlMs reads null on every server, though the store still holds it",
    edits: [[" || !(Date.now() < record.expiresAt)", ""]],
  },
  {
    name: "update-revives",
    bug: "update checks only the signature, so it revives an expired or destroyed session",
    kills: "update returns false and changes nothing for a bad, expired or destroyed cookie",
    edits: [[
      "    const found = await this.load(cookie);\n    if (found === null) return false;\n    await this.write(found.id, data);",
      "    const id = this.verify(cookie);\n    if (id === null) return false;\n    await this.write(id, data);",
    ]],
  },
  {
    name: "destroy-wrong-key",
    bug: "destroy deletes the whole cookie string from the store instead of the session id",
    kills: "destroy on one server is seen by every server",
    edits: [["if (id !== null) await this.store.delete(id);", "if (id !== null) await this.store.delete(cookie);"]],
  },
  {
    name: "short-id",
    bug: "makes ids of 64 random bits (16 hex characters)",
    kills: "ids are unique over 10 000 sessions and carry at least 128 bits",
    edits: [['const id = randomBytes(16).toString("base64url");', 'const id = randomBytes(8).toString("hex");']],
  },
  {
    name: "time-based-id",
    bug: "builds the id from the clock, so sessions created in the same millisecond collide",
    kills: "ids are unique over 10 000 sessions and carry at least 128 bits",
    edits: [['const id = randomBytes(16).toString("base64url");', 'const id = Date.now().toString(36).padStart(22, "0");']],
  },
]);
