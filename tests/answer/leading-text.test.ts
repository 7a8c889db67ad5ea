import { describe, expect, it } from 'vitest';
import { leadingText } from '../../src/answer/chat.js';

describe('leadingText (the bounded question other CNIs are searched with)', () => {
  it('leaves a text within the bound as it is', () => {
    expect(leadingText('pod 跨节点不通', 600)).toBe('pod 跨节点不通');
  });

  it('cuts a long text to at most max characters, before a word it would cut in two', () => {
    const text = 'kubectl get pods '.repeat(100);
    const cut = leadingText(text, 600);
    expect(cut.length).toBeLessThanOrEqual(600);
    expect(cut.length).toBeGreaterThan(560);
    expect(text.startsWith(cut)).toBe(true);
    expect(cut).toMatch(/(?:kubectl|get|pods)$/);
    expect(leadingText('ab cd ef', 5)).toBe('ab cd');
    expect(leadingText('ab cdef', 5)).toBe('ab');
  });

  it('cuts Chinese without spaces right at the bound, and ignores a space far back', () => {
    const chinese = `pod ${'网络不通'.repeat(300)}`;
    expect(leadingText(chinese, 600)).toBe(chinese.slice(0, 600));
  });
});
