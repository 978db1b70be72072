/**
 * What lateness costs. A late attempt loses `percentPerDay` for every started day past the
 * deadline (after the grace minutes), capped at `maxPercent`. The rule for keeping scores:
 * per assignment, the on-time attempt and the penalised late attempt are compared and the better
 * one counts (a tie keeps the on-time one), so committing late can never lower a grade.
 */
import type { LatePolicy } from "./cohort-file.ts";

const DAY_MS = 86_400_000;

/** Started days late (0 when on time or within the grace period). */
export function daysLate(commitMs: number, deadlineMs: number, policy: LatePolicy): number {
  const over = commitMs - deadlineMs - policy.graceMinutes * 60_000;
  return over <= 0 ? 0 : Math.ceil(over / DAY_MS);
}

/** Percent of the points a commit at `commitMs` loses. */
export function penaltyPercent(commitMs: number, deadlineMs: number, policy: LatePolicy): number {
  return Math.min(policy.maxPercent, daysLate(commitMs, deadlineMs, policy) * policy.percentPerDay);
}

/** Points after the penalty, rounded to hundredths so that CSV sums stay readable. */
export function applyPenalty(points: number, percent: number): number {
  return round2(points * (1 - percent / 100));
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export interface Attempt {
  /** Points of the assignment's exercises before any penalty. */
  raw: number;
  penaltyPercent: number;
}

/** Which attempt counts: "late" only when it is strictly better after its penalty. */
export function better(onTime: Attempt | undefined, late: Attempt | undefined): "on-time" | "late" | "none" {
  if (!onTime && !late) return "none";
  if (!late) return "on-time";
  if (!onTime) return "late";
  return applyPenalty(late.raw, late.penaltyPercent) > applyPenalty(onTime.raw, onTime.penaltyPercent) ? "late" : "on-time";
}
