/**
 * The source of one property in its grader file, for formats that show "the test's code"
 * (Exercism's test_code). A property starts at `property("<title>"` and ends where the next one
 * starts or the grader's definition closes.
 */
import { readFileSync } from "node:fs";
import { suiteFile } from "./run-vitest.ts";

export function propertySource(exerciseId: string, title: string): string {
  let source: string;
  try {
    source = readFileSync(suiteFile(exerciseId), "utf8");
  } catch {
    return "";
  }
  const start = source.indexOf(`property(${JSON.stringify(title)}`);
  if (start < 0) return "";
  const next = source.indexOf("\n  property(", start + 1);
  const end = next >= 0 ? next : source.lastIndexOf("\n});");
  return source.slice(start, end >= 0 ? end : undefined).trim();
}
