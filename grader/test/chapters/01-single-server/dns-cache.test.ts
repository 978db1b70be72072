import { selftestExercise } from "../../selftest-exercise.ts";

await selftestExercise("01-single-server/dns-cache");
