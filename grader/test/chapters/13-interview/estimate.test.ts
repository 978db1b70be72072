import { selftestExercise } from "../../selftest-exercise.ts";

await selftestExercise("13-interview/estimate");
