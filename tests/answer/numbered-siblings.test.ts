import { describe, expect, it } from 'vitest';
import { numberedSiblings } from '../../src/answer/numbered-siblings.js';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

const at = (text: string, value: string) => ({ value, index: text.indexOf(value) });

describe('numberedSiblings', () => {
  it('finds the numbered names listed after the first', () => {
    const text = 'We have two nodes ingress1 and ingress2 that are dedicated to ingress-controllers';
    expect(numberedSiblings(text, at(text, 'ingress1'))).toEqual([
      { value: 'ingress2', index: text.indexOf('ingress2') },
    ]);
    const zh = '三个节点 edge-1、edge-2 和 edge-3 上的 pod 不通';
    expect(numberedSiblings(zh, at(zh, 'edge-1')).map((s) => s.value)).toEqual(['edge-2', 'edge-3']);
  });

  it('finds none for a name without a number, another name, or a longer one', () => {
    const plain = 'nodes alpha and beta';
    expect(numberedSiblings(plain, at(plain, 'alpha'))).toEqual([]);
    const other = 'node ingress1 and worker2 cannot talk';
    expect(numberedSiblings(other, at(other, 'ingress1'))).toEqual([]);
    const longer = 'node ingress1 and ingress2-backup';
    expect(numberedSiblings(longer, at(longer, 'ingress1'))).toEqual([]);
    const prose = 'node ingress1 cannot reach ingress2';
    expect(numberedSiblings(prose, at(prose, 'ingress1'))).toEqual([]);
  });
});

describe('<node-name> fill beside numbered siblings', () => {
  const node = (q: string) => placeholderValues(extractEntities(q)).get('<node-name>');
  it('fills none of two counted nodes written as a list', () => {
    expect(
      node(
        'We have two nodes ingress1 and ingress2 dedicated to ingress; if one of them goes down traffic stops',
      ),
    ).toBeUndefined();
    expect(node('两个节点 edge1 和 edge2 上的 pod 互相不通')).toBeUndefined();
  });
  it('still fills the first of two path ends and a lone node', () => {
    expect(node('node ingress1 cannot reach ingress2')).toBe('ingress1');
    expect(node('pods on nodes worker-1 and worker-2 cannot reach each other')).toBe('worker-1');
    expect(node('pods on node ingress1 cannot reach coredns')).toBe('ingress1');
  });
});
