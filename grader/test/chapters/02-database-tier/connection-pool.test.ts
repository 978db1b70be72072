import { selftestExercise } from "../../selftest-exercise.ts";

await selftestExercise("02-database-tier/connection-pool");
