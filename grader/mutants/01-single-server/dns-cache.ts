import { defineMutants } from "../../kit/index.ts";

const LOOKUP = "lookup receives the name in lower case, without its trailing dot";
const SHARED = "names that differ only in case or a trailing dot share one cached answer";
const TTL = "an answer is reused while Date.now() < answeredAt + ttlSeconds * 1000, then looked up again";
const ZERO = "an answer with ttlSeconds 0 is never reused";
const COALESCE = "concurrent resolves of one name share one lookup";
const FAILURE = "a failed lookup rejects every waiter and is not cached";
const OWN = "each name gets the address its own lookup answered";

export default defineMutants("01-single-server/dns-cache", [
  {
    name: "lookup-gets-raw-name",
    bug: "passes the name to lookup as the caller spelled it, not normalised",
    kills: LOOKUP,
    edits: [["settle(this.#lookup(name))", "settle(this.#lookup(hostname))"]],
  },
  {
    name: "cache-keyed-by-spelling",
    bug: "stores answers under the normalised name but looks them up under the caller's spelling",
    kills: SHARED,
    edits: [["const cached = this.#answers.get(name);", "const cached = this.#answers.get(hostname);"]],
  },
  {
    name: "trailing-dot-kept",
    bug: "only lower-cases the name, so 'mysite.com.' and 'mysite.com' are two names",
    kills: LOOKUP,
    edits: [["return lower.endsWith(\".\") ? lower.slice(0, -1) : lower;", "return lower;"]],
  },
  {
    name: "reused-at-expiry",
    bug: "still reuses an answer at exactly answeredAt + ttlSeconds * 1000 (<= instead of <)",
    kills: TTL,
    edits: [["Date.now() < cached.freshUntil", "Date.now() <= cached.freshUntil"]],
  },
  {
    name: "ttl-read-as-ms",
    bug: "treats ttlSeconds as milliseconds",
    kills: TTL,
    edits: [["answer.ttlSeconds * 1000", "answer.ttlSeconds"]],
  },
  {
    name: "expiry-from-question",
    bug: "counts the TTL from when the lookup was asked, not from when it answered",
    kills: TTL,
    edits: [
      ["const name = normalise(hostname);", "const name = normalise(hostname);\n    const askedAt = Date.now();"],
      ["freshUntil: Date.now() + answer.ttlSeconds", "freshUntil: askedAt + answer.ttlSeconds"],
    ],
  },
  {
    name: "zero-ttl-kept-a-second",
    bug: "rounds a TTL of 0 up to 1 second",
    kills: ZERO,
    edits: [["answer.ttlSeconds * 1000", "Math.max(answer.ttlSeconds, 1) * 1000"]],
  },
  {
    name: "no-coalescing",
    bug: "starts a new lookup for every resolve of a name whose lookup is still running",
    kills: COALESCE,
    edits: [["if (running !== undefined) return running;", ""]],
  },
  {
    name: "failure-cached",
    bug: "keeps a failed lookup, so every later resolve of the name fails without asking again",
    kills: FAILURE,
    edits: [["        this.#pending.delete(name);\n        throw error;", "        throw error;"]],
  },
  {
    name: "joiners-hang-on-failure",
    bug: "callers who joined a running lookup never hear about its failure",
    kills: FAILURE,
    edits: [["if (running !== undefined) return running;", "if (running !== undefined) return running.catch(() => new Promise<string>(() => {}));"]],
  },
  {
    name: "one-answer-for-all",
    bug: "returns the most recent cached answer whatever the name",
    kills: OWN,
    edits: [["const cached = this.#answers.get(name);", "const cached = [...this.#answers.values()].at(-1);"]],
  },
  {
    name: "single-sweep-timer",
    bug: "expires answers with one cleanup timer that every new answer moves to its own expiry, so a longer-lived answer outlives its TTL (cacheable-lookup's bug)",
    kills: TTL,
    edits: [
      ["  readonly #pending = new Map<string, Promise<string>>();", "  readonly #pending = new Map<string, Promise<string>>();\n  #sweep: ReturnType<typeof setTimeout> | undefined;"],
      ["if (Date.now() < cached.freshUntil) return Promise.resolve(cached.address);", "if (cached.freshUntil >= 0) return Promise.resolve(cached.address); // the sweep timer removes expired answers"],
      [
        "        this.#answers.set(name, { address: answer.address, freshUntil: Date.now() + answer.ttlSeconds * 1000 });",
        "        this.#answers.set(name, { address: answer.address, freshUntil: Date.now() + answer.ttlSeconds * 1000 });\n        clearTimeout(this.#sweep);\n        this.#sweep = setTimeout(() => {\n          for (const [n, a] of this.#answers) if (a.freshUntil <= Date.now()) this.#answers.delete(n);\n        }, answer.ttlSeconds * 1000);",
      ],
    ],
  },
]);
