/**
 * The only place that talks to enquirer. Commands take a Prompter, so the tests can inject
 * answers and the real one is used only on a terminal (enquirer itself never checks for a TTY
 * and hangs on a pipe: shared/TOOLCHAIN.md).
 */
import enquirer from "enquirer";

export interface Choice {
  name: string;
  message: string;
  hint?: string;
  disabled?: boolean | string;
}

export interface Prompter {
  confirm(message: string, initial?: boolean): Promise<boolean>;
  /** Resolves to the chosen `name`; undefined when the learner cancels (Esc, Ctrl-C). */
  select(message: string, choices: Choice[], initial?: number): Promise<string | undefined>;
  /** Resolves to a number; undefined when cancelled. */
  number(message: string): Promise<number | undefined>;
}

type PromptClass = new (options: Record<string, unknown>) => { run(): Promise<unknown> };
const { Confirm, Select, NumberPrompt } = enquirer as unknown as Record<"Confirm" | "Select" | "NumberPrompt", PromptClass>;

/** enquirer rejects with an empty string when the learner presses Esc or Ctrl-C. */
async function cancellable<T>(run: Promise<unknown>): Promise<T | undefined> {
  try {
    return (await run) as T;
  } catch (error) {
    if (error === "" || error === undefined) return undefined;
    throw error;
  }
}

export const terminalPrompter: Prompter = {
  async confirm(message, initial = false) {
    return (await cancellable<boolean>(new Confirm({ name: "ok", message, initial }).run())) ?? false;
  },
  select(message, choices, initial = 0) {
    return cancellable<string>(new Select({ name: "choice", message, choices, initial }).run());
  },
  async number(message) {
    const value = await cancellable<number | string>(new NumberPrompt({ name: "n", message }).run());
    if (value === undefined || value === "") return undefined;
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  },
};

/** A prompter that answers from a list, for tests and scripts. */
export function scriptedPrompter(answers: (string | number | boolean | undefined)[]): Prompter & { asked: string[] } {
  const queue = [...answers];
  const asked: string[] = [];
  const next = (message: string) => {
    asked.push(message);
    if (queue.length === 0) throw new Error(`no scripted answer left for: ${message}`);
    return queue.shift();
  };
  return {
    asked,
    async confirm(message) {
      return Boolean(next(message));
    },
    async select(message, choices) {
      const answer = next(message);
      return typeof answer === "number" ? choices[answer]?.name : (answer as string | undefined);
    },
    async number(message) {
      const answer = next(message);
      return answer === undefined ? undefined : Number(answer);
    },
  };
}
