/** The command line that replays one failing case, shared by `grade` and watch mode. */

/** `text` as one shell word. */
export function quote(text: string): string {
  return /^[\w./:@=+-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

/** `gradeCommand` (e.g. "npm run grade -- 06-cache/lru-cache --solutions") narrowed to one case. */
export function replayCommand(gradeCommand: string, index: number, seed: number, path?: string): string {
  return `${gradeCommand} --property ${index} --seed ${seed}${path ? ` --path ${quote(path)}` : ""}`;
}
