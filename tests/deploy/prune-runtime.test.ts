import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = path.resolve('scripts/prune-runtime.mjs');
const tmp = mkdtempSync(path.join(tmpdir(), 'netkb-prune-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function file(relative: string, content = 'x') {
  const target = path.join(tmp, relative);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
}

/** A production tree shaped like netkb's: what the image's deps stage has after `npm ci --omit=dev`. */
function productionTree() {
  const lock: Record<string, { dependencies?: Record<string, string> }> = {
    'node_modules/mermaid': { dependencies: { d3: '7', katex: '0.16', 'shared-util': '1' } },
    'node_modules/d3': { dependencies: { 'd3-array': '3' } },
    'node_modules/d3-array': {},
    'node_modules/katex': {},
    'node_modules/mermaid/node_modules/dompurify': {},
    'node_modules/shared-util': {},
    'node_modules/fastify': { dependencies: { 'shared-util': '1' } },
    'node_modules/tree-sitter-bash': {},
    'node_modules/better-sqlite3': {},
    'node_modules/onnxruntime-node': {},
  };
  file(
    'package.json',
    JSON.stringify({ dependencies: { mermaid: '11', fastify: '5', 'tree-sitter-bash': '0' } }),
  );
  file('node_modules/.package-lock.json', JSON.stringify({ packages: lock }));
  for (const key of Object.keys(lock)) file(`${key}/package.json`, '{}');
  file('node_modules/mermaid/dist/mermaid.min.js');
  file('node_modules/mermaid/dist/mermaid.esm.mjs');
  file('node_modules/tree-sitter-bash/tree-sitter-bash.wasm');
  file('node_modules/tree-sitter-bash/src/parser.c');
  file('node_modules/better-sqlite3/lib/index.js');
  file('node_modules/better-sqlite3/deps/sqlite3.tar.gz');
  file('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  file('node_modules/better-sqlite3/build/Release/obj/sqlite3.o');
  file(`node_modules/onnxruntime-node/bin/napi-v3/${process.platform}/${process.arch}/onnxruntime.node`);
  file('node_modules/onnxruntime-node/bin/napi-v3/other-os/x64/onnxruntime.node');
  file('node_modules/onnxruntime-web/dist/ort-web.node.js');
  file('node_modules/onnxruntime-web/dist/ort.wasm');
  file('node_modules/@xenova/transformers/dist/transformers.js');
  file('node_modules/protobufjs/cli/pbjs.js');
}

describe('scripts/prune-runtime.mjs', () => {
  it('keeps what netkb loads and drops mermaid-only packages, grammar sources and build leftovers', () => {
    productionTree();
    const printed = execFileSync(process.execPath, [SCRIPT, path.join(tmp, 'node_modules')], {
      encoding: 'utf8',
    });
    expect(printed).toMatch(/^prune-runtime: removed [\d.]+ MiB/);
    const kept = (p: string) => existsSync(path.join(tmp, 'node_modules', p));

    for (const p of [
      'mermaid/dist/mermaid.min.js',
      'shared-util/package.json', // mermaid needs it, and so does fastify
      'fastify/package.json',
      'tree-sitter-bash/tree-sitter-bash.wasm',
      'better-sqlite3/lib/index.js',
      'better-sqlite3/build/Release/better_sqlite3.node',
      `onnxruntime-node/bin/napi-v3/${process.platform}/${process.arch}/onnxruntime.node`,
      'onnxruntime-web/dist/ort-web.node.js',
    ])
      expect(kept(p), p).toBe(true);
    for (const p of [
      'mermaid/dist/mermaid.esm.mjs',
      'mermaid/node_modules',
      'd3',
      'd3-array',
      'katex',
      'tree-sitter-bash/src',
      'better-sqlite3/deps',
      'better-sqlite3/build/Release/obj',
      'onnxruntime-node/bin/napi-v3/other-os',
      'onnxruntime-web/dist/ort.wasm',
      '@xenova/transformers/dist',
      'protobufjs/cli',
    ])
      expect(kept(p), p).toBe(false);
  });
});
