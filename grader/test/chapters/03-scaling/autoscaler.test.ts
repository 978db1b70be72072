import { selftestExercise } from "../../selftest-exercise.ts";

await selftestExercise("03-scaling/autoscaler");
