/**
 * The roster (roster.csv): `student_id,name,email,submission`, one student a row. Bad rows are
 * reported with their line numbers and left out; every other row is still graded, because one
 * typo must not hold up a class.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { csvLine, parseCsv } from "./csv.ts";

export const ROSTER_COLUMNS = ["student_id", "name", "email", "submission"] as const;

export interface Student {
  id: string;
  name: string;
  email: string;
  /** Absolute path of the submission (a folder holding exercises/, or a git repository). */
  submission: string;
  line: number;
}

export interface RosterProblem {
  line: number;
  /** The student id on that line, when one could be read. */
  studentId?: string;
  problem: string;
  /** Set when the row is fine but its submission is missing: the gradebook still lists the student. */
  missingSubmission?: { name: string };
}

export interface Roster {
  file: string;
  students: Student[];
  problems: RosterProblem[];
}

/** Ids become file names (results/<id>.json): keep them to safe characters. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export class RosterError extends Error {
  override name = "RosterError";
}

export function loadRoster(file: string): Roster {
  if (!existsSync(file)) throw new RosterError(`${file} does not exist`);
  return parseRoster(readFileSync(file, "utf8"), file);
}

/** Submission paths are relative to the roster's folder, so a roster travels with its class. */
export function parseRoster(text: string, file: string): Roster {
  const records = parseCsv(text);
  const header = records.shift();
  const expected = ROSTER_COLUMNS.join(",");
  if (!header || header.fields.map((f) => f.trim().toLowerCase()).join(",") !== expected) {
    throw new RosterError(`${file}: line ${header?.line ?? 1}: the header must be exactly "${expected}"`);
  }
  const students: Student[] = [];
  const problems: RosterProblem[] = [];
  const firstLine = new Map<string, number>();
  for (const record of records) {
    const report = (problem: string, studentId?: string, missingSubmission?: { name: string }) =>
      problems.push({ line: record.line, studentId, problem, ...(missingSubmission && { missingSubmission }) });
    if (record.error) {
      report(`malformed CSV: ${record.error}`);
      continue;
    }
    if (record.fields.length !== ROSTER_COLUMNS.length) {
      report(`malformed CSV: ${record.fields.length} fields, expected ${ROSTER_COLUMNS.length} (${expected})`);
      continue;
    }
    const [id, name, email, submission] = record.fields.map((f) => f.trim()) as [string, string, string, string];
    if (!SAFE_ID.test(id)) {
      report(`student_id ${JSON.stringify(id)} must be 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit`);
      continue;
    }
    if (firstLine.has(id)) {
      report(`duplicate student_id "${id}" (first on line ${firstLine.get(id)}); this row is skipped`, id);
      continue;
    }
    firstLine.set(id, record.line);
    if (submission === "") {
      report(`student "${id}" has no submission path`, id, { name });
      continue;
    }
    const path = isAbsolute(submission) ? submission : resolve(dirname(file), submission);
    if (!existsSync(path) || !statSync(path).isDirectory()) {
      report(`submission path of "${id}" does not exist or is not a folder: ${submission}`, id, { name });
      continue;
    }
    students.push({ id, name, email, submission: path, line: record.line });
  }
  return { file, students, problems };
}

export function rosterTemplate(): string {
  return (
    csvLine([...ROSTER_COLUMNS]) +
    csvLine(["s001", "Ada Lovelace", "ada@example.edu", "submissions/s001"]) +
    csvLine(["s002", "Lin, Grace", "grace@example.edu", "submissions/s002"])
  );
}

export function formatProblem(file: string, p: RosterProblem): string {
  return `${file}: line ${p.line}: ${p.problem}`;
}
