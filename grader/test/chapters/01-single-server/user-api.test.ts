import { selftestExercise } from "../../selftest-exercise.ts";

await selftestExercise("01-single-server/user-api");
