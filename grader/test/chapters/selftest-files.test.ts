/**
 * Every exercise has its self-test file (grader/test/chapters/<chapter>/<exercise>.test.ts, one
 * per exercise so that the workers share a chapter), and every such file tests a real exercise:
 * an exercise added without one would otherwise go unproven, silently.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { repoRoot } from "../../kit/settings.ts";
import { allExercises, loadCourse } from "../../manifest/load.ts";

const folder = join(repoRoot, "grader/test/chapters");

test("each exercise of the course has exactly its own self-test file", () => {
  const files = readdirSync(folder)
    .filter((name) => statSync(join(folder, name)).isDirectory())
    .flatMap((chapter) => readdirSync(join(folder, chapter)).map((file) => `${chapter}/${file}`));
  const expected = allExercises(loadCourse()).map(({ exercise }) => `${exercise.id}.test.ts`);
  expect(files.sort()).toEqual(expected.sort());
  for (const file of files) {
    const id = file.replace(/\.test\.ts$/, "");
    expect(readFileSync(join(folder, file), "utf8"), file).toContain(`await selftestExercise("${id}");`);
  }
});
