/**
 * Short in-memory context for follow-up questions, keyed by `conversation_id`. Bounded in both directions:
 * at most `maxConversations` (least recently used ones are dropped first) and each forgotten `ttlMs` after its
 * last turn. Nothing is persisted: a restart forgets every conversation, which only costs follow-up context.
 */
import type { RetrievalResult } from '../retrieve/types.js';
import { extractEntities } from './placeholders.js';

export interface Turn {
  question: string;
  /** Docs the answer was about (best first), empty when it abstained. */
  docs: string[];
  at: number;
}

export interface ConversationOptions {
  maxConversations: number;
  ttlMs: number;
  /** Turns kept per conversation (oldest dropped). */
  maxTurns: number;
  now: () => number;
}

export const DEFAULT_CONVERSATION_OPTIONS: ConversationOptions = {
  maxConversations: 1000,
  ttlMs: 30 * 60 * 1000,
  maxTurns: 6,
  now: Date.now,
};

/**
 * Where a conversation's turns live: this process's memory (ConversationStore) or the shared store, so that
 * every replica sees every turn. Either may answer synchronously; callers await both.
 */
export interface ConversationHistory {
  /** The conversation's turns, oldest first ([] when unknown or expired). */
  history(id: string): Turn[] | Promise<Turn[]>;
  append(id: string, turn: Omit<Turn, 'at'>): void | Promise<void>;
}

export class ConversationStore implements ConversationHistory {
  private readonly options: ConversationOptions;
  /** Map order is recency order: the first entry is the least recently used. */
  private readonly entries = new Map<string, Turn[]>();
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(options: Partial<ConversationOptions> = {}) {
    this.options = { ...DEFAULT_CONVERSATION_OPTIONS, ...options };
  }

  get size(): number {
    return this.entries.size;
  }

  /** The conversation's turns (oldest first), or [] when unknown or expired. Counts as a use. */
  history(id: string): Turn[] {
    const turns = this.entries.get(id);
    if (!turns) return [];
    const last = turns.at(-1);
    if (!last || this.options.now() - last.at > this.options.ttlMs) {
      this.entries.delete(id);
      return [];
    }
    this.entries.delete(id);
    this.entries.set(id, turns);
    return [...turns];
  }

  append(id: string, turn: Omit<Turn, 'at'>): void {
    const now = this.options.now();
    const turns = this.entries.get(id) ?? [];
    this.entries.delete(id);
    turns.push({ ...turn, at: now });
    while (turns.length > this.options.maxTurns) turns.shift();
    this.entries.set(id, turns);
    this.evict(now);
  }

  private evict(now: number): void {
    while (this.entries.size > this.options.maxConversations) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    // Expired conversations are dropped when read; a sweep (at most once a second, or per TTL) frees the unread ones.
    if (now - this.lastSweep < Math.min(1000, this.options.ttlMs)) return;
    this.lastSweep = now;
    // Least recently used first, so expired conversations sit at the front.
    for (const [id, turns] of this.entries) {
      if (now - (turns.at(-1)?.at ?? 0) <= this.options.ttlMs) break;
      this.entries.delete(id);
    }
  }
}

/** Docs an answer is about: the best hit's doc, plus a second one that scored nearly as well. */
export function topicDocs(result: RetrievalResult): string[] {
  if (result.abstain) return [];
  const top = result.hits[0];
  if (!top) return [];
  const docs = [top.doc.path];
  const second = result.hits.find((hit) => hit.doc.path !== top.doc.path && hit.score >= top.score * 0.8);
  if (second) docs.push(second.doc.path);
  return docs;
}

/** A question that leans on the previous one: short, or opening with "then / what about / 那 / 这个". */
export function looksLikeFollowUp(question: string): boolean {
  const text = question.normalize('NFKC').trim().toLowerCase();
  if (
    /^(?:那|那么|那要|那该|那如果|那就|这个|这|它|还有|另外|然后|如果|要是|再|接着|接下来|同样|也|and\b|so\b|then\b|what about|how about|also\b|it\b|that\b|this\b|same\b|and if|what if)/.test(
      text,
    )
  ) {
    return true;
  }
  const core = text.replace(/[\s\p{P}\p{S}]+/gu, '');
  return core.length <= 10 || text.split(/\s+/).length <= 3;
}

/** Words that point back at what the conversation is about ("this problem", "that port", "only on …"). */
const BACK_REFERENCE =
  /这个|這個|那个|那個|这些|這些|同样|同樣|也是|还是|還是|只在|只有|仅在|僅在|上面|刚才|剛才|(?<![a-z])(?:this|that|these|those|it|same|only|also|too|there)(?![a-z])/i;
/** Words that name a topic of their own: a follow-up with one of these may move on. */
const TOPIC_WORDS =
  /dns|coredns|nslookup|mtu|networkpolicy|network policy|网络策略|nodeport|loadbalancer|ingress|egress|出网|外网|conntrack|geneve|vxlan|ipip|bgp|service|svc|clusterip|hostnetwork|kube-proxy|ipvs|iptables|探针|probe|证书|certificate/i;

/**
 * A follow-up that adds only a detail: it names a node, pod, IP or namespace and points back at the conversation
 * ("只在 node-05 上的 pod 有这个问题", "it only happens on worker-3"), without a topic word of its own.
 */
export function addsDetailOnly(question: string): boolean {
  const text = question.normalize('NFKC');
  if (!BACK_REFERENCE.test(text) || TOPIC_WORDS.test(text)) return false;
  const entities = extractEntities(text);
  return (
    entities.ips.length + entities.nodes.length + entities.pods.length + entities.namespaces.length > 0 ||
    /node|节点|節點|pod|容器|ip/i.test(text)
  );
}

/** A generic next step about the same thing ("那怎么抓包?", "how do I check that port on the node firewall?"). */
export function asksNextStep(question: string): boolean {
  const text = question.normalize('NFKC').toLowerCase();
  return (
    /^(?:那|那么|那要|那该|然后|接下来|接着|and then|then|next|so)\b|^(?:那|那么|然后|接下来)/.test(text) ||
    /(?<![a-z])(?:that|this|the same)\s+(?:port|node|pod|ip|address|interface|rule|service|route|host)(?![a-z])|这个(?:端口|节点|pod|服务|地址|网卡|规则)|那个(?:端口|节点|pod|服务|地址|网卡|规则)/.test(
      text,
    )
  );
}

export type FollowUpChoice = 'standalone' | 'contextual';

/**
 * Picks between the question searched alone and searched with the conversation's earlier questions prepended.
 * Staying on the previous docs wins when the question reads like a follow-up; a confident new topic wins otherwise.
 */
export function chooseFollowUp(
  question: string,
  standalone: RetrievalResult,
  contextual: RetrievalResult,
  previousDocs: readonly string[],
): FollowUpChoice {
  const onTopic = (result: RetrievalResult) =>
    !result.abstain && result.hits[0] !== undefined && previousDocs.includes(result.hits[0].doc.path);
  if (onTopic(standalone)) return 'standalone';
  if (
    onTopic(contextual) &&
    (standalone.abstain || looksLikeFollowUp(question) || addsDetailOnly(question) || asksNextStep(question))
  )
    return 'contextual';
  if (!standalone.abstain) return 'standalone';
  if (!contextual.abstain) return 'contextual';
  return 'standalone';
}
