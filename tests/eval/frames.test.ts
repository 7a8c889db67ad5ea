import { describe, expect, it } from 'vitest';
import { FRAMES, framed, framesFor, wrappedValueQuestions } from '../../src/eval/frames.js';

describe('value questions wrapped in neutral report frames', () => {
  const english = {
    question: 'Which port does kube-proxy serve /healthz on?',
    docs: ['a.md'],
    text: '10256',
  };
  const chinese = { question: 'flannel vxlan 默认用哪个 UDP 端口？', docs: ['b.md'], text: '8472' };

  it('frames an English question in English frames and a Chinese one in Chinese frames', () => {
    expect(framesFor(english.question).every((frame) => frame.lang === 'en')).toBe(true);
    expect(framesFor(chinese.question).every((frame) => frame.lang === 'zh')).toBe(true);
    expect(framesFor(english.question).length).toBeGreaterThanOrEqual(3);
    expect(framesFor(chinese.question).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the question whole and its labels unchanged', () => {
    for (const frame of FRAMES) {
      const wrapped = framed(english, frame);
      expect(wrapped.question).toContain(english.question);
      expect(wrapped.question.length).toBeGreaterThan(english.question.length + 40);
      expect({ ...wrapped, question: english.question }).toEqual(english);
    }
  });

  it('wraps only questions labelled with the value they ask', () => {
    const wrapped = wrappedValueQuestions([
      english,
      chinese,
      { question: 'pods cannot reach the internet', docs: ['c.md'] },
    ]);
    expect(wrapped).toHaveLength(framesFor(english.question).length + framesFor(chinese.question).length);
    expect(new Set(wrapped.map((item) => item.frame)).size).toBe(FRAMES.length);
  });

  it('names no value a frame could be mistaken to state', () => {
    // No port, MTU, address or CIDR in the frames: a direct answer's value comes from the kb, never from the framing.
    for (const frame of FRAMES)
      expect(`${frame.before}${frame.after}`).not.toMatch(/(?<![\w.])\d{4,5}(?![\w.])|\d+\.\d+\.\d+\.\d+/);
  });
});
