/**
 * `npm run course -- lab …`: parses the command line, runs the lab (run.ts), prints the stage
 * table and the checks, writes --json / --html. Exit 0 all checks passed, 1 one failed, 2 bad usage.
 */
import { existsSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { lockdownOnce } from "../kit/boundary/realm.ts";
import { repoRoot } from "../kit/settings.ts";
import { idleClock } from "./idle-cores.ts";
import { labMessages as m } from "./messages.ts";
import { createProgressBar } from "./progress-bar.ts";
import { simulatedRequests, type LabReport, type Metrics } from "./report.ts";
import { DEFAULT_SCENARIO, findScenario } from "./scenarios/index.ts";

class UsageError extends Error {}

function int(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw new UsageError(m.badNumber(flag, raw));
  return Number(raw);
}

export async function main(argv: string[]): Promise<number> {
  const idleSince = idleClock();
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        solutions: { type: "boolean" }, submission: { type: "string" }, stage: { type: "string" },
        seed: { type: "string" }, json: { type: "string" }, html: { type: "string" }, help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${m.usage}`);
    return 2;
  }
  if (values.help) {
    console.log(m.usage);
    return 0;
  }
  let options;
  try {
    options = readOptions(values, positionals);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  // The learner's code is loaded into this process: freeze the built-ins first (boundary/realm.ts).
  lockdownOnce();
  const { runLab } = await import("./run.ts");
  const started = performance.now();
  // runLab reports a fraction done; the bar counts per mille of it (it draws only on a terminal).
  const bar = createProgressBar(process.stderr, 1000, { checkEvery: 1 });
  let shown = 0;
  const report = await runLab({
    ...options,
    idleSince,
    onProgress: (fraction) => {
      const now = Math.floor(fraction * 1000);
      if (now > shown) bar.tick(now - shown);
      shown = Math.max(shown, now);
    },
  });
  bar.done();
  const seconds = (performance.now() - started) / 1000;
  console.log(printReport(report, options.scenario.summary));
  console.log(m.speed(simulatedRequests(report), seconds));
  if (options.json) {
    writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(m.written("JSON report", options.json));
  }
  if (options.html) {
    const { renderLabHtml, siteLinksFrom } = await import("./html.ts");
    // Lesson links relative to wherever the page is written, pointing into the built website.
    writeFileSync(options.html, renderLabHtml(report, { chapterHref: siteLinksFrom(options.html, join(repoRoot, "docs", "site")) }));
    console.log(m.written("HTML report", options.html));
  }
  return report.checks.some((c) => c.status === "fail") ? 1 : 0;
}

function readOptions(values: Record<string, string | boolean | undefined>, positionals: string[]) {
  if (positionals.length > 1) throw new UsageError(`one scenario at most, got: ${positionals.join(" ")}\n\n${m.usage}`);
  const name = positionals[0] ?? DEFAULT_SCENARIO;
  const scenario = findScenario(name);
  if (!scenario) throw new UsageError(m.unknownScenario(name));
  const seed = int("--seed", values.seed as string | undefined, 1);
  let stage: number | undefined;
  if (values.stage !== undefined) {
    stage = Number(values.stage);
    if (!/^\d+$/.test(values.stage as string) || stage < 1 || stage > 12) throw new UsageError(m.badStage(values.stage as string));
  }
  if (values.solutions && values.submission !== undefined) throw new UsageError(m.bothSources);
  let source;
  if (values.solutions) source = { kind: "solutions" as const, stage };
  else if (values.submission !== undefined) {
    const dir = resolve(values.submission as string);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(m.missingDir(values.submission as string));
    source = { kind: "submission" as const, dir, stage };
  } else source = { kind: "learner" as const, home: process.env.ZTM_COURSE_HOME || repoRoot, stage };
  return { scenario, seed, source, json: values.json as string | undefined, html: values.html as string | undefined };
}

const COLUMNS: [keyof Metrics, string, (v: number) => string][] = [
  ["requests", "requests", (v) => v.toLocaleString("en-US")],
  ["availability", "avail.", (v) => `${(v * 100).toFixed(2)}%`],
  ["p50Ms", "p50 ms", (v) => v.toFixed(0)],
  ["p99Ms", "p99 ms", (v) => v.toFixed(0)],
  ["dbQueriesPerSecond", "db q/s", (v) => v.toFixed(0)],
  ["cacheHitRatio", "cache", (v) => `${(v * 100).toFixed(0)}%`],
  ["cdnHitRatio", "cdn", (v) => `${(v * 100).toFixed(0)}%`],
  ["maxServers", "servers", String],
  ["maxWorkers", "workers", String],
  ["acknowledgedWritesLost", "lost wr.", String],
  ["failedSessionReads", "failed sess. reads", String],
  ["costPerHourUsd", "$/hour", (v) => v.toFixed(2)],
];

export function printReport(report: LabReport, summary: string): string {
  const lines = [m.header(report.scenario, summary, report.source, report.seed), ""];
  const header = ["stage", ...COLUMNS.map(([, h]) => h)];
  const rows = report.stages.map((s) => {
    const label = `${s.chapter.slice(0, 2)} ${s.title}`;
    if (s.status === "locked") return [label, `locked: ${s.reason ?? ""}`];
    return [label, ...COLUMNS.map(([key, , fmt]) => (s.metrics[key] === undefined ? "-" : fmt(s.metrics[key] as number)))];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.filter((r) => r.length > 2).map((r) => (r[i] ?? "").length)));
  const fmtRow = (r: string[]) => (r.length === 2 && r[1]!.startsWith("locked") ? `${r[0]!.padEnd(widths[0]!)}  ${r[1]}` : r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));
  lines.push(fmtRow(header), ...rows.map(fmtRow), "");
  if (report.stageRowScale && report.stages.some((s) => s.scale)) lines.push(m.rowScale(report.stageRowScale), "");
  for (const note of report.stages.filter((s) => s.note)) lines.push(`${note.chapter}: ${note.note}`);
  lines.push("Checks:");
  for (const c of report.checks) lines.push(`  ${c.status === "pass" ? "PASS" : "FAIL"}  [${c.chapter}] ${c.name}${c.status === "fail" ? `\n        ${c.message}` : ""}`);
  const failed = report.checks.filter((c) => c.status === "fail").length;
  lines.push("", failed === 0 ? m.allPassed(report.checks.length) : m.someFailed(failed, report.checks.length));
  if (report.skippedChecks?.length) lines.push(m.skipped(report.skippedChecks.length));
  return lines.join("\n");
}

