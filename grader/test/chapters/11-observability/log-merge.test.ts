import { selftestExercise } from "../../selftest-exercise.ts";

await selftestExercise("11-observability/log-merge");
