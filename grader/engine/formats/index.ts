/** Renders a grading report in the format an automated grader asked for. */
import type { FormatContext, FormatName } from "./context.ts";
import { classroom } from "./classroom.ts";
import { exercism } from "./exercism.ts";
import { github } from "./github.ts";
import { gradescope } from "./gradescope.ts";
import { junit } from "./junit.ts";

export { FORMATS, VISIBILITIES, type FormatContext, type FormatName, type Visibility } from "./context.ts";
export { githubFromHost, githubSummary } from "./github.ts";

export function renderFormat(format: FormatName, context: FormatContext): string {
  switch (format) {
    case "human":
      return `${context.human}\n`;
    case "json":
      return `${JSON.stringify(context.report, null, 2)}\n`;
    case "exercism":
      return exercism(context);
    case "gradescope":
      return gradescope(context);
    case "junit":
      return junit(context);
    case "github":
      return github(context);
    case "classroom":
      return classroom(context);
  }
}
