import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import { focusTerms, isConcept, termsWithConcepts } from '../../src/answer/rank-rows.js';
import { ingestKb } from '../../src/index/ingest-kb.js';
import { openSearcher } from '../../src/index/open-searcher.js';
import type { Searcher } from '../../src/retrieve/types.js';

/** A two-group glossary: firewall words in both languages, and the same-node words. */
const concepts = (text: string) =>
  [/firewalld|firewall|防火墙/i.test(text) ? 'g1' : '', /same node|同节点/i.test(text) ? 'g2' : ''].filter(
    Boolean,
  );

describe('glossary concepts in the terms that pick rows and commands', () => {
  it('an English word and its Chinese synonym share one concept term', () => {
    const english = [...termsWithConcepts('curl works once I stop firewalld', concepts).keys()];
    const chinese = [...termsWithConcepts('安全组/防火墙未放行 UDP 8472', concepts).keys()];
    const shared = english.filter((term) => chinese.includes(term));
    expect(shared).toHaveLength(1);
    expect(isConcept(shared[0] ?? '')).toBe(true);
  });

  it('a concept never collides with a word of the text, and none without a glossary', () => {
    expect([...termsWithConcepts('g1 firewalld', concepts).keys()].filter(isConcept)).toHaveLength(1);
    expect([...termsWithConcepts('firewalld', undefined).keys()].some(isConcept)).toBe(false);
  });

  it('a working clause’s concepts count less, like its words', () => {
    const terms = focusTerms('pods on other nodes time out, same node is fine', concepts);
    const sameNode = [...terms].find(([term]) => isConcept(term));
    expect(sameNode?.[1]).toBeLessThan(1);
  });
});

describe('on the bundled kb/: an English report picks the Chinese row it describes', () => {
  let tmp: string;
  let searcher: Searcher;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-concepts-'));
    const kbDir = path.resolve(import.meta.dirname, '../../kb');
    await ingestKb({ kbDir, indexDir: tmp, embedder: null, vectorsDisabledReason: 'test' });
    searcher = await openSearcher(tmp, { embedder: null, vectorsDisabledReason: 'test' });
  }, 120_000);
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('"firewalld" reaches the row "安全组/防火墙未放行 UDP 8472" and its check', async () => {
    // A real report (flannel-io/flannel, reports4.yaml); before concepts, none of the firewall checks was picked.
    const message =
      'firewalld & flannel. I have flannel setup across 2 RHEL 7 hosts with firewalld enabled as it is a requirement for me. I can ping a running container across hosts, but I cannot curl the same container; I get "Failed connect to 172.32.68.2:8080; No route to host". Watching tcpdump on my main eth I see IP 172.32.12.0.46667 > 172.32.68.2.webcache: Flags [S]. The curl works once I stop firewalld. I assume I need to allow the subnet range somehow?';
    const { body } = await answerChat({ searcher, conversations: new ConversationStore() }, { message });
    expect(body.citations[0]?.path).toBe('flannel/vxlan-host-gw.md');
    expect(body.commands.map((c) => c.command)).toContainEqual(expect.stringContaining('udp port 8472'));
  });

  it('a fix cell naming code (`subnet.env`) is not answered by a command that only shares words with it', async () => {
    // The MTU row's fix ("核对 `subnet.env` 中 FLANNEL_MTU，重建 pod") once brought `ip link delete cni0` ("需随后重建
    // pod") into a firewalld answer: a state change that breaks the node's pod network.
    const message =
      'firewalld & flannel. I can ping a running container across hosts, but I cannot curl the same container; small requests work. The curl works once I stop firewalld.';
    const { body } = await answerChat({ searcher, conversations: new ConversationStore() }, { message });
    const fixes = body.commands.filter((c) => c.group === 'fix').map((c) => c.command);
    expect(fixes).not.toContain('ip link delete cni0');
  });
});
