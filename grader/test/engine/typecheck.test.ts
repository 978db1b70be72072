/**
 * The grading type check (engine/typecheck.ts) reports what the learner's editor reports: the
 * options of tsconfig.json, Node's types, no DOM.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { typecheck } from "../../engine/typecheck.ts";

const made: string[] = [];
afterAll(() => {
  for (const path of made) rmSync(dirname(path), { recursive: true, force: true });
});

function file(source: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "ztm-typecheck-")), "exercise.ts");
  writeFileSync(path, source);
  made.push(path);
  return path;
}

test("Node's globals and modules type-check; the DOM's do not, as under tsconfig.json", async () => {
  const node = file('import { createHash } from "node:crypto";\nexport const h = createHash("sha1").update(Buffer.from("x")).digest("hex");\nexport const f: typeof fetch = fetch;\n');
  const dom = file("export const title: string = document.title;\n");
  const reexport = file('import { IncomingHttpHeaders } from "node:http";\nexport { IncomingHttpHeaders };\n');
  const diagnostics = await typecheck([node, dom, reexport]);
  expect(diagnostics.get(node)).toBeUndefined();
  expect(diagnostics.get(dom)?.join("\n")).toMatch(/line 1, column \d+: TS2584: Cannot find name 'document'/);
  // isolatedModules, as in tsconfig.json: re-exporting a type needs `export type`
  expect(diagnostics.get(reexport)?.join("\n")).toMatch(/TS1205: Re-exporting a type/);
});
