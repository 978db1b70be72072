/** A property's failure as plain text, shared by the machine formats. */
import { formatFailure } from "../../kit/format.ts";
import type { ExerciseResult, PropertyResult } from "../results.ts";

export function failureText(property: PropertyResult): string {
  if (property.status === "pass") return "";
  if (!property.failure) return property.message ?? "";
  return formatFailure({ index: property.index, title: property.name, status: "fail", failure: property.failure }, property.replay).join("\n");
}

/** Why an exercise errored, or the failure of one of its properties. */
export function propertyMessage(exercise: ExerciseResult, property: PropertyResult): string {
  if (exercise.status === "error" && exercise.reason) return exercise.reason;
  return failureText(property);
}

/** Cuts `text` to `limit` characters, saying so. */
export function truncate(text: string, limit: number, note: string): string {
  return text.length <= limit ? text : `${text.slice(0, Math.max(0, limit - note.length))}${note}`;
}
