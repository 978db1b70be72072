/**
 * Materializing a mutant (kit/mutants.ts) replaces its scratch file whole, so that a run importing
 * it while another run writes it never reads half a file.
 */
import { linkSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect, onTestFinished, test } from "vitest";
import { materialize, mutate } from "../../kit/mutants.ts";
import lruMutants from "../../mutants/06-cache/lru-cache.ts";

const LRU = "06-cache/lru-cache";

test("a second materialize replaces the file by a rename, never rewriting it in place", () => {
  const root = mkdtempSync(join(tmpdir(), "ztm-materialize-"));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  const mutant = lruMutants.mutants[0]!;
  const file = materialize(LRU, mutant, root);
  // A hard link keeps the first file's contents; writing in place would change them too.
  const reader = join(root, "as-a-reader-saw-it.ts");
  linkSync(file, reader);
  const other = lruMutants.mutants[1]!;
  const second = materialize(LRU, { ...other, name: mutant.name }, root);
  expect(second).toBe(file);
  expect(readFileSync(file, "utf8")).toBe(mutate(LRU, other));
  expect(readFileSync(reader, "utf8")).toBe(mutate(LRU, mutant));
  expect(readdirSync(dirname(file)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
});
