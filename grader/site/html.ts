/** Tiny HTML helpers shared by the page builders. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "#39" }[c]};`);
}

/** A URL fragment id from heading text, the way GitHub makes them ("What breaks" -> "what-breaks"),
 *  so links written for GitHub into a guide's sections work on the site too. */
export function slugify(text: string): string {
  return text.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, "").replace(/ /g, "-") || "section";
}

/** A heading's permalink ("#" after its text, shown on hover). */
export function anchor(id: string, headingText: string): string {
  return `<a class="anchor" href="#${escapeHtml(id)}" aria-label="Link to the section ${escapeHtml(headingText)}">#</a>`;
}

/** Opens the diagram beside it full size (site.js): on a phone, the way to read its labels. */
export function enlargeButton(what: string): string {
  return `<button type="button" class="enlarge" aria-label="Open ${escapeHtml(what)} full size">⤢ Full size</button>`;
}
