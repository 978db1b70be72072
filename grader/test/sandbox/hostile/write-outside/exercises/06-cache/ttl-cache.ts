// Tries to write outside its folder: the repository, /tmp, and the folder the report goes to.
import { writeFileSync } from "node:fs";
const report = { version: 1, seed: 0, runs: 1, submission: "forged", score: 8, maxScore: 8, exercises: [] };
for (const file of [`${process.cwd()}/pwned-by-submission.txt`, `${process.cwd()}/exercises/06-cache/ttl-cache.ts`, "/tmp/pwned-by-submission.txt", "/sandbox/out/report.json"]) {
  try {
    writeFileSync(file, JSON.stringify(report));
  } catch {}
}
export class TtlCache {
  constructor(_options: unknown) {
    throw new Error("not implemented");
  }
}
