import { describe, expect, it } from 'vitest';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';
import { workingWithListed } from '../../src/answer/working-list.js';

function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

/** The names of `text` matching `pattern`, placed. */
function placed(text: string, pattern: RegExp): Array<{ value: string; index: number }> {
  return [...text.matchAll(pattern)].map((m) => ({ value: m[0], index: m.index ?? 0 }));
}

describe('workingWithListed', () => {
  it('gives every name of a list what the verb after its last name says', () => {
    const text = 'access node1, node2 is right; access node3 times out';
    const names = placed(text, /node\d/g);
    const working = workingWithListed(text, names, (name) => name.value === 'node2');
    expect([...working].map((name) => name.value).sort()).toEqual(['node1', 'node2']);
    const zh = '在 node1 和 node2 上都正常，只有 node3 不行';
    const three = 'node1, node2 and node3 are fine, node4 is not';
    expect(
      [...workingWithListed(zh, placed(zh, /node\d/g), (name) => name.value === 'node2')]
        .map((n) => n.value)
        .sort(),
    ).toEqual(['node1', 'node2']);
    expect(workingWithListed(three, placed(three, /node\d/g), (name) => name.value === 'node3').size).toBe(3);
    // A name read twice at one place (by its shape and by its kind word) works in both readings.
    const twice = [...names, { value: 'node1', index: text.indexOf('node1') }];
    expect(workingWithListed(text, twice, (name) => name.value === 'node2').size).toBe(3);
  });

  it('stops at a verb or a clause break between two names', () => {
    const text = 'node1 cannot reach node2, which works fine';
    const names = placed(text, /node\d/g);
    expect([...workingWithListed(text, names, (name) => name.value === 'node2')].map((n) => n.value)).toEqual(
      ['node2'],
    );
    const clauses = 'node1 drops packets; node2 is fine';
    expect(
      workingWithListed(clauses, placed(clauses, /node\d/g), (name) => name.value === 'node2').size,
    ).toBe(1);
  });
});

describe('nodes listed before one said to work are the comparison too', () => {
  it('fills the node whose traffic fails, in English and Chinese', () => {
    expect(fills('access node1, node2 is right; access node3 gives 504').get('<node-name>')).toBe('node3');
    expect(
      fills('pods on node1 and node2 can talk, but pods on node3 cannot reach anything').get('<node-name>'),
    ).toBe('node3');
    expect(fills('在 node1 和 node2 上都正常，只有 node3 不行').get('<node-name>')).toBe('node3');
  });

  it('keeps the first node when the list fails or no node is said to work', () => {
    expect(fills('pods on node1 and node2 cannot talk, node3 is fine').get('<node-name>')).toBe('node1');
    expect(fills('geneve traffic dropped between node-02 and node-07').get('<node-name>')).toBe('node-02');
    expect(fills('在 node1 和 node2 上都超时').get('<node-name>')).toBe('node1');
  });
});

describe('a namespace the Service is said to be reachable from is the comparison', () => {
  it('fills no namespace of the working side', () => {
    expect(
      fills(
        'the service backend is reachable from pods in namespace prod but not from namespace staging',
      ).get('<namespace>'),
    ).toBeUndefined();
    expect(fills('pods in namespace staging cannot resolve the service').get('<namespace>')).toBe('staging');
    expect(fills('it is not reachable from pods in namespace prod').get('<namespace>')).toBe('prod');
  });
});
