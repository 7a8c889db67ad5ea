/** `netkb serve` as a real child process reads NETKB_TEAMS_SECRET / NETKB_PUBLIC_URL and serves the Teams route. */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamsMessage } from '../../../src/integrations/teams/adaptive-card.js';
import { decodeTeamsToken, teamsAuthorization } from '../../../src/integrations/teams/signature.js';
import { FIXTURE_KB } from '../../answer/fixture-index.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const TOKEN = 'vqF0En+Z0ucuRTM/01o2GuhMH3hKKk/N2bOmlM31zaA=';
const run = promisify(execFile);
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-teams-serve-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, NETKB_VECTORS: 'off', NO_COLOR: '1' };
  delete base.NETKB_TEAMS_SECRET;
  delete base.NETKB_PUBLIC_URL;
  return { ...base, ...extra };
}

/** Child processes start slowly on a loaded machine (tsx compiles on the fly): generous, still bounded. */
const SPAWN_TIMEOUT_MS = 120_000;

describe('netkb serve with Teams configured', () => {
  it(
    'serves POST /teams/messages and links the card to NETKB_PUBLIC_URL',
    async () => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/cli/main.ts',
          'serve',
          '--kb',
          FIXTURE_KB,
          '--index',
          path.join(tmp, 'index'),
        ].concat(['--port', '0', '--host', '127.0.0.1']),
        {
          cwd: ROOT,
          env: env({ NETKB_TEAMS_SECRET: `${TOKEN}`, NETKB_PUBLIC_URL: 'https://kb.example.org/netkb/' }),
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        const base = await new Promise<string>((resolve, reject) => {
          let output = '';
          child.stdout?.on('data', (data: Buffer) => {
            output += data.toString();
            const found = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
            if (found?.[1]) resolve(found[1]);
          });
          void exited.then((code) => reject(new Error(`serve exited (${code})`)));
        });
        let ready: { teams?: string } | null = null;
        const deadline = Date.now() + SPAWN_TIMEOUT_MS - 10_000;
        while (!ready && Date.now() < deadline) {
          const response = await fetch(`${base}/readyz`);
          if (response.ok) ready = (await response.json()) as { teams?: string };
          else await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(ready?.teams).toBe('on');

        const body = JSON.stringify({
          type: 'message',
          text: '<at>netkb</at> coredns 解析失败',
          conversation: { id: '19:c@thread.tacv2;messageid=1' },
        });
        const response = await fetch(`${base}/teams/messages`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: teamsAuthorization(decodeTeamsToken(TOKEN) as Buffer, body),
          },
          body,
        });
        expect(response.status).toBe(200);
        const message = (await response.json()) as TeamsMessage;
        expect(message.attachments[0].content.actions?.[0]?.url).toMatch(
          /^https:\/\/kb\.example\.org\/netkb\/docs\/dns\/coredns\.md#L\d+-L\d+$/,
        );
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
      } finally {
        child.kill('SIGKILL');
      }
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'exits 2 with one readable line when NETKB_TEAMS_SECRET is not a token',
    async () => {
      const failure = await run(
        process.execPath,
        ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--kb', FIXTURE_KB, '--index', path.join(tmp, 'bad')],
        { cwd: ROOT, env: env({ NETKB_TEAMS_SECRET: 'not-a-token!' }) },
      ).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure.code).toBe(2);
      expect(failure.stderr.trim().split('\n')).toEqual([
        'netkb serve: NETKB_TEAMS_SECRET: token 1 is not a base64 security token (paste it as Teams showed it)',
      ]);
    },
    SPAWN_TIMEOUT_MS,
  );
});
