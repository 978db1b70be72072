import { selftestExercise } from "../../selftest-exercise.ts";

await selftestExercise("08-stateless-web/session-manager");
