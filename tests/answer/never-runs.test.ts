/**
 * netkb never executes a command from a doc. Ingest and answer a KB whose commands would leave a marker file
 * if run, with every child_process entry point replaced by a recorder (ESM bindings synced), and check both.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import { ingestKb } from '../../src/index/ingest-kb.js';
import { openSearcher } from '../../src/index/open-searcher.js';

const require = createRequire(import.meta.url);
const childProcess = require('node:child_process') as Record<string, unknown>;
const ENTRY_POINTS = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;

describe('answering never runs a command', () => {
  let tmp = '';
  let marker = '';
  const calls: string[] = [];
  const originals = new Map<string, unknown>();

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-never-runs-'));
    marker = path.join(tmp, 'a-command-was-run');
    const kb = path.join(tmp, 'kb');
    await mkdir(kb);
    await writeFile(
      path.join(kb, 'marker.md'),
      [
        '---',
        'triggers: [marker 接口排查, marker interface check]',
        'category: node_to_pod',
        'priority: 50',
        '---',
        '# Marker 接口排查',
        '## 诊断命令',
        '```bash',
        '# 查看接口地址',
        'ip addr show',
        '# 查看接口（若被执行会留下标记文件）',
        `ip link show && touch ${marker}`,
        '# 查看路由',
        `ip route get <target-ip>; echo ran > ${marker}`,
        '```',
        '',
      ].join('\n'),
    );
    for (const name of ENTRY_POINTS) {
      originals.set(name, childProcess[name]);
      childProcess[name] = (...args: unknown[]) => {
        calls.push(`${name} ${String(args[0])}`);
        throw new Error(`child_process.${name} called while answering`);
      };
    }
    syncBuiltinESMExports();
  });

  afterAll(async () => {
    for (const [name, original] of originals) childProcess[name] = original;
    syncBuiltinESMExports();
    await rm(tmp, { recursive: true, force: true });
  });

  it('ingests and answers with the commands, and no child process is started', async () => {
    // The recorder is what ESM importers of node:child_process see too.
    const esm = await import('node:child_process');
    expect(() => esm.execSync('true')).toThrow(/called while answering/);
    calls.length = 0;

    const indexDir = path.join(tmp, 'index');
    await ingestKb({ kbDir: path.join(tmp, 'kb'), indexDir, embedder: null, vectorsDisabledReason: 'tests' });
    const searcher = await openSearcher(indexDir, { embedder: null, vectorsDisabledReason: 'tests' });
    const conversations = new ConversationStore();
    for (const message of ['marker 接口排查 10.0.0.5', 'marker interface check']) {
      const { body } = await answerChat({ searcher, conversations }, { message });
      expect(body.abstained).toBe(false);
      expect(body.commands.length).toBeGreaterThan(0);
      // A command that writes a file is never offered as read-only.
      for (const command of body.commands.filter((c) => c.command.includes(marker)))
        expect(command.safety).not.toBe('read-only');
    }
    expect(calls).toEqual([]);
    expect(existsSync(marker)).toBe(false);
  });
});
