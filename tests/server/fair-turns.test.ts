/**
 * The random-word attack does not starve other requests: answers computed on the event loop take turns
 * (src/server/fair-turns.ts). The server and its clients share this process's event loop, so the assertions
 * count answers rather than time them: while a /healthz probe or a normal client's question waits, how many of
 * the attacker's answers complete. Without turns, every attack request read in one pass of the loop is computed
 * before the probe is answered (about one per attacking connection); with turns, at most the one in progress.
 */
import http from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { FairTurns } from '../../src/server/fair-turns.js';
import { buildFixtureIndex, type FixtureIndex } from '../answer/fixture-index.js';
import { listenLocal } from '../helpers/listen.js';

describe('FairTurns', () => {
  it('grants turns round-robin across clients, each client in order', async () => {
    const turns = new FairTurns();
    const order: string[] = [];
    const taken = [
      ...['a1', 'a2', 'a3', 'a4'].map((id) => turns.take('a').then(() => order.push(id))),
      ...['b1', 'b2'].map((id) => turns.take('b').then(() => order.push(id))),
      turns.take('c').then(() => order.push('c1')),
    ];
    expect(turns.pending).toBe(7);
    await Promise.all(taken);
    expect(order).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3', 'a4']);
    expect(turns.pending).toBe(0);
  });

  it('grants one turn per event-loop iteration, so other callbacks run in between', async () => {
    const turns = new FairTurns();
    const order: string[] = [];
    const taken = Array.from({ length: 5 }, (_, i) =>
      turns.take('attacker').then(() => order.push(`turn${i}`)),
    );
    // Queued after the turns: runs in the next iteration's check phase, after at most the first two turns.
    setImmediate(() => setImmediate(() => order.push('probe')));
    await Promise.all(taken);
    expect(order.indexOf('probe')).toBeGreaterThan(0);
    expect(order.indexOf('probe')).toBeLessThan(3);
  });
});

/** 2,000 characters of random 6–30-letter words: unknown to the KB, never cached. */
function randomWords(seed: number): string {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const words: string[] = [];
  let length = 0;
  while (length < 1960) {
    const size = 6 + Math.floor(next() * 25);
    words.push(
      Array.from({ length: size }, () => String.fromCharCode(97 + Math.floor(next() * 26))).join(''),
    );
    length += size + 1;
  }
  return words.join(' ');
}

describe('under the random-word attack', () => {
  let fixture: FixtureIndex;
  let app: FastifyInstance;
  let port: number;

  beforeAll(async () => {
    fixture = await buildFixtureIndex();
    app = await buildApp({ searcher: () => fixture.searcher });
    ({ port } = await listenLocal(app));
  });
  afterAll(async () => {
    await app.close();
    await fixture.cleanup();
  });

  function send(agent: http.Agent, method: string, route: string, body?: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          method,
          path: route,
          agent,
          headers: body ? { 'content-type': 'application/json' } : {},
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }

  it('answers /healthz and a normal client between the attacker’s answers', async () => {
    const CONNECTIONS = 16;
    const attacker = new http.Agent({ keepAlive: true, localAddress: '127.0.0.2' });
    const probe = new http.Agent({ keepAlive: true, localAddress: '127.0.0.4' });
    const normal = new http.Agent({ keepAlive: true, localAddress: '127.0.0.3' });
    let attacking = true;
    let attackAnswers = 0;
    let seed = 1;
    const attack = Array.from({ length: CONNECTIONS }, async () => {
      while (attacking) {
        const body = JSON.stringify({ message: randomWords(seed++) });
        expect(await send(attacker, 'POST', '/v1/chat', body)).toBe(200);
        attackAnswers++;
      }
    });
    try {
      // Let every attacking connection get going.
      while (attackAnswers < CONNECTIONS * 2) await new Promise((resolve) => setTimeout(resolve, 5));
      const probeWaits: number[] = [];
      const normalWaits: number[] = [];
      for (let i = 0; i < 15; i++) {
        let before = attackAnswers;
        expect(await send(probe, 'GET', '/healthz')).toBe(200);
        probeWaits.push(attackAnswers - before);
        before = attackAnswers;
        const question = JSON.stringify({ message: `geneve tunnel down on node ${i}` });
        expect(await send(normal, 'POST', '/v1/chat', question)).toBe(200);
        normalWaits.push(attackAnswers - before);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
      // Without turns each wait spans about one attack answer per connection (16). With them, /healthz waits
      // for at most the step in progress (measured: 0–1 answers), a normal question for about one attack step
      // per step of its own (measured median 3).
      expect(median(probeWaits), `attack answers during each /healthz: ${probeWaits}`).toBeLessThanOrEqual(4);
      expect(
        median(normalWaits),
        `attack answers during each normal question: ${normalWaits}`,
      ).toBeLessThanOrEqual(8);
    } finally {
      attacking = false;
      await Promise.all(attack);
      for (const agent of [attacker, probe, normal]) agent.destroy();
    }
  }, 60_000);
});
