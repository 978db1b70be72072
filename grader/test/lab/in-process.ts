/**
 * The scale lab run inside a test's process, the way the CLI runs it (grader/lab/cli.ts): the
 * kit's modules load first (mutant files import them), then lockdown freezes the intrinsics, and
 * only then is the lab loaded. Importing this file does the first step; the functions do the rest.
 */
import "../../kit/index.ts";
import { lockdownOnce } from "../../kit/boundary/realm.ts";
import type { LabOptions } from "../../lab/run.ts";
import type { LabReport } from "../../lab/report.ts";
import { findScenario } from "../../lab/scenarios/index.ts";

/** `runLab`, with the realm locked down first. */
export async function labRunner(): Promise<(options: LabOptions) => Promise<LabReport>> {
  lockdownOnce();
  return (await import("../../lab/run.ts")).runLab;
}

export interface CheckedRun {
  scenario: string;
  /** Default 1. */
  seed?: number;
  /** `--stage N`: stages after N stay out. */
  stage?: number;
  /** One of the graders' mutants in place of that exercise's reference solution. */
  mutant?: { id: string; name: string };
  /** Each simulated request stands for this many (1 = full scale). */
  scale: number;
}

/** The checked run only (no per-stage rows), with the reference components. */
export async function labChecked(run: CheckedRun): Promise<LabReport> {
  const runLab = await labRunner();
  const scenario = findScenario(run.scenario);
  if (!scenario) throw new Error(`no lab scenario "${run.scenario}"`);
  return runLab({ scenario, seed: run.seed ?? 1, source: { kind: "solutions", stage: run.stage, mutant: run.mutant }, checksOnly: { scale: run.scale } });
}
