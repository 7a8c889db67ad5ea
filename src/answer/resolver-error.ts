/**
 * A resolver's failure pasted in an application's words, whatever library printed it, and the name it failed on.
 * glibc says `Name or service not known` / `Temporary failure in name resolution`, musl `Name does not resolve` / `Try
 * again`, Go `no such host`, Java `UnknownHostException`, Node `getaddrinfo ENOTFOUND` / `EAI_AGAIN`, libpq `could not
 * translate host name`, redis-py `Error -3 connecting to host:port`, ZooKeeper `... because it's not resolvable`, a
 * reporter `the "gateway" hostname is not resolved` or 域名解析失败. Each library words it differently, but every one
 * prints the failure beside the name it could not resolve (before or after it): the name nearest such a phrase (a
 * host:port, a quoted name, a cluster or internet DNS name, the name a phrase ends with) is the one whose lookup
 * failed. Addresses are not names (an IP beside the phrase is the DNS server asked, `lookup x on 10.96.0.10:53`).
 * Pure.
 */

/** The phrases of a lookup that failed, in the words of the resolver libraries and of reporters. */
const FAILURE = new RegExp(
  [
    String.raw`name\s+or\s+service\s+not\s+known`,
    String.raw`name\s+does\s+not\s+resolve`,
    String.raw`temporary\s+failure\s+in\s+name\s+resolution`,
    String.raw`nodename\s+nor\s+servname\s+provided`,
    String.raw`no\s+address\s+associated\s+with\s+hostname`,
    String.raw`\bno\s+such\s+host\b`,
    'UnknownHostException',
    String.raw`\bgetaddrinfo\s+(?:ENOTFOUND|EAI_AGAIN|failed)\b|\bEAI_(?:AGAIN|NONAME|NODATA)\b|\bENOTFOUND\b`,
    String.raw`could\s+not\s+translate\s+host\s+name`,
    String.raw`\bunknown\s+(?:(?:mysql\s+)?server\s+)?host\b`,
    // redis-py and other Python clients print getaddrinfo's own code: -2 no such name, -3 try again, -5 no address.
    String.raw`\berror\s+-[235]\s+connecting\s+to\b`,
    String.raw`\b(?:is|are|was|were|it'?s|it\s+is)\s+not\s+(?:resolvable|resolved)\b|\bunresolvable\b|\bunresolved\s+address\b`,
    String.raw`(?:can(?:'|no)?t|could\s*n[o']t|cannot|can\s+not)\s+be\s+resolved`,
    '域名解析失败|域名解析失敗|无法解析|無法解析|解析失败|解析失敗',
  ].join('|'),
  'giu',
);

/** A DNS name: labels of letters, digits and dashes (one label or more), at least one letter. */
const NAME = String.raw`[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?)*`;

/** Where a name beside the failure may be written: as host:port, quoted, or a DNS name of the cluster or internet. */
const CANDIDATES: readonly RegExp[] = [
  new RegExp(String.raw`(?<![\w.:/-])(${NAME}):\d{2,5}(?![\d])`, 'giu'),
  new RegExp(String.raw`['"\x60“\[](${NAME})['"\x60”\]]`, 'giu'),
  new RegExp(
    String.raw`(?<![\w.-])(${NAME}\.(?:svc(?:\.cluster\.local)?|cluster\.local|com|org|net|io|cn|dev|cloud|local|internal))\.?(?![\w-])`,
    'giu',
  ),
];

/** The name a phrase names right after itself (`UnknownHostException: spark-master-0`, `ENOTFOUND redis`). */
const NAME_AFTER = new RegExp(String.raw`^\s*([:：]?)\s*(${NAME})`, 'iu');

/**
 * Node's codes print the host right after themselves (`getaddrinfo ENOTFOUND redis`); after any other phrase a plain
 * word with no colon before it goes on the sentence (`UnknownHostException prevents startup`): only a word shaped like
 * a host (a dot, dash or digit in it) is then its name.
 */
const PRINTS_NAME_AFTER = /ENOTFOUND|EAI_/i;
const HOST_SHAPED = /[.\-_\d]/;

/** How far from the phrase its name may stand: the same log line or the sentence around it. */
const REACH = 160;

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const LOOPBACK = /^(?:localhost|0\.0\.0\.0)$/i;
/** Words quoted or dotted that are not hosts: a Java class or package, a file, a version, a plain field. */
const NOT_A_NAME =
  /exception|error|^java\.|\.(?:java|go|py|js|ts|ya?ml|json|xml|conf|log|sh|txt|properties)$|^(?:host|hostname|name|server|service|true|false|null|none|the|a|an|to|for|on|in|of|when|while|during|after|and|or)$/i;

export interface ResolverFailure {
  /** The name the lookup failed on, when one stands beside the phrase; null when the report pasted the phrase alone. */
  name: string | null;
  /** Where the phrase stands in the text. */
  at: number;
}

const isName = (name: string) =>
  /[a-z]/i.test(name) && !IPV4.test(name) && !LOOPBACK.test(name) && !NOT_A_NAME.test(name);

/** Every resolver failure the text pastes or states, each with the name nearest it (or none within reach). */
export function resolverFailures(text: string): ResolverFailure[] {
  const plain = text.normalize('NFKC');
  const phrases = [...plain.matchAll(FAILURE)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  if (phrases.length === 0) return [];
  // A phrase's own words are never its name (`"java.net.UnknownHostException"` quoted).
  const inPhrase = (start: number, end: number) => phrases.some((p) => start < p.end && end > p.start);
  const names: { name: string; start: number; end: number }[] = [];
  for (const pattern of CANDIDATES) {
    for (const match of plain.matchAll(pattern)) {
      const name = match[1] ?? '';
      const start = match.index + match[0].indexOf(name);
      const end = start + name.length;
      if (isName(name) && !inPhrase(start, end)) names.push({ name, start, end });
    }
  }
  return phrases.map(({ start, end }) => {
    const next = NAME_AFTER.exec(plain.slice(end, end + REACH));
    const after = next?.[2];
    const named =
      next?.[1] !== '' || PRINTS_NAME_AFTER.test(plain.slice(start, end)) || HOST_SHAPED.test(after ?? '');
    if (after && named && isName(after) && !inPhrase(end, end + after.length + 2))
      return { name: after, at: start };
    let best: { name: string; distance: number } | null = null;
    for (const candidate of names) {
      const distance = candidate.end <= start ? start - candidate.end : candidate.start - end;
      if (distance < 0 || distance > REACH) continue;
      if (!best || distance < best.distance) best = { name: candidate.name, distance };
    }
    return { name: best?.name ?? null, at: start };
  });
}

/** The first name the text says failed to resolve, or null. */
export function unresolvedName(text: string): string | null {
  return resolverFailures(text).find((failure) => failure.name !== null)?.name ?? null;
}

/** FAILURE for a single test (no global flag, so no position kept between calls). */
const ANY_FAILURE = new RegExp(FAILURE.source, 'iu');

/** The text pastes or states a resolver failure, with or without the name. */
export function statesResolverFailure(text: string): boolean {
  return ANY_FAILURE.test(text.normalize('NFKC'));
}
