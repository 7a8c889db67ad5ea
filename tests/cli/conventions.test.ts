/**
 * CLI conventions (issue 15 item 8, issue 19 item 5), as real processes: --version, `<command> --help`,
 * did-you-mean, `-o text|json|yaml`, `ask` reading the index without writing one, one readable error line with
 * exit 2 for the user's input (port in use, missing KB, unreadable index, bad paths), shell completion.
 * Processes start concurrently in beforeAll (each costs about a second).
 */
import { execFile, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bashCompletion, flagsOf, zshCompletion } from '../../src/cli/completion.js';
import { describeFailure } from '../../src/cli/errors.js';
import { didYouMean } from '../../src/cli/suggest.js';
import { NetkbError } from '../../src/core/errors.js';
import { listenLocal } from '../helpers/listen.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(REPO, 'src/cli/main.ts');
const KB = path.join(REPO, 'tests/fixtures/kb-chat');
const VERSION = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string })
  .version;
const QUESTION = 'geneve 隧道不通，怎么抓包';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  errLines: string[];
}

function netkb(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NETKB_VECTORS: 'off', NO_COLOR: '1', ...env };
  for (const key of ['NETKB_MODEL', 'NETKB_MODEL_DIR', 'NETKB_CACHE_DIR', 'NETKB_ALLOW_REMOTE_MODELS']) {
    if (!(key in env)) delete childEnv[key];
  }
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', MAIN, ...args],
      { cwd: REPO, env: childEnv, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr, errLines: stderr.split('\n').filter((line) => line.trim() !== '') });
      },
    );
  });
}

function generations(indexDir: string): string[] {
  return readdirSync(indexDir)
    .filter((name) => name.startsWith('gen-'))
    .sort();
}

const current = (indexDir: string) => readFileSync(path.join(indexDir, 'CURRENT'), 'utf8').trim();

let tmp: string;
let busy: Server;
let busyPort: number;
const runs: Record<string, Run> = {};
let indexDir: string;
let firstGeneration: string;
let generationsAfterAsk: string[];
let askNoIndexDir: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-conventions-'));
  indexDir = path.join(tmp, 'index');
  busy = createServer();
  ({ port: busyPort } = await listenLocal(busy));

  const built = await netkb(['ingest', '--kb', KB, '--index', indexDir, '--json']);
  expect(built.code, built.stderr).toBe(0);
  firstGeneration = current(indexDir);
  const corruptIndex = path.join(tmp, 'corrupt');
  await cp(indexDir, corruptIndex, { recursive: true });
  await writeFile(path.join(corruptIndex, current(corruptIndex), 'docs.jsonl'), '{not json');
  await writeFile(path.join(tmp, 'a-file'), 'x');
  askNoIndexDir = path.join(tmp, 'built-by-ask');

  const started: Array<[string, () => Promise<Run>]> = [
    ['version', () => netkb(['--version'])],
    ['typoCommand', () => netkb(['ingset', '--kb', KB])],
    ['typoFlag', () => netkb(['ask', '--jsno', QUESTION, '--index', indexDir])],
    ['inspectJson', () => netkb(['inspect', '--index', indexDir, '--json'])],
    ['inspectYaml', () => netkb(['inspect', '--index', indexDir, '-o', 'yaml'])],
    ['inspectOutputJson', () => netkb(['inspect', '--index', indexDir, '--output', 'json'])],
    ['badOutput', () => netkb(['inspect', '--index', indexDir, '-o', 'xml'])],
    ['ask1', () => netkb(['ask', QUESTION, '--kb', KB, '--index', indexDir, '--json'])],
    ['ask2', () => netkb(['ask', QUESTION, '--kb', KB, '--index', indexDir, '-o', 'yaml'])],
    ['askNoIndex', () => netkb(['ask', QUESTION, '--kb', KB, '--index', askNoIndexDir, '--json'])],
    [
      'askMissingKb',
      () => netkb(['ask', QUESTION, '--kb', path.join(tmp, 'no-kb'), '--index', path.join(tmp, 'no-index')]),
    ],
    ['askCorrupt', () => netkb(['ask', QUESTION, '--kb', KB, '--index', corruptIndex])],
    [
      'askVectorsUnavailable',
      () =>
        netkb(['ask', QUESTION, '--index', indexDir], {
          NETKB_VECTORS: 'on',
          NETKB_MODEL_DIR: path.join(tmp, 'no-models'),
        }),
    ],
    [
      'portInUse',
      () =>
        netkb(['serve', '--kb', KB, '--index', indexDir, '--port', String(busyPort), '--host', '127.0.0.1']),
    ],
    ['indexUnderFile', () => netkb(['ingest', '--kb', KB, '--index', path.join(tmp, 'a-file', 'index')])],
    [
      'indexUnderFileDebug',
      () => netkb(['ingest', '--kb', KB, '--index', path.join(tmp, 'a-file', 'index'), '--debug']),
    ],
    ['completionBash', () => netkb(['completion', 'bash'])],
    ['completionFish', () => netkb(['completion', 'fish'])],
  ];
  for (const command of ['ingest', 'inspect', 'serve', 'ask', 'eval', 'completion']) {
    started.push([`help-${command}`, () => netkb([command, '--help'])]);
  }
  // A few at a time: the machine is small and shared.
  const queue = [...started];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) runs[next[0]] = await next[1]();
    }),
  );
  generationsAfterAsk = generations(indexDir);
  runs.refresh = await netkb(['ask', QUESTION, '--kb', KB, '--index', indexDir, '--refresh', '--json']);
}, 600_000);

afterAll(async () => {
  busy.close();
  await rm(tmp, { recursive: true, force: true });
});

function run(name: string): Run {
  const found = runs[name];
  if (!found) throw new Error(`no run ${name}`);
  return found;
}

function expectOneLine(name: string, pattern: RegExp, exitCode = 2): void {
  const r = run(name);
  expect(r.code, r.stderr).toBe(exitCode);
  expect(r.stdout).toBe('');
  expect(r.errLines, r.stderr).toEqual([expect.stringMatching(pattern)]);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('netkb CLI conventions', () => {
  it('--version prints the package version', () => {
    expect(run('version')).toMatchObject({ code: 0, stdout: `netkb ${VERSION}\n`, stderr: '' });
  });

  it('<command> --help prints that command usage on stdout and exits 0, for every command', () => {
    for (const command of ['ingest', 'inspect', 'serve', 'ask', 'eval', 'completion']) {
      const r = run(`help-${command}`);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`usage: netkb ${command}`);
      expect(r.stderr).toBe('');
    }
  });

  it('suggests the command or flag the user probably meant', () => {
    expectOneLine('typoCommand', /^netkb: unknown command 'ingset' \(did you mean 'ingest'\?\)/);
    expectOneLine('typoFlag', /^netkb ask: Unknown flag '--jsno' \(did you mean --json\?\)/);
    expect(didYouMean('inspekt', ['ingest', 'inspect'])).toBe('inspect');
    expect(didYouMean('xyz', ['ingest', 'inspect'])).toBeUndefined();
    expect(didYouMean('ref', ['refresh', 'kb'])).toBe('refresh');
  });

  it('-o json|yaml prints the same structure as --json; a bad -o is a usage error', () => {
    const fromJson = JSON.parse(run('inspectJson').stdout) as unknown;
    expect(parse(run('inspectYaml').stdout)).toEqual(fromJson);
    expect(JSON.parse(run('inspectOutputJson').stdout)).toEqual(fromJson);
    expectOneLine('badOutput', /^netkb inspect: -o must be one of text, json, yaml, got 'xml'/);
  });

  it('ask reads the existing index and writes no generation; --refresh ingests', () => {
    expect(run('ask1').code, run('ask1').stderr).toBe(0);
    expect(run('ask2').code, run('ask2').stderr).toBe(0);
    const body = JSON.parse(run('ask1').stdout) as { citations: Array<{ path: string }> };
    const yamlBody = parse(run('ask2').stdout) as { citations: Array<{ path: string }> };
    expect(body.citations[0]?.path).toBe('kube-ovn/geneve.md');
    expect(yamlBody.citations[0]?.path).toBe(body.citations[0]?.path);
    // Concurrent asks (and the typo run) left the index as ingest wrote it.
    expect(generationsAfterAsk).toEqual([firstGeneration]);
    // Vectors were turned off on purpose: no warning at all.
    expect(run('ask1').stderr).toBe('');
    const refresh = run('refresh');
    expect(refresh.code, refresh.stderr).toBe(0);
    // --refresh ran the ingest; the KB did not change, so it wrote no new generation (nothing to write).
    expect(current(indexDir)).toBe(firstGeneration);
  });

  it('ask builds the index when there is none', () => {
    expect(run('askNoIndex').code, run('askNoIndex').stderr).toBe(0);
    expect(generations(askNoIndexDir)).toHaveLength(1);
  });

  it('says once why vectors are off when the user did not turn them off', () => {
    const r = run('askVectorsUnavailable');
    expect(r.code, r.stderr).toBe(0);
    expect(r.errLines).toHaveLength(1);
    expect(r.errLines[0]).toMatch(/^WARNING: vectors DISABLED/);
  });

  it('missing KB, unreadable index, port in use and a bad path are one readable line with exit 2', () => {
    expectOneLine('askMissingKb', /^netkb ask: .*no-kb/);
    expectOneLine('askCorrupt', /^netkb ask: .*(unreadable|inconsistent|corrupt)/i);
    expectOneLine(
      'portInUse',
      new RegExp(`^netkb serve: Port ${busyPort} on 127\\.0\\.0\\.1 is already in use`),
    );
    const underFile = run('indexUnderFile');
    expect(underFile.code).toBe(2);
    expect(underFile.errLines.at(-1)).toMatch(
      /^netkb ingest: mkdir .*a-file\/index: not a directory \(ENOTDIR\)$/,
    );
    expect(underFile.stderr).not.toMatch(/\n\s+at /);
    // --debug adds the stack trace.
    expect(run('indexUnderFileDebug').stderr).toMatch(/\n\s+at /);
  });

  it('maps disk-full, read-only and missing-file errors to one line and the right exit code', () => {
    const system = (code: string, syscall: string, file: string) =>
      Object.assign(new Error(`${code}: failed, ${syscall} '${file}'`), { code, syscall, path: file });
    expect(describeFailure('ingest', system('ENOSPC', 'write', '/idx/gen-1/docs.json'), 'u', false)).toEqual({
      text: 'netkb ingest: write /idx/gen-1/docs.json: no space left on device (ENOSPC)',
      exitCode: 1,
    });
    expect(describeFailure('ingest', system('EROFS', 'mkdir', '/ro/idx'), 'u', false)).toEqual({
      text: 'netkb ingest: mkdir /ro/idx: read-only file system (EROFS)',
      exitCode: 2,
    });
    expect(describeFailure('eval', system('ENOENT', 'open', '/q.yaml'), 'u', false)).toEqual({
      text: 'netkb eval: open /q.yaml: no such file or directory (ENOENT)',
      exitCode: 2,
    });
    // Wrapped in one of our errors: our message, then the system reason.
    const wrapped = new NetkbError('INDEX_CORRUPT', 'Index files are unreadable', {
      cause: system('EACCES', 'open', '/idx/CURRENT'),
    });
    expect(describeFailure('ask', wrapped, 'u', false).text).toBe(
      'netkb ask: Index files are unreadable: open /idx/CURRENT: permission denied (EACCES)',
    );
    const bug = describeFailure('serve', new TypeError('x is undefined'), 'u', false);
    expect(bug).toEqual({
      text: 'netkb serve: internal error: x is undefined (run with --debug for the stack trace)',
      exitCode: 1,
    });
    expect(describeFailure('serve', new TypeError('x is undefined'), 'u', true).text).toMatch(/\n\s+at /);
  });
});

describe('shell completion', () => {
  it('netkb completion bash completes commands, flags and flag values in a real bash', () => {
    expect(run('completionBash').code).toBe(0);
    const script = run('completionBash').stdout;
    const complete = (words: string[]) => {
      const line = words.map((w) => `'${w}'`).join(' ');
      const result = spawnSync(
        'bash',
        [
          '-c',
          `${script}\nCOMP_WORDS=(${line}); COMP_CWORD=${words.length - 1}; _netkb; printf '%s\\n' "\${COMPREPLY[@]}"`,
        ],
        { encoding: 'utf8', cwd: REPO },
      );
      expect(result.stderr).toBe('');
      return result.stdout.split('\n').filter((w) => w !== '');
    };
    expect(complete(['netkb', 'in'])).toEqual(['ingest', 'inspect']);
    expect(complete(['netkb', 'ask', '--re'])).toEqual(['--refresh']);
    expect(complete(['netkb', 'inspect', '-o', 'y'])).toEqual(['yaml']);
    expect(complete(['netkb', 'serve', '--answer-cache', ''])).toEqual(['on', 'off']);
    expect(complete(['netkb', 'ingest', '--kb', 'tests/fix'])).toEqual(['tests/fixtures']);
    expect(complete(['netkb', 'completion', ''])).toEqual(['bash', 'zsh']);
  });

  it('netkb completion zsh is a compdef script with every command and flag', () => {
    const commands = [
      { name: 'ask', summary: 'answer', usage: 'netkb ask "q" [--kb DIR] [-o text|json|yaml] [--refresh]' },
    ];
    const script = zshCompletion(commands);
    expect(script.startsWith('#compdef netkb\n')).toBe(true);
    expect(script).toContain("'--kb=:value:_files -/'");
    expect(script).toContain("'-o=:value:(text json yaml)'");
    expect(script).toContain("'--refresh'");
    const zsh = spawnSync('zsh', ['-n', '-c', script], { encoding: 'utf8' });
    // zsh parses it when installed (CI images may lack zsh; bash is always there).
    if (zsh.error === undefined) expect(zsh.status, zsh.stderr).toBe(0);
    expect(flagsOf('netkb x [--index DIR] [--questions FILE] [--json]')).toEqual([
      { flag: '--index', argument: { kind: 'dir' } },
      { flag: '--questions', argument: { kind: 'file' } },
      { flag: '--json' },
    ]);
    expect(bashCompletion(commands)).toContain('complete -F _netkb netkb');
  });

  it('an unknown shell is a usage error', () => {
    expectOneLine('completionFish', /^netkb completion: Unknown shell 'fish' \(bash or zsh\)/);
  });
});
