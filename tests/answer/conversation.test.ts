import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import {
  addsDetailOnly,
  asksNextStep,
  ConversationStore,
  looksLikeFollowUp,
} from '../../src/answer/conversation.js';
import { buildFixtureIndex, type FixtureIndex } from './fixture-index.js';

describe('ConversationStore', () => {
  it('forgets a conversation ttl after its last turn (injectable clock)', () => {
    let now = 1_000;
    const store = new ConversationStore({ ttlMs: 100, now: () => now });
    store.append('a', { question: 'q1', docs: ['x.md'] });
    now += 60;
    expect(store.history('a').map((t) => t.question)).toEqual(['q1']);
    store.append('a', { question: 'q2', docs: [] });
    now += 99;
    expect(store.history('a').map((t) => t.question)).toEqual(['q1', 'q2']);
    now += 2;
    expect(store.history('a')).toEqual([]);
    expect(store.size).toBe(0);
  });

  it('keeps at most maxConversations, dropping the least recently used', () => {
    const store = new ConversationStore({ maxConversations: 3 });
    for (const id of ['a', 'b', 'c']) store.append(id, { question: id, docs: [] });
    store.history('a'); // a is now the most recently used
    store.append('d', { question: 'd', docs: [] });
    expect(store.size).toBe(3);
    expect(store.history('b')).toEqual([]);
    expect(store.history('a')).toHaveLength(1);
    expect(store.history('c')).toHaveLength(1);
  });

  it('keeps at most maxTurns per conversation and sweeps expired ones on write', () => {
    let now = 0;
    const store = new ConversationStore({ maxTurns: 2, ttlMs: 10, now: () => now });
    for (const q of ['1', '2', '3']) store.append('a', { question: q, docs: [] });
    expect(store.history('a').map((t) => t.question)).toEqual(['2', '3']);
    store.append('old', { question: 'x', docs: [] });
    now = 50;
    store.append('new', { question: 'y', docs: [] });
    expect(store.size).toBe(1);
  });

  it('stays bounded under many conversations', () => {
    const store = new ConversationStore({ maxConversations: 1000 });
    for (let i = 0; i < 20_000; i++) store.append(`c${i}`, { question: `q${i}`, docs: [] });
    expect(store.size).toBe(1000);
  });
});

describe('looksLikeFollowUp', () => {
  it.each([
    ['那怎么抓包?', true],
    ['那 MTU 呢', true],
    ['这个端口要放行吗', true],
    ['what about the MTU?', true],
    ['and on the node?', true],
    ['coredns 解析 kubernetes.default 一直 i/o timeout 怎么排查', false],
    ['how do i check whether the geneve tunnel between two nodes is up', false],
  ])('%s → %s', (question, expected) => {
    expect(looksLikeFollowUp(question)).toBe(expected);
  });
});

describe('addsDetailOnly and asksNextStep: follow-ups that stay on topic', () => {
  it.each([
    ['只在 node-05 上的 pod 有这个问题', true],
    ['it only happens on worker-3', true],
    ['10.16.0.9 这个 pod 也是', true],
    // A new topic word: the follow-up may move on.
    ['只在 node-05 上 dns 解析失败', false],
    // No back-reference: a question of its own.
    ['node-05 上的 pod 访问外网不通', false],
  ])('%s → adds only a detail: %s', (question, expected) => {
    expect(addsDetailOnly(question)).toBe(expected);
  });

  it.each([
    ['那怎么抓包?', true],
    ['how do I check that port on the node firewall?', true],
    ['接下来看什么', true],
    ['coredns 解析 kubernetes.default 一直 i/o timeout 怎么排查', false],
    ['how do i check whether the geneve tunnel between two nodes is up', false],
  ])('%s → asks a next step: %s', (question, expected) => {
    expect(asksNextStep(question)).toBe(expected);
  });
});

describe('follow-ups against a real fixture index', () => {
  let fixture: FixtureIndex;
  beforeAll(async () => {
    fixture = await buildFixtureIndex();
  });
  afterAll(async () => {
    await fixture.cleanup();
  });

  const ask = (conversations: ConversationStore, message: string, conversation_id?: string) =>
    answerChat(
      { searcher: fixture.searcher, conversations },
      conversation_id ? { message, conversation_id } : { message },
    );

  it('"那怎么抓包?" after a Geneve question stays on the Geneve doc', async () => {
    const conversations = new ConversationStore();
    const first = await ask(conversations, 'pod prod/api-0 跨节点 ping 10.16.1.3 不通，geneve 隧道不通');
    expect(first.body.abstained).toBe(false);
    expect(first.body.citations[0]?.path).toBe('kube-ovn/geneve.md');
    const id = first.body.conversation_id;

    const followUp = await ask(conversations, '那怎么抓包?', id);
    expect(followUp.body.conversation_id).toBe(id);
    expect(followUp.body.abstained).toBe(false);
    expect(followUp.body.citations[0]?.path).toBe('kube-ovn/geneve.md');
    const commands = followUp.body.commands.map((c) => c.command);
    expect(commands).toContain('tcpdump -i genev_sys_6081 -nn host 10.16.1.3');
    // Names from the first question fill the follow-up's commands.
    expect(commands).toContain('kubectl get pod -n prod api-0 -o wide');

    // The same words without the conversation go to the generic capture doc.
    const alone = await ask(conversations, '那怎么抓包?');
    expect(alone.body.citations[0]?.path).toBe('diagnostics/tcpdump.md');
    expect(alone.body.conversation_id).not.toBe(id);
  });

  it('a confident new topic in the same conversation switches topic', async () => {
    const conversations = new ConversationStore();
    const first = await ask(conversations, 'geneve 隧道不通');
    const next = await ask(conversations, 'coredns 解析失败，nslookup 超时', first.body.conversation_id);
    expect(next.body.citations[0]?.path).toBe('dns/coredns.md');
  });

  it('an unknown or expired conversation_id starts a new conversation under that id', async () => {
    let now = 0;
    const conversations = new ConversationStore({ ttlMs: 1000, now: () => now });
    const first = await ask(conversations, 'geneve 隧道不通', 'my-conv-1');
    expect(first.body.conversation_id).toBe('my-conv-1');
    now = 5000;
    const later = await ask(conversations, '那怎么抓包?', 'my-conv-1');
    expect(later.body.citations[0]?.path).toBe('diagnostics/tcpdump.md');
  });
});
