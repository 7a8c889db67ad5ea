# syntax=docker/dockerfile:1
# netkb image: Node 24 LTS (exact version; pin a digest with --build-arg NODE_IMAGE=node:24.11.1-bookworm-slim@sha256:…),
# multi-stage, non-root, production dependencies only, and only this platform's native binaries.
ARG NODE_IMAGE=node:24.11.1-bookworm-slim

# --- toolchain for the native addon (hnswlib-node builds from source) ----------------------------------------------
FROM ${NODE_IMAGE} AS toolchain
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*

# --- production node_modules: npm ci --omit=dev, then drop other platforms' binaries and browser bundles -----------
FROM toolchain AS deps
COPY package.json package-lock.json ./
COPY scripts/prune-runtime.mjs ./scripts/
RUN npm ci --omit=dev --no-audit --no-fund && node scripts/prune-runtime.mjs node_modules \
  && rm -rf node_modules/hnswlib-node/build/Release/obj.target node_modules/hnswlib-node/build/Release/.deps

# --- compile TypeScript (dev dependencies live only in this stage) ------------------------------------------------
FROM toolchain AS build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
RUN npm run build

# --- bake the bundled KB's index into the image (optional at run time: serve rebuilds it when kb/ changes) ---------
# With network access the embedding model is downloaded into /app/models; without it (or with
# --build-arg NETKB_VECTORS=off) the index is built for trigger + lexical search only.
FROM ${NODE_IMAGE} AS index
WORKDIR /app
ARG NETKB_VECTORS=on
ENV NETKB_VECTORS=${NETKB_VECTORS} NETKB_CACHE_DIR=/app/models
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY kb ./kb
RUN mkdir -p /app/models && node dist/cli/main.js ingest --kb kb --index /app/index

# --- runtime --------------------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE}
WORKDIR /app
ENV NODE_ENV=production NETKB_CACHE_DIR=/app/models NETKB_ALLOW_REMOTE_MODELS=0
COPY --from=index --chown=node:node /app/package.json ./
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=index --chown=node:node /app/kb ./kb
COPY --from=index --chown=node:node /app/index ./index
COPY --from=index --chown=node:node /app/models ./models
# uid 1000 ("node" in the base image); numeric so Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:8080/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# KB and index: baked in at /app/kb and /app/index; mount a volume over either to use your own (see README).
CMD ["node", "dist/cli/main.js", "serve", "--kb", "kb", "--index", "index", "--host", "0.0.0.0", "--port", "8080"]
