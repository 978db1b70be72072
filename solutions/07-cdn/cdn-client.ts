/**
 * Exercise 07-cdn/cdn-client (reference solution): the browser's side of a CDN.
 *
 * Fetch a static asset from the CDN and fall back to the origin when the CDN is down; and build
 * versioned URLs, the cheap way to make caches fetch a changed asset. Use the global `fetch`,
 * `setTimeout`/`clearTimeout` for time limits and `node:crypto` for hashing.
 */
import { createHash } from "node:crypto";

export interface FetchAssetOptions {
  /** Base URL of the CDN, e.g. "https://mysite.cdn.example". */
  cdnBase: string;
  /** Base URL of the origin (web server or object storage), e.g. "https://origin.example". */
  originBase: string;
  /** Upper bound in ms on each attempt (CDN, then origin), from the request until the whole body. */
  timeoutMs: number;
}

export interface AssetResponse {
  /** Which attempt produced the answer. */
  servedBy: "cdn" | "origin";
  status: number;
  /** Response headers as a plain object with lower-case names. */
  headers: Record<string, string>;
  /** The whole response body as text. */
  body: string;
}

/** One attempt failed: network error, 5xx, or no complete answer within the time limit. */
class AttemptFailed extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AttemptFailed";
  }
}

/** Fetch `url`, reading the whole body, within `timeoutMs`; reject with AttemptFailed on failure. */
async function attempt(url: string, timeoutMs: number): Promise<Omit<AssetResponse, "servedBy">> {
  const controller = new AbortController();
  // One timer for headers *and* body: a server that sends headers and then stalls still fails.
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (response.status >= 500) {
      controller.abort(); // the body of a failure is not worth waiting for
      throw new AttemptFailed(`${url} answered ${response.status}`);
    }
    const body = await response.text();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    return { status: response.status, headers, body };
  } catch (error) {
    if (error instanceof AttemptFailed) throw error;
    const why = controller.signal.aborted ? `timed out after ${timeoutMs} ms` : "network error";
    throw new AttemptFailed(`${url}: ${why}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Fetch `cdnBase + path`. An attempt fails on a network error, a 5xx status, or when the whole
 * answer (headers and body) has not arrived within `timeoutMs`. When the CDN attempt fails, fetch
 * `originBase + path` under the same rules. Any other status (a 404 included) is an answer and is
 * returned as it is, with `servedBy` saying which attempt gave it. Rejects when the origin
 * attempt fails too.
 */
export async function fetchAsset(path: string, options: FetchAssetOptions): Promise<AssetResponse> {
  try {
    return { servedBy: "cdn", ...(await attempt(options.cdnBase + path, options.timeoutMs)) };
  } catch {
    // The CDN is having a bad moment: go to the origin directly.
  }
  return { servedBy: "origin", ...(await attempt(options.originBase + path, options.timeoutMs)) };
}

/**
 * Return `path` with a version parameter `v=<token>` appended: after `?`, or after `&` when the
 * path already has a query ("/a.js" -> "/a.js?v=…", "/a.js?lang=en" -> "/a.js?lang=en&v=…").
  * The token is 8–16 characters of [A-Za-z0-9_-] derived from a hash of `content`: equal content
 * gives the same URL, different content a different URL. (A query-string version only busts a
 * CDN cache whose key includes the query string; build tools usually hash the file name instead.)
 */
export function versionedUrl(path: string, content: string | Uint8Array): string {
  const token = createHash("sha256").update(content).digest("base64url").slice(0, 12);
  return `${path}${path.includes("?") ? "&" : "?"}v=${token}`;
}
