import { describe, expect, it } from 'vitest';
import { PASTES, pasted, pastedReports } from '../../src/eval/paste-frames.js';
import { reportsFailure } from '../../src/retrieve/pasted.js';

describe('broken-path reports with pasted output after them', () => {
  const english = {
    question: 'curl my-svc.prod:80 hangs from a pod, hitting the pod ip directly works',
    docs: ['service/clusterip-troubleshooting.md'],
    commands: ['get endpointslices'],
  };
  const chinese = { question: '跨节点 pod 之间 ping 不通', docs: ['flannel/vxlan-host-gw.md'] };

  it('keeps the question first and whole, and its labels unchanged', () => {
    for (const paste of PASTES) {
      const wrapped = pasted(english, paste);
      expect(wrapped.question.startsWith(english.question)).toBe(true);
      expect(wrapped.question).toContain(paste.text);
      expect({ ...wrapped, question: english.question }).toEqual(english);
    }
  });

  it('folds a report onto one line when asked, the same words in the same order', () => {
    for (const paste of PASTES) {
      const folded = pasted(english, paste, true).question;
      expect(folded).not.toContain('\n');
      expect(folded).toBe(pasted(english, paste).question.replace(/\s+/g, ' ').trim());
    }
    expect(
      pastedReports([english, chinese], { folded: true }).every(
        (item) => !item.question.question.includes('\n'),
      ),
    ).toBe(true);
  });

  it('introduces the paste in the question language', () => {
    expect(pasted(chinese, PASTES[0] as (typeof PASTES)[number]).question).toContain('输出如下');
    expect(pasted(english, PASTES[0] as (typeof PASTES)[number]).question).toContain('Here is the output');
  });

  it('wraps only answerable questions that ask no value, taking the pastes in turn', () => {
    const wrapped = pastedReports([
      english,
      { question: 'Which port does kube-proxy serve /healthz on?', docs: ['a.md'], text: '10256' },
      { question: 'how do I renew kubelet certificates', docs: [], abstain: true },
      chinese,
      ...PASTES.map((_, i) => ({
        question: `pods on node-${i} cannot reach the API server`,
        docs: ['b.md'],
      })),
    ]);
    expect(wrapped).toHaveLength(2 + PASTES.length);
    expect(wrapped.slice(0, PASTES.length).map((item) => item.paste)).toEqual(PASTES.map((p) => p.name));
    expect(wrapped[0]?.question.docs).toEqual(english.docs);
  });

  it('pastes healthy output: none of its lines reports a failure, so the runbook a report needs stays the same', () => {
    expect(PASTES.length).toBeGreaterThanOrEqual(5);
    for (const paste of PASTES) {
      expect(paste.text.split('\n').length).toBeGreaterThanOrEqual(6);
      for (const line of paste.text.split('\n')) expect(reportsFailure(line)).toBe(false);
    }
  });
});
