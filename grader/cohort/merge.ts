/**
 * `cohort merge --out DIR SHARD_DIR…`: gathers the results of shards graded on separate machines
 * into one folder and writes the reports as if one run had graded everyone. The shards must come
 * from the same cohort (same name and assignments); a student graded in two shards keeps the
 * later result, and the merge says so.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadContext, saveContext, type ReportContext } from "./report-context.ts";
import { writeReports } from "./reports.ts";
import { readResults, resultFile, writeAtomic, type StudentResult } from "./student-result.ts";

export function mergeShards(outDir: string, shardDirs: string[]): { context: ReportContext; results: Map<string, StudentResult>; warnings: string[] } {
  const warnings: string[] = [];
  const contexts = shardDirs.map((dir) => loadContext(dir));
  const first = contexts[0]!;
  const fingerprint = (c: ReportContext) => JSON.stringify([c.cohortName, c.assignments, c.latePolicy, c.runs]);
  contexts.forEach((c, i) => {
    if (fingerprint(c) !== fingerprint(first)) throw new Error(`${shardDirs[i]} was graded with a different cohort file than ${shardDirs[0]}`);
  });
  const students = new Map<string, ReportContext["students"][number]>();
  for (const c of contexts) for (const s of c.students) students.set(s.id, s);
  const problems = new Map(contexts.flatMap((c) => c.rosterProblems).map((p) => [`${p.line}:${p.problem}`, p]));
  const merged: ReportContext = {
    ...first,
    students: [...students.values()].sort((a, b) => a.line - b.line),
    rosterProblems: [...problems.values()].sort((a, b) => a.line - b.line),
  };
  mkdirSync(join(outDir, "results"), { recursive: true });
  const chosen = new Map<string, { dir: string; result: StudentResult }>();
  for (const dir of shardDirs) {
    for (const [id, result] of readResults(dir)) {
      const previous = chosen.get(id);
      if (previous) {
        warnings.push(`${id} was graded in both ${previous.dir} and ${dir}; keeping the later result`);
        if (previous.result.gradedAt >= result.gradedAt) continue;
      }
      chosen.set(id, { dir, result });
    }
  }
  for (const [id, { dir }] of chosen) {
    const target = resultFile(outDir, id);
    if (resolve(resultFile(dir, id)) !== resolve(target)) writeAtomic(target, readFileSync(resultFile(dir, id), "utf8"));
  }
  for (const s of merged.students) if (!chosen.has(s.id) && !existsSync(resultFile(outDir, s.id))) warnings.push(`${s.id} has no result in any shard`);
  saveContext(outDir, merged);
  return { context: merged, results: writeReports(outDir, merged), warnings };
}
