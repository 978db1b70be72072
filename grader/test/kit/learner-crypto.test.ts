/**
 * The learner's `node:crypto` (kit/boundary/endowments.ts): `createHash` takes a one-shot path
 * for one text update, and must answer and fail exactly as Node's Hash does.
 */
import * as crypto from "node:crypto";
import { expect, test } from "vitest";
import { lockdownOnce } from "../../kit/boundary/realm.ts";
import { learnerModules } from "../../kit/boundary/endowments.ts";
test("createHash as the learner holds it gives Node's digests and Node's errors (its one-shot fast path included)", () => {
  lockdownOnce();
  const c = learnerModules()["node:crypto"] as any;
  for (const alg of ["md5", "sha256", "sha1", "SHA256", "sha512"]) for (const enc of [undefined, "hex", "base64", "base64url", "latin1", "binary"] as const) for (const text of ["", "key-1", "héllo ☃"]) {
    const a = c.createHash(alg).update(text).digest(enc);
    const b: Buffer | string = enc ? crypto.createHash(alg).update(text).digest(enc as never) : crypto.createHash(alg).update(text).digest();
    expect(Buffer.isBuffer(a)).toBe(Buffer.isBuffer(b));
    expect(String(typeof a === "string" ? a : a.toString("hex"))).toBe(typeof b === "string" ? b : b.toString("hex"));
    // two updates, bytes, input encoding
    expect(c.createHash(alg).update(text).update("x").digest("hex")).toBe(crypto.createHash(alg).update(text).update("x").digest("hex"));
    expect(c.createHash(alg).update(Buffer.from(text)).digest("hex")).toBe(crypto.createHash(alg).update(Buffer.from(text)).digest("hex"));
    expect(c.createHash(alg).update("abcd", "hex").digest("hex")).toBe(crypto.createHash(alg).update("abcd", "hex").digest("hex"));
    expect(c.createHash(alg).digest("hex")).toBe(crypto.createHash(alg).digest("hex"));
  }
  const h = c.createHash("md5").update("x"); h.digest("hex");
  expect(() => h.digest("hex")).toThrow(/Digest already called/);
  const h2 = c.createHash("md5").update("x"); h2.digest();
  expect(() => h2.update("y")).toThrow(/Digest already called/);
  expect(() => c.createHash("bogus")).toThrow(/not supported/);
});

test("a digest in bytes is Node's, and a fresh Buffer each time", () => {
  lockdownOnce();
  const c = learnerModules()["node:crypto"] as any;
  const long = "x".repeat(5000);
  for (const text of ["key-1", "key-1", long, long]) {
    for (const enc of ["hex", "base64", undefined] as const) {
      const expected = crypto.createHash("sha256").update(text).digest();
      const got = c.createHash("sha256").update(text).digest(enc);
      expect(enc ? got : Buffer.from(got).toString("hex")).toBe(enc ? expected.toString(enc) : expected.toString("hex"));
    }
  }
  const first = c.createHash("md5").update("same").digest();
  first[0] ^= 0xff; // the learner may scribble on its Buffer
  expect(c.createHash("md5").update("same").digest().toString("hex")).toBe(crypto.createHash("md5").update("same").digest("hex"));
  expect(c.createHash("md5").update("same").digest()).not.toBe(first);
});
