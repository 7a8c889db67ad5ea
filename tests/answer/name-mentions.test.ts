import { describe, expect, it } from 'vitest';
import { wholeNameMentions } from '../../src/answer/name-mentions.js';

describe('wholeNameMentions', () => {
  it('finds each place a name stands whole', () => {
    const text = 'kubectl -n kube-vip logs kube-vip-ds-x; 安装在 kube-vip 命名空间';
    expect(wholeNameMentions(text, 'kube-vip')).toEqual([11, text.indexOf('kube-vip 命名空间')]);
  });

  it('skips the name inside a longer name', () => {
    expect(wholeNameMentions('web-0 and sweb and web1 run', 'web')).toEqual([]);
  });
});
