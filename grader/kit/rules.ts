/**
 * Rule tables (issue 18): for every exercise, each rule its stub states (a sentence of the doc
 * comments) → the grader property that enforces it → the in-repo mutants that break only it.
 * grader/test/rules.test.ts checks the tables against the stub, the grader and the mutants, so a
 * table cannot drift from the contract the learner reads. Format: docs in /grader/rules/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./settings.ts";

export interface Rule {
  /** A sentence (or clause) of the stub's doc comments, verbatim up to whitespace. */
  rule: string;
  /** Title of the grader property that enforces the rule. */
  property: string;
  /** In-repo mutants that break only this rule; at least one. */
  mutants: string[];
}

export interface RuleTable {
  id: string;
  rules: Rule[];
}

export function defineRules(id: string, rules: Rule[]): RuleTable {
  return { id, rules };
}

/** Collapses runs of whitespace to one space, so a rule may be quoted across line breaks. */
export function normaliseRuleText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The text of every doc comment (`/** … *\/`) in the exercise's stub, with the leading ` * ` of
 * each comment line removed, joined and normalised (normaliseRuleText).
 */
export function stubRuleText(id: string, root = repoRoot): string {
  const source = readFileSync(join(root, "exercises", `${id}.ts`), "utf8");
  const comments = [...source.matchAll(/\/\*\*([\s\S]*?)\*\//g)].map((m) =>
    m[1]!
      .split("\n")
      .map((line) => line.replace(/^\s*\*( |$)/, ""))
      .join("\n"),
  );
  return normaliseRuleText(comments.join("\n"));
}
