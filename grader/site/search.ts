/**
 * The search index: every chapter, exercise (title and hints), and section of every lesson and
 * guide with its full text, indexed at build time by MiniSearch and written as search-index.js
 * (one JSON dump in a script, so it loads from file:// as well as from a server). site-search.js
 * loads it, with MiniSearch's own browser build, the first time the reader uses the search box.
 */
import MiniSearch from "minisearch";

export interface SearchDoc {
  /** A page of the site, with a fragment; also the document's id. */
  href: string;
  /** Shown as the result's title, and matched with a boost. */
  title: string;
  /** Where it is (chapter or guide), shown under the title. */
  where: string;
  /** The body text. */
  text: string;
}

/** Must be the same when the index is built and when the browser loads it. The text is stored
 *  too (about 170 KB) so that a result can quote the words around the match. */
export const INDEX_OPTIONS = { idField: "href", fields: ["title", "where", "text"], storeFields: ["title", "where", "text"] };

export class SearchIndex {
  private readonly docs = new Map<string, SearchDoc>();

  add(doc: SearchDoc): void {
    if (!this.docs.has(doc.href)) this.docs.set(doc.href, { ...doc, text: doc.text.replace(/\s+/g, " ").trim() });
  }

  get size(): number {
    return this.docs.size;
  }

  /** search-index.js: the options and the serialized index (as an object, for MiniSearch.loadJS:
   *  a JSON string inside JSON would escape every quote). */
  toScript(): string {
    const index = new MiniSearch<SearchDoc>(INDEX_OPTIONS);
    index.addAll([...this.docs.values()]);
    const payload = JSON.stringify({ options: INDEX_OPTIONS, index });
    return `// Built by npm run docs: the site's search index (MiniSearch JSON).\nwindow.ZTM_SEARCH = ${payload.replace(/</g, "\\u003c")};\n`;
  }
}
