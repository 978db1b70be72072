/** Exercism results.json v3: the top-level status and a task_id that does not depend on the selection. */
import { describe, expect, test } from "vitest";
import { renderFormat } from "../../engine/formats/index.ts";
import type { ExerciseResult, GradeReport } from "../../engine/results.ts";
import { contextOf, sampleReport } from "./sample.ts";

const base = sampleReport.exercises[0];
const exercise = (id: string, status: ExerciseResult["status"]): ExerciseResult => ({ ...base, id, status, reason: status === "error" ? `/tmp/sub/exercises/${id}.ts could not be loaded` : undefined });
const render = (exercises: ExerciseResult[], courseIds = exercises.map((e) => e.id)) =>
  JSON.parse(renderFormat("exercism", { ...contextOf({ ...sampleReport, submission: "/tmp/sub", exercises } as GradeReport), courseIds }));

describe("Exercism results", () => {
  test("pass, fail and error mixed: fail, with the test list; every exercise errored: error with a message", () => {
    const mixed = render([exercise("01-a/x", "pass"), exercise("01-a/y", "fail"), exercise("01-a/z", "error")]);
    expect(mixed.status).toBe("fail");
    expect(mixed.message).toBeUndefined();
    expect(mixed.tests.some((t: any) => t.status === "error")).toBe(true);
    const errored = render([exercise("01-a/z", "error")]);
    expect(errored.status).toBe("error");
    expect(errored.message).toBe("01-a/z: exercises/01-a/z.ts could not be loaded");
  });

  test("task_id is the exercise's place in the course, whatever else was selected", () => {
    const course = ["01-a/x", "01-a/y", "01-a/z"];
    expect(render([exercise("01-a/z", "pass")], course).tests[0].task_id).toBe(3);
    expect(render([exercise("01-a/y", "pass"), exercise("01-a/z", "pass")], course).tests.at(-1).task_id).toBe(3);
  });
});
