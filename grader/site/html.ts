/** Tiny HTML helpers shared by the page builders. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "#39" }[c]};`);
}

/** A URL fragment id from heading text, the way GitHub makes them ("What breaks" -> "what-breaks"),
 *  so links written for GitHub into a guide's sections work on the site too. */
export function slugify(text: string): string {
  return text.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, "").replace(/ /g, "-") || "section";
}
