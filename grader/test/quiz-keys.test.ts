/**
 * Quiz keys a learner can trust: every choice question keys exactly one of its choices, and every
 * numeric question's explanation shows the keyed number, so a key that drifts from its working
 * (the 09 DNS-failover question once said 90 s where its premise gave 60 s) shows up here.
 */
import { describe, expect, test } from "vitest";
import { loadChapter, loadCourse } from "../manifest/load.ts";

/** The ways a lesson writes a number: 12000, 12,000, 12 000. */
function spellings(n: number): string[] {
  const plain = String(n);
  const grouped = n.toLocaleString("en-US");
  return [plain, grouped, grouped.replaceAll(",", " "), grouped.replaceAll(",", "\u202f")];
}

describe("quiz keys", () => {
  for (const { id } of loadCourse().chapters) {
    test(`${id}: one keyed answer each, and numeric explanations show the key`, () => {
      for (const question of loadChapter(id).quiz) {
        if (question.type === "choice") {
          expect(Number.isInteger(question.answer), question.question).toBe(true);
          expect(question.choices[question.answer], question.question).toBeDefined();
          expect(new Set(question.choices).size, `${question.question}: two choices are the same`).toBe(question.choices.length);
        } else {
          const shown = spellings(question.answer).some((s) => question.explanation.includes(s));
          expect(shown, `${id}: "${question.question}" is keyed ${question.answer}, which its explanation never shows`).toBe(true);
        }
        expect(question.explanation.length, question.question).toBeGreaterThan(40);
      }
    });
  }
});
