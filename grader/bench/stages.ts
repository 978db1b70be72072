/**
 * Benchmark stages that depend on commands other parts of the course provide. Each runs only
 * when its command exists, so the bench works at every stage of the project.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchRow } from "./cli.ts";
import { median, timeNode } from "./measure.ts";
import { repoRoot } from "../kit/settings.ts";

export async function optionalStages(scripts: Record<string, string>): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  if (scripts.docs) {
    const out = mkdtempSync(join(tmpdir(), "ztm-bench-docs-"));
    const bin = scripts.docs.replace(/^node /, "").split(" ")[0];
    const ms = median(Array.from({ length: 3 }, () => timeNode([join(repoRoot, bin), "--out", out]).ms));
    rows.push({ what: "docs build", ms, target: "≤ 5 s", ok: ms <= 5000 });
  }
  return rows;
}
