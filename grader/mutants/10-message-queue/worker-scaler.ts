import { defineMutants } from "../../kit/index.ts";

export default defineMutants("10-message-queue/worker-scaler", [
  {
    name: "floor",
    bug: "rounds the number of workers down instead of up",
    kills: "the answer is ceil((arrivals × drain time + depth) / (per-worker rate × drain time)), clamped",
    edits: [["const needed = Math.ceil(", "const needed = Math.floor("]],
  },
  {
    name: "ignores-backlog",
    bug: "sizes for the arrivals only and forgets the messages already waiting",
    kills: "the answer is ceil((arrivals × drain time + depth) / (per-worker rate × drain time)), clamped",
    edits: [["const needed = Math.ceil((arrivalPerSec * drainWithinSec + depth)", "const needed = Math.ceil((arrivalPerSec * drainWithinSec + 0 * depth)"]],
  },
  {
    name: "no-max-clamp",
    bug: "never caps the answer at max",
    kills: "the answer never goes below min or above max",
    edits: [["return Math.min(max, Math.max(min, needed));", "return Math.max(min, needed);"]],
  },
  {
    name: "no-min-clamp",
    bug: "never raises the answer to min",
    kills: "the answer never goes below min or above max",
    edits: [["return Math.min(max, Math.max(min, needed));", "return Math.min(max, needed);"]],
  },
  {
    name: "floor-plus-one",
    bug: "uses floor + 1 for rounding up, which adds a worker when the backlog drains exactly on time",
    kills: "a backlog that drains exactly on time needs no extra worker",
    edits: [["const needed = Math.ceil((arrivalPerSec * drainWithinSec + depth) / (perWorkerPerSec * drainWithinSec));", "const needed = Math.floor((arrivalPerSec * drainWithinSec + depth) / (perWorkerPerSec * drainWithinSec)) + 1;"]],
  },
  {
    name: "accepts-min-above-max",
    bug: "accepts min > max",
    kills: "negative, non-finite or inconsistent input throws RangeError",
    edits: [["  if (min > max) throw new RangeError(`min (${min}) must not exceed max (${max})`);\n", ""]],
  },
  {
    name: "accepts-non-finite",
    bug: "checks only for negative numbers, so NaN and Infinity get through",
    kills: "negative, non-finite or inconsistent input throws RangeError",
    edits: [["!Number.isFinite(value) || value < 0", "value < 0"]],
  },
  {
    name: "accepts-zero-rate",
    bug: "accepts a worker rate of 0 (and answers max)",
    kills: "negative, non-finite or inconsistent input throws RangeError",
    edits: [["  if (perWorkerPerSec === 0) throw new RangeError(\"perWorkerPerSec must be > 0\");\n", ""]],
  },
]);
