import { selftestExercise } from "../../selftest-exercise.ts";

await selftestExercise("07-cdn/cdn-client");
