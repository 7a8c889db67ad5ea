/**
 * A CNI the question names only in its environment wording ("network plugin: flannel vxlan", "calico v3.24.1") does
 * not scope the search (`options.cni`): other CNIs' runbooks stay candidates, the CNI is only leaned toward. It is
 * still the answer's CNI, and the answer's confidence is the full report's (chat.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import type { KbSearcher } from '../../src/retrieve/searcher.js';
import type { RetrievalResult, Searcher, SearchOptions } from '../../src/retrieve/types.js';
import { bundledSearchers } from '../retrieve/bundled-kb.js';

let kb: KbSearcher;
beforeAll(() => {
  ({ searcher: kb } = bundledSearchers({}));
});

/** The bundled searcher, recording every search's text and options and its result. */
function recording() {
  const calls: Array<{ text: string; options: SearchOptions; result: RetrievalResult }> = [];
  const searcher: Searcher = {
    docs: kb.docs,
    chunkCount: kb.chunkCount,
    vectors: kb.vectors,
    cni: kb.cni,
    chunk: (id) => kb.chunk(id),
    doc: (docPath) => kb.doc(docPath),
    search: async (text, options = {}) => {
      const result = await kb.search(text, options);
      calls.push({ text, options: { ...options }, result });
      return result;
    },
  };
  return { searcher, calls };
}

async function ask(question: string) {
  const { searcher, calls } = recording();
  const { body } = await answerChat(
    { searcher, conversations: new ConversationStore() },
    { message: question },
  );
  const first = calls.find((call) => call.text === question && !call.options.keepEnvironment);
  const full = calls.find((call) => call.text === question && call.options.keepEnvironment);
  return { body, first, full };
}

const ENVIRONMENT = {
  en:
    'cannot access the service by master-ip:nodePort. version: k8s v1.15.3, install tool: kubespray, network plugin: ' +
    'flannel vxlan. It is ok when I access http://node-ip:30080 on the node running the pod, but http://master-ip:30080 fails.',
  zh:
    '通过 master-ip:nodePort 访问服务失败。版本：k8s v1.15.3，安装工具 kubespray，网络插件: flannel vxlan。在 pod 所在节点上访问 ' +
    'http://node-ip:30080 正常，访问 http://master-ip:30080 失败。',
};
const SUBJECT = {
  en: 'Pods on different nodes cannot ping each other, and tcpdump on flannel.1 shows nothing. flannel v0.11.0, vxlan backend.',
  zh: '跨节点 pod 之间 ping 不通，flannel.1 上 tcpdump 抓不到包，同节点正常。flannel 版本 v0.11.0。',
};

describe('a CNI named only in the environment wording', () => {
  it('is not a search scope, but stays the answer’s CNI, and the confidence is the full report’s', async () => {
    for (const question of [ENVIRONMENT.en, ENVIRONMENT.zh]) {
      const { body, first, full } = await ask(question);
      expect(first?.options.cni).toBeUndefined();
      expect(full?.options.cni).toBe('flannel');
      expect(body.structured.cni).toMatchObject({ cni: 'flannel', source: 'question' });
      expect(body.confidence).toBe(full?.result.confidence);
    }
  });

  it('leaves a CNI that the report names as the failing part a search scope', async () => {
    for (const question of [SUBJECT.en, SUBJECT.zh]) {
      const { body, first, full } = await ask(question);
      expect(first?.options.cni).toBe('flannel');
      expect(full).toBeUndefined();
      expect(body.structured.cni).toMatchObject({ cni: 'flannel', source: 'question' });
      expect(body.citations[0]?.path).toBe('flannel/vxlan-host-gw.md');
    }
  });

  it('reads which CNI stands only in environment wording (searcher.cni.inEnvironmentOnly)', () => {
    expect(kb.cni.inEnvironmentOnly?.(ENVIRONMENT.en)).toEqual(['flannel']);
    expect(kb.cni.inEnvironmentOnly?.(ENVIRONMENT.zh)).toEqual(['flannel']);
    expect(kb.cni.inEnvironmentOnly?.(SUBJECT.en)).toEqual([]);
    expect(kb.cni.inEnvironmentOnly?.(SUBJECT.zh)).toEqual([]);
    expect(
      kb.cni.inEnvironmentOnly?.('calico-node CrashLoopBackOff after upgrading to calico v3.26'),
    ).toEqual([]);
  });
});
