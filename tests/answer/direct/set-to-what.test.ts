import { describe, expect, it } from 'vitest';
import { withSetToWhat } from '../../../src/answer/direct/set-to-what.js';

describe('"设为什么" asks set to what, not why', () => {
  it.each([
    ['hostNetwork 的 Pod 的 dnsPolicy 应该设为什么？', 'hostNetwork 的 Pod 的 dnsPolicy 应该设成什么？'],
    ['MTU 改为什么值比较好', 'MTU 改成什么值比较好'],
    ['natOutgoing 配置为什麼？', 'natOutgoing 配置成什麼？'],
    ['ipipMode 设置为啥', 'ipipMode 设置成啥'],
  ])('%s', (question, read) => {
    expect(withSetToWhat(question)).toBe(read);
  });

  it.each([
    // A why after a change: changed it, why does it still fail.
    'MTU 改为什么还是不通？',
    '我把 mode 设为什么会不生效',
    // A why of its own.
    '为什么 Pod 访问不了 Service？',
    'Why is the MTU 1450?',
  ])('left alone: %s', (question) => {
    expect(withSetToWhat(question)).toBe(question);
  });
});
