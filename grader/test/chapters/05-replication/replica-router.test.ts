import { selftestExercise } from "../../selftest-exercise.ts";

await selftestExercise("05-replication/replica-router");
