/**
 * Each exercise's outcomes are appended, synchronously, to a JSON-lines journal as they happen.
 * A worker that is killed mid-property (endless loop, memory bomb) loses nothing that already
 * ran, and the engine can tell which property was running when it died.
 *
 * In a sandboxed run (grader/sandbox/) the learner's code shares the worker with the kit, so it
 * could write journal lines itself. There every line carries an HMAC under a key that only the
 * engine and the kit hold (the learner's code runs after the kit read it, as a user that cannot
 * read it again), and the engine drops every line whose MAC does not verify.
 */
import { createHmac } from "node:crypto";
import { appendFileSync, existsSync, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { JournalLine } from "./outcome.ts";

/** `06-cache/lru-cache` -> `06-cache__lru-cache.jsonl` */
export function journalFile(dir: string, exerciseId: string): string {
  return join(dir, `${exerciseId.replace("/", "__")}.jsonl`);
}

export function appendJournal(file: string | undefined, line: JournalLine): void {
  if (file) appendFileSync(file, `${JSON.stringify(line)}\n`);
}

/** A signed line: `<hex HMAC-SHA256 of the JSON>\t<JSON>`. */
export function signLine(key: string, json: string): string {
  return `${createHmac("sha256", key).update(json).digest("hex")}\t${json}\n`;
}

export interface JournalWriter {
  append(line: JournalLine): void;
  /** The open descriptor and the key, for the watchdog thread's last line. */
  fd?: number;
  key?: string;
}

/**
 * Opens the journal once and keeps the descriptor, so appending keeps working after the worker
 * gave up the rights to open it again (sandbox). References are captured now, before any learner
 * code runs, so that patching `JSON.stringify` or `fs` later cannot change what is written.
 */
export function openJournal(file: string | undefined, key?: string): JournalWriter {
  if (!file) return { append() {} };
  const fd = openSync(file, "a");
  const stringify = JSON.stringify;
  const write = writeSync;
  const sign = signLine;
  return {
    fd,
    key,
    append(line) {
      const json = stringify(line);
      write(fd, key ? sign(key, json) : `${json}\n`);
    },
  };
}

export interface ReadJournal {
  lines: JournalLine[];
  /** Lines whose signature did not verify (only counted when a key is given). */
  forged: number;
}

function parse(text: string): JournalLine | undefined {
  try {
    return JSON.parse(text) as JournalLine;
  } catch {
    return undefined;
  }
}

/** The journal's lines; with `key`, only the signed ones (the others are counted as forged). */
export function readJournalChecked(file: string, key?: string): ReadJournal {
  if (!existsSync(file)) return { lines: [], forged: 0 };
  const text = readFileSync(file, "utf8");
  const rows = text.split("\n");
  if (!text.endsWith("\n")) rows.pop(); // a line cut short by a kill mid-write
  const lines: JournalLine[] = [];
  let forged = 0;
  for (const row of rows) {
    if (row.trim() === "") continue;
    if (!key) {
      const line = parse(row);
      if (line) lines.push(line);
      continue;
    }
    const tab = row.indexOf("\t");
    const json = row.slice(tab + 1);
    const line = tab === 64 ? parse(json) : undefined;
    if (line && signLine(key, json) === `${row}\n`) lines.push(line);
    else forged++;
  }
  return { lines, forged };
}

export function readJournal(file: string): JournalLine[] {
  return readJournalChecked(file).lines;
}
