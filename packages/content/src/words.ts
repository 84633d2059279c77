/** Counts the words a reader sees in a Markdown text (syntax, link targets and callout markers left out). */
export function countWords(markdown: string): number {
  const plain = markdown
    .replace(/\[!(NOTE|TIP|WARNING|CASE)\]/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/[#>*_`|[\]-]+/g, ' ');
  return plain.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
