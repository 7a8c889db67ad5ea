/**
 * Words of real reports that a runbook row must say for its check to be chosen: a pasted kernel log line, a
 * product name the reporter uses for what the runbook calls otherwise. End to end on the bundled kb/.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import { buildFixtureIndex, type FixtureIndex } from './fixture-index.js';

const KB = path.resolve(import.meta.dirname, '../../kb');

let index: FixtureIndex;
beforeAll(async () => {
  index = await buildFixtureIndex(KB);
});
afterAll(() => index.cleanup());

async function answer(message: string) {
  const { body } = await answerChat(
    { searcher: index.searcher, conversations: new ConversationStore() },
    { message },
  );
  return { first: body.citations[0]?.path, commands: body.commands.map((c) => c.command) };
}

describe('a pasted "martian source" kernel line is read as rp_filter dropping the packets', () => {
  it('offers the rp_filter check (jishuzhan report, and the dmesg line in English)', async () => {
    const zh = await answer(
      '宿主机 10.32.56.42 无法 ping 通 K8s 节点 10.32.56.117,集群用 Calico BGP 模式,节点日志里有 Martian source。',
    );
    expect(zh.commands.some((c) => c.includes('rp_filter'))).toBe(true);
    const en = await answer(
      'Node cannot reach pods on another node, dmesg shows IPv4: martian source 10.244.1.5 from 10.244.2.1, on dev flannel.1',
    );
    expect(en.commands.some((c) => c.includes('rp_filter'))).toBe(true);
  });

  it('does not offer it when nothing points at reverse-path filtering', async () => {
    const zh = await answer('节点 ping 不通 pod，没有任何报错');
    expect(zh.commands.some((c) => c.includes('rp_filter'))).toBe(false);
    const en = await answer('Node cannot reach pods on another node, flannel vxlan backend');
    expect(en.commands.some((c) => c.includes('rp_filter'))).toBe(false);
  });
});
