import { describe, expect, it } from 'vitest';
import { NetkbError } from '../../../src/core/errors.js';
import {
  isHelpRequest,
  MAX_QUESTION_CHARS,
  parseTeamsActivity,
  questionFromTeamsText,
  teamsUserOf,
} from '../../../src/integrations/teams/activity.js';

describe('questionFromTeamsText', () => {
  it.each([
    ['<at>netkb</at> pod 访问 node 的 6443 不通', 'pod 访问 node 的 6443 不通'],
    ['pod 访问 node 的 6443 不通 <at>netkb</at>', 'pod 访问 node 的 6443 不通'],
    ['pod 访问 <at>netkb</at> node 的 6443 不通', 'pod 访问 node 的 6443 不通'],
    ['<AT>NetKB Bot</AT>why is DNS slow', 'why is DNS slow'],
    ['<p><at>netkb</at>&nbsp;why&nbsp;is &quot;kubectl logs&quot; slow?</p>', 'why is "kubectl logs" slow?'],
    ['<div><at>netkb</at> line one<br>line two</div>', 'line one\nline two'],
    ['<at>netkb</at> ping &lt;pod-ip&gt; fails &amp; curl too', 'ping <pod-ip> fails & curl too'],
    ['<at>netkb</at> 跨节点&#32;不通&#x3002;', '跨节点 不通。'],
    ['<at>netkb</at>', ''],
    ['<p><at>netkb</at>&nbsp;</p>', ''],
    ['   ', ''],
  ])('%j → %j', (text, question) => {
    expect(questionFromTeamsText(text)).toBe(question);
  });

  it('keeps two mentions out, including one of a person', () => {
    expect(questionFromTeamsText('<at>netkb</at> <at>Alice</at> says coredns fails')).toBe(
      'says coredns fails',
    );
  });

  it('cuts a very long message at the /v1/chat limit', () => {
    expect(Array.from(questionFromTeamsText(`<at>netkb</at> ${'网'.repeat(5000)}`))).toHaveLength(
      MAX_QUESTION_CHARS,
    );
  });
});

describe('parseTeamsActivity', () => {
  it('keeps the fields netkb reads and allows the rest', () => {
    const activity = parseTeamsActivity(
      Buffer.from(
        JSON.stringify({
          type: 'message',
          text: 'hi',
          conversation: { id: '19:x@thread.tacv2;messageid=1', conversationType: 'channel' },
          channelData: { teamsTeamId: 't' },
        }),
      ),
    );
    expect(activity.conversation?.id).toBe('19:x@thread.tacv2;messageid=1');
  });

  it.each([
    ['{', 'INVALID_JSON'],
    ['null', 'BAD_REQUEST'],
    ['"message"', 'BAD_REQUEST'],
    ['{"type":""}', 'BAD_REQUEST'],
    ['{"type":"message","conversation":{"id":""}}', 'BAD_REQUEST'],
  ])('%s → %s', (body, code) => {
    try {
      parseTeamsActivity(Buffer.from(body));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NetkbError);
      expect((error as NetkbError).code).toBe(code);
    }
  });
});

describe('isHelpRequest', () => {
  it('is true for help words alone, false for questions that contain them', () => {
    for (const text of ['help', 'HELP', ' 帮助 ', '幫助', '?', '？'])
      expect(isHelpRequest(text), text).toBe(true);
    for (const text of ['help: dns fails', 'coredns 帮助文档在哪', 'pod 不通?'])
      expect(isHelpRequest(text), text).toBe(false);
  });
});

describe('teamsUserOf', () => {
  const of = (from: unknown) =>
    teamsUserOf(
      parseTeamsActivity(Buffer.from(JSON.stringify({ type: 'message', ...(from ? { from } : {}) }))),
    );

  it('is from.id, else from.aadObjectId, else nothing (the rate limit falls back to the IP)', () => {
    expect(of({ id: '29:1abc', aadObjectId: 'aad-1' })).toBe('29:1abc');
    expect(of({ aadObjectId: 'aad-1', name: 'A' })).toBe('aad-1');
    expect(of({ id: '', aadObjectId: 'aad-1' })).toBe('aad-1');
    expect(of({ name: 'A', aadObjectId: 7 })).toBeUndefined();
    expect(of(undefined)).toBeUndefined();
  });
});
