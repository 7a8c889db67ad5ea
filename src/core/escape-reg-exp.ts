/** `text` as a regular expression that matches it literally (a name or term written into a larger pattern). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
