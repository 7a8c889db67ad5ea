#!/usr/bin/env node
/**
 * Shrinks a production `node_modules` (after `npm ci --omit=dev`) to what netkb loads at run time on this
 * platform. Used by the Dockerfile's build stage; plain Node (no dev dependencies) so it runs there.
 *
 * - onnxruntime-node ships every OS's and CPU's binaries: keep only `bin/napi-v3/<platform>/<arch>`.
 * - onnxruntime-web is imported (statically) by @xenova/transformers but never used under Node, which picks
 *   onnxruntime-node: keep its Node entry point (`dist/ort-web.node.js`), drop the browser bundles and WASM.
 * - @xenova/transformers' `dist/` holds browser bundles; Node loads `src/`.
 * - protobufjs' `cli/` is a code generator, not needed to read models.
 * - mermaid is served to browsers as its prebuilt `dist/mermaid.min.js`: keep that file, drop the rest of the
 *   package and every package only mermaid depends on (d3, cytoscape, katex …), found from npm's hidden lock file.
 * - tree-sitter-bash is loaded as `tree-sitter-bash.wasm`: drop its C sources, bindings and prebuilt addons.
 * - better-sqlite3 needs `lib/` and the built addon: drop the SQLite sources and the build's object files.
 *
 * Usage: node scripts/prune-runtime.mjs [node_modules dir]   (prints the bytes removed)
 */
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? 'node_modules');

function sizeOf(target) {
  const stat = statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(target).reduce((sum, name) => sum + sizeOf(path.join(target, name)), 0);
}

let removed = 0;
function remove(target) {
  removed += sizeOf(target);
  rmSync(target, { recursive: true, force: true });
}

const onnxBin = path.join(root, 'onnxruntime-node', 'bin', 'napi-v3');
for (const platform of readdirSync(onnxBin, { withFileTypes: true }).filter((e) => e.isDirectory())) {
  const platformDir = path.join(onnxBin, platform.name);
  if (platform.name !== process.platform) {
    remove(platformDir);
    continue;
  }
  for (const arch of readdirSync(platformDir)) if (arch !== process.arch) remove(path.join(platformDir, arch));
}

const webDist = path.join(root, 'onnxruntime-web', 'dist');
for (const name of readdirSync(webDist)) if (name !== 'ort-web.node.js') remove(path.join(webDist, name));

remove(path.join(root, '@xenova', 'transformers', 'dist'));
remove(path.join(root, 'protobufjs', 'cli'));

/** Keeps only `keep` (paths relative to the package) of one package. */
function keepOnly(pkg, keep) {
  const dir = path.join(root, pkg);
  for (const name of readdirSync(dir)) {
    if (keep.includes(name)) continue;
    const nested = keep.filter((k) => k.startsWith(`${name}/`)).map((k) => k.slice(name.length + 1));
    if (nested.length === 0) remove(path.join(dir, name));
    else keepOnly(path.join(pkg, name), nested);
  }
}

/** Lock-file keys ("node_modules/a/node_modules/b") of the packages reachable from `names`, skipping `skip`. */
function reachable(packages, names, skip) {
  const seen = new Set();
  const resolve = (from, name) => {
    for (let base = from; ; ) {
      const key = `${base ? `${base}/` : ''}node_modules/${name}`;
      if (packages[key]) return key;
      if (!base) return null;
      const cut = base.lastIndexOf('node_modules/');
      base = cut <= 0 ? '' : base.slice(0, cut - 1);
    }
  };
  const visit = (from, name) => {
    if (skip.has(name)) return;
    const key = resolve(from, name);
    if (!key || seen.has(key)) return;
    seen.add(key);
    const entry = packages[key];
    for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) visit(key, dep);
  };
  for (const name of names) visit('', name);
  return seen;
}

const packages = JSON.parse(readFileSync(path.join(root, '.package-lock.json'), 'utf8')).packages;
const rootDeps = Object.keys(JSON.parse(readFileSync(path.join(root, '..', 'package.json'), 'utf8')).dependencies);
const withoutMermaid = reachable(packages, rootDeps, new Set(['mermaid']));
for (const key of reachable(packages, ['mermaid'], new Set())) {
  if (key !== 'node_modules/mermaid' && !withoutMermaid.has(key)) remove(path.join(root, '..', key));
}
keepOnly('mermaid', ['package.json', 'LICENSE', 'dist/mermaid.min.js']);
keepOnly('tree-sitter-bash', ['package.json', 'LICENSE', 'tree-sitter-bash.wasm']);
keepOnly('better-sqlite3', ['package.json', 'LICENSE', 'lib', 'build/Release/better_sqlite3.node']);

process.stdout.write(`prune-runtime: removed ${(removed / 1024 / 1024).toFixed(1)} MiB from ${root}\n`);
