import { selftestExercise } from "../../selftest-exercise.ts";

await selftestExercise("10-message-queue/message-queue");
