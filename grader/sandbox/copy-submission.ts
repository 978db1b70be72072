/**
 * Copies what is graded of a submission, and nothing else, into the sandbox's scratch folder:
 * the regular `.ts` files under DIR/exercises/ (nbgrader's rule: the graders and everything else
 * come from the course, never from the submission). Symbolic links are skipped, so a submission
 * cannot point "its" file at another student's or at the solutions; sizes are capped.
 */
import { chmodSync, copyFileSync, lstatSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";

export const COPY_LIMITS = { fileBytes: 1024 ** 2, totalBytes: 16 * 1024 ** 2, files: 1000, depth: 4 };

export interface CopyResult {
  files: number;
  /** What was left out, and why, for the log. */
  skipped: string[];
}

export function copySubmission(fromExercises: string, toExercises: string): CopyResult {
  const result: CopyResult = { files: 0, skipped: [] };
  let total = 0;
  const walk = (from: string, to: string, depth: number) => {
    mkdirSync(to, { recursive: true, mode: 0o755 });
    chmodSync(to, 0o755);
    for (const name of readdirSync(from).sort()) {
      const source = join(from, name);
      const stat = lstatSync(source);
      if (stat.isDirectory()) {
        if (depth < COPY_LIMITS.depth) walk(source, join(to, name), depth + 1);
        else result.skipped.push(`${source}: nested too deep`);
      } else if (!stat.isFile() || !name.endsWith(".ts")) {
        result.skipped.push(`${source}: not a regular .ts file`);
      } else if (stat.size > COPY_LIMITS.fileBytes || total + stat.size > COPY_LIMITS.totalBytes || result.files >= COPY_LIMITS.files) {
        result.skipped.push(`${source}: over the size limits`);
      } else {
        copyFileSync(source, join(to, name));
        chmodSync(join(to, name), 0o644);
        total += stat.size;
        result.files++;
      }
    }
  };
  walk(fromExercises, toExercises, 1);
  return result;
}
