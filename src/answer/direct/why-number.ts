/**
 * Why a thing has the number it has, asked in the forms reports use beside "why is X N": the thing before its verb
 * ("why the block size is 26?"), and a number used instead of another ("Why do we use 1400 instead of 1450?", "why
 * does calico pick 1440 rather than 1480", "为什么用 1400 而不是 1450"). The line that states that number for the thing
 * explains it (a design default or a reserve), as it does for "why is X N". Only in a question: "I wonder why the vtep
 * MTU was 1400" in a report picked a line stating 1400 for another path (measured on fresh reports). Pure.
 */

/** "why the vtep mtu was 1400": why, the thing (up to four words), its verb, the number ending the clause. */
const THING_THEN_NUMBER =
  /\bwhy\s+(?:the\s+)?(?:[A-Za-z][\w.'’-]*\s+){0,3}?[A-Za-z][\w.-]*\s+(?:is|are|was|were|gets?|got)\s+(?:set to\s+|only\s+|still\s+|always\s+)?(\d{2,5})(?=\s*(?:[?？,，;；.。]|$))/i;

/** "Why do we use 1400 instead of 1450": a number used, picked or set rather than another. */
const USED_INSTEAD =
  /\bwhy\s+(?:do|does|did|would|is|are)\s+(?:[\w.'’-]+\s+){1,4}?(?:use|uses|using|used|pick|picks|choose|chooses|set|sets|default to|defaults to)\s+(?:an?\s+\w+\s+of\s+|the\s+\w+\s+)?(\d{2,5})(?=\s+(?:instead of|rather than|and not|not)\s+\d{2,5})|(?:为什么|為什麼|为啥|為啥)[^，,。？?]{0,20}?(?:用|使用|设为|設為|设成|設成|选|選)\s*(\d{2,5})\s*(?:而不是|而非|不用)\s*\d{2,5}/i;

/** The number a clause asks why a thing has, or null. `question`: the clause's sentence ends in a question mark. */
export function whyNumberAsked(clause: string, question: boolean): string | null {
  if (!question) return null;
  const used = USED_INSTEAD.exec(clause);
  if (used) return used[1] ?? used[2] ?? null;
  return THING_THEN_NUMBER.exec(clause)?.[1] ?? null;
}
