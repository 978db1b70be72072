/** Small terminal helpers shared by the course commands: colours, the pager, a line reader. */
import { spawn, spawnSync } from "node:child_process";

/** SGR codes, written out: node:util's styleText drops colours when stdout is not a TTY, and the
 *  course decides that itself (NO_COLOR, a terminal, or a test that asks for colour). */
const SGR = {
  bold: [1, 22], dim: [2, 22], italic: [3, 23], underline: [4, 24],
  red: [31, 39], green: [32, 39], yellow: [33, 39], magenta: [35, 39], cyan: [36, 39],
} as const;
export type Style = keyof typeof SGR;

export function paint(enabled: boolean) {
  return (style: Style, text: string) => (enabled ? `\x1b[${SGR[style][0]}m${text}\x1b[${SGR[style][1]}m` : text);
}

let lessPath: string | null | undefined;
function findLess(): string | null {
  if (lessPath === undefined) {
    const found = spawnSync("sh", ["-c", "command -v less"], { encoding: "utf8" });
    lessPath = found.status === 0 ? found.stdout.trim() : null;
  }
  return lessPath;
}

/** Shows text through `less -R` when it is longer than the screen and stdout is a terminal;
 *  prints it otherwise (a pipe, CI, a short text, or no less on this machine). */
export async function page(text: string): Promise<void> {
  const rows = process.stdout.rows ?? 0;
  const less = process.stdout.isTTY ? findLess() : null;
  if (!less || text.split("\n").length < rows) {
    process.stdout.write(`${text}\n`);
    return;
  }
  await new Promise<void>((resolve) => {
    // -R keeps the colours, -F quits at once if it fits after all, -X leaves the text on screen.
    const child = spawn(less, ["-RFX"], { stdio: ["pipe", "inherit", "inherit"] });
    child.on("error", () => {
      process.stdout.write(`${text}\n`);
      resolve();
    });
    child.on("close", () => resolve());
    child.stdin.on("error", () => undefined); // the learner quit less before reading everything
    child.stdin.end(`${text}\n`);
  });
}
