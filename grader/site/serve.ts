/**
 * `npm run docs:serve [-- --port N] [--dir DIR] [--no-build]`: builds the site, then serves it on
 * http://127.0.0.1:<port>/ (default 4173) with node:http. Only the loopback interface: this is a
 * preview for the author, not a web server for the internet.
 *
 * Path handling is the part that matters: a request path is decoded once, must not contain a NUL
 * byte or a backslash, is resolved under the site folder, and must still be inside it after the
 * symbolic links are followed; anything else is a 404. Only GET and HEAD are answered.
 */
import { createReadStream, realpathSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { buildSite } from "./build.ts";
import { DEFAULT_OUT } from "./cli.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** The file under `root` a URL path names, or undefined when it names nothing we may serve. */
export function resolveRequest(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split("?")[0]!.split("#")[0]!);
  } catch {
    return undefined; // malformed %-escape
  }
  if (path.includes("\0") || path.includes("\\")) return undefined;
  const base = realpathSync(root);
  let file = resolve(base, `.${path.startsWith("/") ? path : `/${path}`}`);
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  try {
    if (statSync(file).isDirectory()) file = join(file, "index.html");
    const real = realpathSync(file);
    if (!real.startsWith(base + sep) || !statSync(real).isFile()) return undefined;
    return real;
  } catch {
    return undefined;
  }
}

export function createSiteServer(root: string): Server {
  return createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const file = resolveRequest(root, req.url ?? "/");
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
}

const USAGE = "usage: npm run docs:serve [-- --port N] [--dir DIR] [--no-build]";

export async function main(argv: string[]): Promise<number> {
  let port = 4173;
  let dir = DEFAULT_OUT;
  let build = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--port" && argv[i + 1] !== undefined) port = Number(argv[++i]);
    else if (arg === "--dir" && argv[i + 1] !== undefined) dir = resolve(process.env.INIT_CWD ?? process.cwd(), argv[++i]!);
    else if (arg === "--no-build") build = false;
    else {
      console.error(`unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
      return 2;
    }
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be an integer from 0 to 65535\n${USAGE}`);
    return 2;
  }
  if (build) {
    const result = await buildSite({ out: dir });
    console.log(`Built ${result.pages.length} pages in ${dir}`);
  }
  const server = createSiteServer(dir);
  await new Promise<void>((ready, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", ready);
  }).catch((error: NodeJS.ErrnoException) => {
    console.error(error.code === "EADDRINUSE" ? `port ${port} is in use: try --port ${port + 1}` : error.message);
    process.exit(1);
  });
  const address = server.address();
  console.log(`Serving ${dir} at http://127.0.0.1:${typeof address === "object" && address ? address.port : port}/ (Ctrl-C stops)`);
  // Serve until interrupted: the promise never settles, so main never returns.
  return new Promise<number>(() => {});
}
