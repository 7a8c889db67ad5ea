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
 *
 * Usage: node scripts/prune-runtime.mjs [node_modules dir]   (prints the bytes removed)
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
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

process.stdout.write(`prune-runtime: removed ${(removed / 1024 / 1024).toFixed(1)} MiB from ${root}\n`);
