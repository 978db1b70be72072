import { selftestExercise } from "../../selftest-exercise.ts";

await selftestExercise("12-sharding/shard-router");
