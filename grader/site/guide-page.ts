/**
 * The guides: every docs/*.md (learners, grading, instructors, authoring, and any added later),
 * each rendered to guide-<name>.html. The known ones come first, in the order a reader needs them.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";

export interface Guide {
  /** File name without .md, e.g. "grading". */
  name: string;
  /** The page's file name on the site. */
  page: string;
  /** Absolute path of the markdown file. */
  path: string;
  /** The first "# " heading, or the name. */
  title: string;
}

const ORDER = ["learners", "grading", "instructors", "authoring"];

export function findGuides(docsDir: string): Guide[] {
  if (!existsSync(docsDir)) return [];
  const names = readdirSync(docsDir)
    .filter((f) => f.endsWith(".md"))
    .map((f) => basename(f, ".md"))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return names.map((name) => {
    const path = join(docsDir, `${name}.md`);
    const heading = /^#\s+(.+)$/m.exec(readFileSync(path, "utf8"));
    return { name, page: `guide-${name}.html`, path, title: heading?.[1]?.trim() ?? name };
  });
}

function rank(name: string): number {
  const i = ORDER.indexOf(name);
  return i === -1 ? ORDER.length : i;
}
