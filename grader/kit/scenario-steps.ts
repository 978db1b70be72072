/**
 * How a recorded scenario reads. Graders record steps as code-like text (trace.ts `step`); the kit
 * turns the raw list into what the learner reads, for every grader at once:
 * - consecutive steps that only let time pass become one (`// 3 ms pass (3 steps)`), and
 * - a step after which time passed says what the clock reads then (`t = 1000 ms`, counted from
 *   the start of the fake clock), because the rules these scenarios break are about time.
 * Pure functions: trace.ts records, this renders, tests feed it lists directly.
 */

export interface RecordedStep {
  text: string;
  /** The fake clock when the step was recorded, in ms since fake time began; undefined with real time. */
  at?: number;
}

/** Steps that only let time pass, as graders write them. The number is the ms that pass. */
const TIME_STEPS = [
  /^advance the clock by (\d+(?:\.\d+)?) ?ms$/,
  /^(?:await )?vi\.advanceTimersByTime(?:Async)?\((\d+(?:\.\d+)?)\);?$/,
  /^\/\/ (\d+(?:\.\d+)?) ms pass(?:es)?$/,
  /^\/\/ (\d+(?:\.\d+)?) ms later \(Date\.now\(\) \+ \d+(?:\.\d+)?\)$/,
];

/** The ms a time-only step lets pass, or undefined for any other step. */
export function timePassedBy(text: string): number | undefined {
  for (const pattern of TIME_STEPS) {
    const match = text.trim().match(pattern);
    if (match) return Number(match[1]);
  }
  return undefined;
}

const ms = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1)} ms`;

/** One line for a run of time-only steps, with the clock after them when it is known. */
function timeLine(group: RecordedStep[], after: number | undefined): string {
  const total = group.reduce((sum, s) => sum + timePassedBy(s.text)!, 0);
  const clock = after === undefined ? "" : `t = ${ms(after)}`;
  if (group.length === 1) {
    const text = group[0].text.trim();
    if (!clock) return text;
    return text.startsWith("//") ? `${text} · ${clock}` : `${text}  // ${clock}`;
  }
  return `// ${ms(total)} pass (${group.length} steps)${clock ? ` · ${clock}` : ""}`;
}

/** The scenario as the learner reads it (see the header). */
export function renderSteps(steps: readonly RecordedStep[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i < steps.length; ) {
    if (timePassedBy(steps[i].text) === undefined) {
      lines.push(steps[i].text);
      i++;
      continue;
    }
    let end = i;
    while (end < steps.length && timePassedBy(steps[end].text) !== undefined) end++;
    const group = steps.slice(i, end);
    // The clock after the group: read at the next step (recorded after time passed, whichever
    // order the grader recorded and advanced in); at the end, the clock before it plus the total.
    const next = steps[end]?.at;
    const start = group[0].at;
    const total = group.reduce((sum, s) => sum + timePassedBy(s.text)!, 0);
    const after = next ?? (start === undefined ? undefined : start + total);
    lines.push(timeLine(group, after));
    i = end;
  }
  return lines;
}
