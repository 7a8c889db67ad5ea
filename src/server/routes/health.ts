import type { FastifyInstance } from 'fastify';
import { NetkbError } from '../../core/errors.js';
import type { VectorStatus } from '../../core/types.js';
import type { SlackMode } from '../../integrations/slack/config.js';
import type { Searcher } from '../../retrieve/types.js';
import type { IndexStatus } from '../index-manager.js';
import { kbFingerprint } from '../kb-fingerprint.js';
import { redactPaths } from '../redact.js';
import { ErrorSchema, HealthSchema, ReadySchema } from '../schemas.js';

export interface HealthRouteOptions {
  searcher: () => Searcher | null;
  /** How the Slack app is connected (`off` when not configured). */
  slack?: SlackMode;
  /** Whether the Teams outgoing webhook route is registered. */
  teams?: 'on' | 'off';
  /** Generation and reload state of a server that hot-reloads its index. */
  indexStatus?: () => IndexStatus | undefined;
  /** The store's state: `off`, `ok` or `degraded: <why>`. */
  store?: () => string;
  /** Conversation reads and writes skipped because the store failed or was slow, since start. */
  storeLosses?: () => number;
}

export function vectorsLabel(status: VectorStatus): string {
  return status.enabled ? 'enabled' : `disabled: ${status.reason}`;
}

export async function healthRoutes(app: FastifyInstance, options: HealthRouteOptions): Promise<void> {
  app.get(
    '/healthz',
    {
      logLevel: 'warn',
      schema: { summary: 'Liveness: the process is up', response: { 200: HealthSchema } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      logLevel: 'warn',
      schema: {
        summary: 'Readiness: the index is loaded (503 NOT_READY while it is being built or loaded)',
        response: { 200: ReadySchema, 500: ErrorSchema, 503: ErrorSchema },
      },
    },
    async () => {
      const searcher = options.searcher();
      if (!searcher) throw new NetkbError('NOT_READY');
      const index = options.indexStatus?.();
      return {
        status: 'ready' as const,
        docs: searcher.docs.length,
        chunks: searcher.chunkCount,
        slack: options.slack ?? 'off',
        teams: options.teams ?? 'off',
        // Readiness is public: a reason such as "no model in /srv/models" must not reveal the filesystem.
        vectors: redactPaths(vectorsLabel(searcher.vectors)),
        ...(index?.generation
          ? {
              generation: index.generation,
              serial: index.serial,
              loaded_at: index.loaded_at ?? undefined,
              reloading: index.reloading,
              last_reload_error: index.last_reload_error,
            }
          : {}),
        store: options.store?.() ?? 'off',
        store_losses: options.storeLosses?.() ?? 0,
        index_generation: searcher.generation ?? null,
        kb_fingerprint: kbFingerprint(searcher),
      };
    },
  );
}
