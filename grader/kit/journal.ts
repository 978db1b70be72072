/**
 * Each exercise's outcomes are appended, synchronously, to a JSON-lines journal as they happen.
 * A worker that is killed mid-property (endless loop, memory bomb) loses nothing that already
 * ran, and the engine can tell which property was running when it died.
 */
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { JournalLine } from "./outcome.ts";

/** `06-cache/lru-cache` -> `06-cache__lru-cache.jsonl` */
export function journalFile(dir: string, exerciseId: string): string {
  return join(dir, `${exerciseId.replace("/", "__")}.jsonl`);
}

export function appendJournal(file: string | undefined, line: JournalLine): void {
  if (file) appendFileSync(file, `${JSON.stringify(line)}\n`);
}

export function readJournal(file: string): JournalLine[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((text) => text.trim() !== "")
    .flatMap((text) => {
      try {
        return [JSON.parse(text) as JournalLine];
      } catch {
        return []; // a line cut short by a kill mid-write
      }
    });
}
