/**
 * Writing files that another process may read at the same moment.
 */
import { renameSync, writeFileSync } from "node:fs";

/** Writes a file so that a reader never sees half of it: a temporary name beside it, then a
 *  rename, which replaces the file whole. (grader/bin/launch.mjs keeps a copy: it runs before
 *  any TypeScript can be loaded.) */
export function writeAtomically(file: string, data: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}
