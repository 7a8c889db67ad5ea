/**
 * Socket Mode: for teams that cannot expose an HTTP endpoint. @slack/socket-mode opens the WebSocket from
 * `apps.connections.open` (on the configured API URL), answers pings, and reconnects on `disconnect` messages
 * and dropped sockets with backoff; we ack each envelope and hand its payload to the same SlackService the
 * HTTP routes use. The envelope itself is Slack's authentication (the socket was opened with the app token),
 * so there is no request signature here.
 */
import { SocketModeClient } from '@slack/socket-mode';
import { parseBlockActions, parseEventEnvelope, parseSlashCommand } from './inbound.js';
import type { SlackService } from './service.js';
import { createWebClientLogger, type Log } from './web-logger.js';

export interface SocketModeOptions {
  appToken: string;
  apiUrl: string;
  service: SlackService;
  log: Log;
  /** How long a pong may take (also the reconnect backoff step: n × this after n failures). */
  clientPingTimeoutMs: number;
  /** How long without a ping from Slack before the socket counts as dead. */
  serverPingTimeoutMs: number;
}

interface SlackEventArgs {
  ack: (response?: Record<string, unknown>) => Promise<void>;
  envelope_id: string;
  type: string;
  body: unknown;
  retry_num?: number;
  retry_reason?: string;
}

/** Connects in the background; resolves with the function that disconnects for good. */
export async function startSocketMode(
  options: Partial<SocketModeOptions> &
    Omit<SocketModeOptions, 'clientPingTimeoutMs' | 'serverPingTimeoutMs'>,
): Promise<() => Promise<void>> {
  const { service, log } = options;
  const client = new SocketModeClient({
    appToken: options.appToken,
    clientOptions: { slackApiUrl: options.apiUrl },
    logger: createWebClientLogger(log, 'slack-socket-mode'),
    clientPingTimeout: options.clientPingTimeoutMs ?? 5000,
    serverPingTimeout: options.serverPingTimeoutMs ?? 30_000,
  });

  client.on('slack_event', async (args: SlackEventArgs) => {
    try {
      await onEnvelope(service, log, args);
    } catch (error) {
      log.error({ err: error, envelope_id: args.envelope_id }, 'slack: socket mode envelope failed');
    }
  });
  client.on('connected', () => log.info('slack: socket mode connected'));
  client.on('reconnecting', () => log.warn('slack: socket mode reconnecting'));

  const started = client.start().catch((error: unknown) => {
    log.error({ err: error }, 'slack: socket mode could not start');
  });
  return async () => {
    await started;
    await client.disconnect();
  };
}

async function onEnvelope(service: SlackService, log: Log, args: SlackEventArgs): Promise<void> {
  switch (args.type) {
    case 'events_api': {
      await args.ack();
      const envelope = parseEventEnvelope(args.body);
      if (!envelope) {
        log.warn({ envelope_id: args.envelope_id }, 'slack: unreadable event envelope ignored');
        return;
      }
      await service.handleEvent(envelope, { num: args.retry_num, reason: args.retry_reason });
      return;
    }
    case 'slash_commands': {
      const command = parseSlashCommand(args.body);
      if (!command) {
        await args.ack();
        return;
      }
      // The ack carries the answer, exactly like the HTTP response does.
      await args.ack({ ...(await service.handleCommand(command)) });
      return;
    }
    case 'interactive': {
      await args.ack();
      const actions = parseBlockActions(args.body);
      if (actions) service.handleInteraction(actions);
      return;
    }
    default:
      await args.ack();
  }
}
