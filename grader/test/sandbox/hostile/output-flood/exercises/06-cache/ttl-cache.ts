// Prints megabytes, by console and straight to the process's stdout and stderr.
const line = "flood ".repeat(1000);
for (let i = 0; i < 2000; i++) console.log(line);
for (let i = 0; i < 2000; i++) {
  process.stdout.write(`${line}\n`);
  process.stderr.write(`${line}\n`);
}
export class TtlCache {
  constructor(_options: unknown) {
    console.log(line);
    throw new Error("not implemented");
  }
}
