/**
 * Every quiz question has exactly one keyed answer, and its explanation names that answer.
 *
 * A learner who picks the right choice and reads an explanation about a different one, or a
 * numeric question whose explanation never arrives at the keyed number, learns the wrong thing.
 * These checks read the real chapter.json files through the manifest loader.
 */
import { describe, expect, test } from "vitest";
import { loadCourse } from "../../manifest/load.ts";
import type { ChoiceQuestion, NumericQuestion } from "../../manifest/types.ts";

const course = loadCourse();

/** Lower-case words of 3+ letters or digits, without a trailing plural "s". */
function words(text: string): Set<string> {
  const found = text.toLowerCase().match(/[a-z0-9][a-z0-9'-]*[a-z0-9]/g) ?? [];
  return new Set(found.filter((w) => w.length >= 3).map((w) => w.replace(/'s$/, "").replace(/s$/, "")));
}

/** Words too common to identify a choice. */
const STOP = new Set(
  "the and for are but not you your with that this from into than then them they their there when what which who whom will would can could should only each every one its it's has have had was were been being any all all other same such more most less few very also just like over under out off per".split(" ").map((w) => w.replace(/s$/, "")),
);

/** Ways an explanation may write a number: 12000, 12,000, 12 000 (also a thin space), 12k is not accepted. */
function spellings(n: number): string[] {
  const plain = String(n);
  const [int, frac] = plain.split(".");
  const grouped = (sep: string) => int.replace(/\B(?=(\d{3})+(?!\d))/g, sep) + (frac ? `.${frac}` : "");
  return [...new Set([plain, grouped(","), grouped(" "), grouped("\u202f"), grouped("\u00a0")])];
}

/** True when `text` contains `n` as a whole number token (not as part of a longer number). */
function mentionsNumber(text: string, n: number): boolean {
  return spellings(n).some((s) => {
    const escaped = s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(^|[^0-9.,])${escaped}(?![0-9]|[.,][0-9])`).test(text);
  });
}

for (const chapter of course.chapters) {
  describe(`${chapter.id} quiz`, () => {
    chapter.quiz.forEach((q, i) => {
      const label = `question ${i + 1}: ${q.question.slice(0, 60)}`;
      if (q.type === "choice") {
        test(`${label} has exactly one keyed choice, and its explanation names it`, () => {
          checkChoice(q);
        });
      } else {
        test(`${label} explanation arrives at the keyed number`, () => {
          checkNumeric(q);
        });
      }
    });
  });
}

function checkChoice(q: ChoiceQuestion): void {
  expect(Number.isInteger(q.answer), "answer must be one index").toBe(true);
  expect(q.answer).toBeGreaterThanOrEqual(0);
  expect(q.answer).toBeLessThan(q.choices.length);
  // Two choices that read the same would make two keyed answers (or a keyed one equal to a wrong one).
  const normalised = q.choices.map((c) => c.toLowerCase().replace(/\s+/g, " ").trim());
  expect(new Set(normalised).size, `duplicate choices: ${JSON.stringify(q.choices)}`).toBe(q.choices.length);
  // The explanation names the keyed choice: it uses at least one word that only the keyed
  // choice has (a word no wrong choice contains), so it cannot be read as explaining another.
  const keyed = words(q.choices[q.answer]);
  const others = new Set(q.choices.filter((_, j) => j !== q.answer).flatMap((c) => [...words(c)]));
  const distinctive = [...keyed].filter((w) => !others.has(w) && !STOP.has(w));
  expect(distinctive.length, `the keyed choice "${q.choices[q.answer]}" has no word of its own`).toBeGreaterThan(0);
  const explained = words(q.explanation);
  const named = distinctive.filter((w) => explained.has(w));
  expect(named, `explanation does not name the keyed choice "${q.choices[q.answer]}" (words of its own: ${distinctive.join(", ")})`).not.toEqual([]);
}

function checkNumeric(q: NumericQuestion): void {
  expect(Number.isFinite(q.answer)).toBe(true);
  expect(q.tolerance).toBeGreaterThanOrEqual(0);
  expect(mentionsNumber(q.explanation, q.answer), `explanation of "${q.question}" never states ${q.answer}`).toBe(true);
}

describe("the checks themselves", () => {
  test("numbers are found in their usual spellings and not inside longer numbers", () => {
    expect(mentionsNumber("about 12,000 req/s", 12000)).toBe(true);
    expect(mentionsNumber("about 12 000 req/s", 12000)).toBe(true);
    expect(mentionsNumber("= 45.", 45)).toBe(true);
    expect(mentionsNumber("1.5 ms", 1.5)).toBe(true);
    expect(mentionsNumber("145 servers", 45)).toBe(false);
    expect(mentionsNumber("45.5 servers", 45)).toBe(false);
    expect(mentionsNumber("4,500", 500)).toBe(false);
  });

  test("a choice explanation about a wrong choice is rejected", () => {
    const q: ChoiceQuestion = {
      type: "choice",
      question: "Which store is a graph database?",
      choices: ["Neo4j", "Memcached"],
      answer: 0,
      explanation: "Memcached is a key-value store.",
    };
    expect(() => checkChoice(q)).toThrow();
    expect(() => checkChoice({ ...q, explanation: "Neo4j stores nodes and edges." })).not.toThrow();
    expect(() => checkChoice({ ...q, choices: ["Neo4j", "neo4j"] })).toThrow();
  });
});
