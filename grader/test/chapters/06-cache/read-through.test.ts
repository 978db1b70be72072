import { selftestExercise } from "../../selftest-exercise.ts";

await selftestExercise("06-cache/read-through");
