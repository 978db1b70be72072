import { defineMutants } from "../../kit/index.ts";

export default defineMutants("07-cdn/cdn-client", [
  {
    name: "falls-back-on-404",
    bug: "treats every 4xx from the CDN as a failure and asks the origin",
    kills: "a cdn that answers in time is used as it is, a 404 included, without asking the origin",
    edits: [["if (response.status >= 500) {", "if (response.status >= 400) {"]],
  },
  {
    name: "keeps-5xx",
    bug: "returns a 5xx from the CDN instead of falling back to the origin",
    kills: "a network error or a 5xx from the cdn falls back to the origin",
    edits: [["if (response.status >= 500) {", "if (response.status >= 600) {"]],
  },
  {
    name: "no-time-limit",
    bug: "waits for the CDN for as long as it takes",
    kills: "a cdn that has not answered within timeoutMs is abandoned for the origin",
    edits: [["const timer = setTimeout(() => controller.abort(), timeoutMs);", "const timer = undefined;"]],
  },
  {
    name: "limit-stops-at-headers",
    bug: "stops the time limit when the headers arrive, so a stalled body hangs the attempt",
    kills: "the time limit covers the whole body: a cdn that sends headers and then stalls is abandoned",
    edits: [["    const body = await response.text();", "    clearTimeout(timer);\n    const body = await response.text();"]],
  },
  {
    name: "origin-5xx-resolves",
    bug: "returns the origin's 5xx as an answer instead of rejecting",
    kills: "fetchAsset rejects when the origin fails too",
    edits: [
      ["async function attempt(url: string, timeoutMs: number)", "async function attempt(url: string, timeoutMs: number, lenient = false)"],
      ["if (response.status >= 500) {", "if (response.status >= 500 && !lenient) {"],
      ["...(await attempt(options.originBase + path, options.timeoutMs))", "...(await attempt(options.originBase + path, options.timeoutMs, true))"],
    ],
  },
  {
    name: "random-version",
    bug: "makes the version token random, so equal content gets a new URL every time",
    kills: "versionedUrl is the same for equal content and differs for different content",
    edits: [
      ['import { createHash } from "node:crypto";', 'import { createHash, randomBytes } from "node:crypto";'],
      ['createHash("sha256").update(content).digest("base64url").slice(0, 12)', 'randomBytes(9).toString("base64url")'],
    ],
  },
  {
    name: "hashes-the-path",
    bug: "hashes the path instead of the content, so a changed file keeps its URL",
    kills: "versionedUrl is the same for equal content and differs for different content",
    edits: [[".update(content)", ".update(path)"]],
  },
  {
    name: "whole-hash",
    bug: "uses the whole 43-character hash as the token",
    kills: "versionedUrl appends v= and 8 to 16 url-safe characters, after ? or after & when a query exists",
    edits: [[".slice(0, 12)", ""]],
  },
  {
    name: "always-question-mark",
    bug: "always appends ?v=, even after an existing query",
    kills: "versionedUrl appends v= and 8 to 16 url-safe characters, after ? or after & when a query exists",
    edits: [['path.includes("?") ? "&" : "?"', '"?"']],
  },
]);
