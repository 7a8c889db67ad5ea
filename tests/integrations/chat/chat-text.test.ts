import { describe, expect, it } from 'vitest';
import type { ChatBody } from '../../../src/answer/types.js';
import {
  changesState,
  citationLine,
  commandCite,
  commandGroups,
  hopList,
  purposeText,
} from '../../../src/integrations/chat/answer-parts.js';
import { threadConversationId } from '../../../src/integrations/chat/conversation-id.js';
import { InMemoryOnce } from '../../../src/integrations/chat/dedup.js';
import { InMemoryFeedback } from '../../../src/integrations/chat/feedback.js';
import { markdownToPlain, reflowParagraphs, truncate } from '../../../src/integrations/chat/plain-text.js';
import { splitText } from '../../../src/integrations/chat/split-text.js';

describe('splitText', () => {
  it('returns short text unchanged', () => {
    expect(splitText('a\nb', 100)).toEqual(['a\nb']);
  });

  it('splits on line boundaries within the limit', () => {
    const text = Array.from({ length: 50 }, (_, i) => `line number ${i}`).join('\n');
    const pieces = splitText(text, 100);
    expect(pieces.length).toBeGreaterThan(5);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(100);
    expect(pieces.join('\n')).toBe(text);
  });

  it('closes a fence at the end of a piece and reopens it with the same opener in the next', () => {
    const code = Array.from({ length: 20 }, (_, i) => `echo ${i} > /tmp/file-${i}`).join('\n');
    const text = `intro line\n\`\`\`bash\n${code}\n\`\`\`\nafter`;
    const pieces = splitText(text, 120);
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(120);
      expect((piece.match(/^```/gm) ?? []).length % 2).toBe(0);
    }
    expect(pieces[1]?.startsWith('```bash\necho')).toBe(true);
    // Every command line survives whole, in order.
    const lines = pieces.flatMap((p) => p.split('\n')).filter((l) => l.startsWith('echo'));
    expect(lines).toEqual(code.split('\n'));
    expect(pieces.at(-1)?.endsWith('```\nafter')).toBe(true);
  });

  it('cuts a single over-long line only as a last resort, at a space when it can', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const pieces = splitText(`short\n${words}`, 80);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(80);
    expect(pieces.join(' ').replace(/\n/g, ' ')).toBe(`short ${words}`);
    expect(pieces.slice(1).every((p) => /^word\d+/.test(p))).toBe(true);
  });

  it('keeps tilde fences and longer backtick fences apart from ``` inside them', () => {
    const text = `~~~\n${'x\n'.repeat(80)}~~~`;
    for (const piece of splitText(text, 64)) {
      expect(piece.startsWith('~~~')).toBe(true);
      expect(piece.endsWith('~~~')).toBe(true);
    }
  });
});

describe('plain text helpers', () => {
  it('markdown to plain: emphasis dropped, links spelled out, fences removed', () => {
    expect(
      markdownToPlain('# Title\n**bold** and *it* `code` [doc](https://x.y/z)\n```bash\nls -l\n```'),
    ).toBe('Title\nbold and it code doc (https://x.y/z)\nls -l');
  });

  it('reflows hard-wrapped paragraphs (no space between two Chinese characters), keeps lists and code', () => {
    expect(
      reflowParagraphs(
        '在 Kube-OVN 模式下，Pod 网段\n和节点物理网段之间\nnot joined?\n\n- a\n- b\n```\nx\ny\n```',
      ),
    ).toBe('在 Kube-OVN 模式下，Pod 网段和节点物理网段之间 not joined?\n\n- a\n- b\n```\nx\ny\n```');
    expect(reflowParagraphs('one\ntwo')).toBe('one two');
  });

  it('truncates on code points with an ellipsis', () => {
    expect(truncate('你好世界', 3)).toBe('你好…');
    expect(truncate('abc', 3)).toBe('abc');
  });
});

describe('answer parts', () => {
  const body = {
    citations: [
      { path: 'a.md', title: 'A', heading: 'H', lines: [10, 20], score: 1, via: [], matched_triggers: [] },
    ],
    commands: [
      {
        command: 'ip a',
        purpose: 'look',
        safety: 'read-only',
        group: 'diagnose',
        fills: [],
        source: { path: 'a.md', line: 12 },
      },
      {
        command: 'ip link set x down',
        purpose: '[变更] stop',
        safety: 'mutating',
        group: 'fix',
        fills: [],
        source: { path: 'a.md', line: 30 },
      },
      {
        command: 'weird',
        purpose: '',
        safety: 'unknown',
        group: 'diagnose',
        fills: [],
        source: { path: 'b.md', line: 1 },
      },
    ],
  } as unknown as ChatBody;

  it('groups read-only diagnostics first and treats unknown safety as changing state', () => {
    const { diagnose, fix } = commandGroups(body);
    expect(diagnose.map((c) => c.command)).toEqual(['ip a']);
    expect(fix.map((c) => c.command)).toEqual(['ip link set x down', 'weird']);
    expect(changesState(body.commands[2] as ChatBody['commands'][number])).toBe(true);
  });

  it('cites, labels and lists', () => {
    expect(commandCite(body, body.commands[0] as ChatBody['commands'][number])).toBe(1);
    expect(commandCite(body, body.commands[1] as ChatBody['commands'][number])).toBeNull();
    expect(purposeText(body.commands[1] as ChatBody['commands'][number])).toBe('stop');
    expect(citationLine(body.citations[0] as ChatBody['citations'][number])).toBe('a.md:10-20 — H');
    const path = { format: 'text' as const, diagram: '', hops: ['a   →   b', '', 'c', 'd'], cite: 1 };
    expect(hopList(path, 2)).toEqual({ hops: ['a  →  b', 'c'], more: 1 });
    expect(threadConversationId('slack', { team: 'T1', channel: 'C1', thread: '1.2' })).toBe(
      'slack:T1:C1:1.2',
    );
  });
});

describe('in-memory feedback and once-claims', () => {
  it('records feedback with a time', async () => {
    const store = new InMemoryFeedback(2, () => 42);
    await store.recordFeedback({ answerId: 'a', helpful: true, channel: 'slack' });
    await store.recordFeedback({ answerId: 'b', helpful: false, channel: 'slack', user: 'U1' });
    await store.recordFeedback({ answerId: 'c', helpful: true, channel: 'teams' });
    expect(store.list().map((f) => f.answerId)).toEqual(['b', 'c']);
    expect(store.list()[0]).toEqual({ answerId: 'b', helpful: false, channel: 'slack', user: 'U1', at: 42 });
  });

  it('claims a key once within its TTL, again after it', async () => {
    let now = 0;
    const once = new InMemoryOnce(1000, () => now);
    expect(await once.claimOnce('Ev1', 100)).toBe(true);
    expect(await once.claimOnce('Ev1', 100)).toBe(false);
    expect(await once.claimOnce('Ev2', 100)).toBe(true);
    now = 101;
    expect(await once.claimOnce('Ev1', 100)).toBe(true);
    expect(once.size).toBe(1);
  });
});
