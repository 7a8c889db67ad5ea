/**
 * A regex source for up to `n` characters within one sentence, matched lazily: a period ends a sentence only before a
 * space, so a dotted name (`ipBlock.cidr`, `kafka-0.kafka.svc`) or a URL stays inside it. Pure.
 */
export const withinSentence = (n: number): string => String.raw`(?:[^.。!?！？;；\n]|\.(?!\s)){0,${n}}?`;
