import { describe, expect, it } from 'vitest';
import { rememberRecent, rememberShort } from '../../src/core/recent.js';

function counted() {
  const calls: string[] = [];
  const compute = (input: string) => {
    calls.push(input);
    return input.toUpperCase();
  };
  return { calls, compute };
}

describe('rememberShort', () => {
  it('computes a short input once and a long one every time', () => {
    const { calls, compute } = counted();
    const upper = rememberShort(compute, { size: 10, maxLength: 4 });
    expect([upper('pod'), upper('pod'), upper('nodes'), upper('nodes')]).toEqual([
      'POD',
      'POD',
      'NODES',
      'NODES',
    ]);
    expect(calls).toEqual(['pod', 'nodes', 'nodes']);
  });

  it('starts over when full', () => {
    const { calls, compute } = counted();
    const upper = rememberShort(compute, { size: 2, maxLength: 8 });
    for (const input of ['a', 'b', 'c', 'a']) upper(input);
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});

describe('rememberRecent', () => {
  it('remembers long inputs only, dropping the oldest past its size', () => {
    const { calls, compute } = counted();
    const upper = rememberRecent(compute, { size: 2, minLength: 3 });
    for (const input of ['ab', 'ab', 'long1', 'long1', 'long2', 'long3', 'long1']) upper(input);
    expect(calls).toEqual(['ab', 'ab', 'long1', 'long2', 'long3', 'long1']);
  });
});
