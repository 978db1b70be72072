/**
 * The search index: chapter titles and summaries, exercise titles, lesson headings and bold
 * terms, guide titles and headings. Small enough (a few KB) to embed in every page, so searching
 * needs no server and no request: site.js filters it as the reader types.
 */

export interface SearchEntry {
  /** What is shown and matched first. */
  text: string;
  /** Where it is (chapter title, or a summary); matched too, shown smaller. */
  where: string;
  /** A page of the site, with a fragment. */
  href: string;
  /** Lower ranks first among equally good matches: chapters, then exercises, then sections. */
  rank: number;
}

export const RANK = { chapter: 0, guide: 1, exercise: 2, heading: 3, term: 4 } as const;

export class SearchIndex {
  private readonly entries: SearchEntry[] = [];
  private readonly seen = new Set<string>();

  add(entry: SearchEntry): void {
    const key = `${entry.text.toLowerCase()}|${entry.href}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.entries.push(entry);
  }

  get size(): number {
    return this.entries.length;
  }

  toJson(): string {
    return JSON.stringify(this.entries);
  }
}
