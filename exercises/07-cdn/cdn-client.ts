/**
 * Exercise 07-cdn/cdn-client: the browser's side of a CDN.
 *
 * Fetch a static asset from the CDN and fall back to the origin when the CDN is down; and build
 * versioned URLs, the cheap way to make caches fetch a changed asset. Use the global `fetch`,
 * `setTimeout`/`clearTimeout` for time limits and `node:crypto` for hashing.
 */

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

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/07-cdn/cdn-client.ts`);
}

/**
 * Fetch `cdnBase + path`. An attempt fails on a network error, a 5xx status, or when the whole
 * answer (headers and body) has not arrived within `timeoutMs`. When the CDN attempt fails, fetch
 * `originBase + path` under the same rules. Any other status (a 404 included) is an answer and is
 * returned as it is, with `servedBy` saying which attempt gave it. Rejects when the origin
 * attempt fails too.
 */
export async function fetchAsset(path: string, options: FetchAssetOptions): Promise<AssetResponse> {
  void path;
  void options;
  return notImplemented("fetchAsset");
}

/**
 * Return `path` with a version parameter `v=<token>` appended: after `?`, or after `&` when the
 * path already has a query ("/a.js" -> "/a.js?v=…", "/a.js?lang=en" -> "/a.js?lang=en&v=…").
  * The token is 8–16 characters of [A-Za-z0-9_-] derived from a hash of `content`: equal content
 * gives the same URL, different content a different URL. (A query-string version only busts a
 * CDN cache whose key includes the query string; build tools usually hash the file name instead.)
 */
export function versionedUrl(path: string, content: string | Uint8Array): string {
  void path;
  void content;
  return notImplemented("versionedUrl");
}
