import { selftestExercise } from "../../selftest-exercise.ts";

await selftestExercise("09-data-centers/geo-router");
