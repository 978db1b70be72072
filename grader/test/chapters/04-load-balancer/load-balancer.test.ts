import { selftestExercise } from "../../selftest-exercise.ts";

await selftestExercise("04-load-balancer/load-balancer");
