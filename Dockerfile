# syntax=docker/dockerfile:1
# netkb: build stage compiles TypeScript, builds native addons and the KB index; runtime stage is small and non-root.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json ./
COPY src ./src
COPY kb ./kb
RUN npm run build && npm prune --omit=dev
# Build the index into the image. With network access the embedding model is downloaded into /app/models;
# without it (or with --build-arg NETKB_VECTORS=off) the index is built for trigger + lexical search only.
ARG NETKB_VECTORS=on
ENV NETKB_VECTORS=${NETKB_VECTORS} NETKB_CACHE_DIR=/app/models
RUN mkdir -p /app/models && node dist/cli/main.js ingest --kb kb --index /app/index

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NETKB_CACHE_DIR=/app/models NETKB_ALLOW_REMOTE_MODELS=0
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/kb ./kb
COPY --from=build --chown=node:node /app/index ./index
COPY --from=build --chown=node:node /app/models ./models
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:8080/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/cli/main.js", "serve", "--kb", "kb", "--index", "index", "--host", "0.0.0.0", "--port", "8080"]
