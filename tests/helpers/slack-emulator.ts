/**
 * A local Slack for tests: a real HTTP server implementing the Web API methods netkb uses (auth.test,
 * chat.postMessage, chat.update, apps.connections.open), response_url endpoints, and a real WebSocket server
 * speaking the Socket Mode envelope protocol (hello, envelopes, acks, disconnect). It records every call.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { listenLocal } from './listen.js';

export interface ApiCall {
  method: string;
  /** Form fields (JSON values such as `blocks` decoded) or the JSON body. */
  args: Record<string, unknown>;
  authorization: string | undefined;
  at: number;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

export interface ScriptedReply {
  /** 0: cut the connection without answering (a network failure). */
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

export const BOT_USER_ID = 'UBOT0001';
export const BOT_ID = 'BBOT0001';

export class SlackEmulator {
  readonly calls: ApiCall[] = [];
  readonly responsePosts: ResponseUrlPost[] = [];
  /** Acks received over Socket Mode, by envelope id. */
  readonly acks = new Map<string, Record<string, unknown>>();
  connections = 0;
  private server: Server;
  private wss: WebSocketServer;
  private scripted = new Map<string, ScriptedReply[]>();
  private socket: WebSocket | null = null;
  private waiters: Array<() => void> = [];
  private ackWaiters = new Map<string, (payload: Record<string, unknown>) => void>();
  private tsCounter = 0;

  private constructor() {
    this.server = createServer((request, response) => {
      void this.route(request, response);
    });
    this.wss = new WebSocketServer({ server: this.server, path: '/socket' });
    this.wss.on('connection', (socket) => this.onSocket(socket));
  }

  static async start(): Promise<SlackEmulator> {
    const emulator = new SlackEmulator();
    await listenLocal(emulator.server);
    return emulator;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  /** A response_url on this emulator. */
  responseUrl(id: string = randomUUID()): string {
    return `${this.origin}/response/${id}`;
  }

  /** The next calls of `method` get these replies, in order (then normal behaviour resumes). */
  script(method: string, ...replies: ScriptedReply[]): void {
    this.scripted.set(method, [...(this.scripted.get(method) ?? []), ...replies]);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves once `predicate` holds (checked after every recorded call), or rejects after `timeoutMs`. */
  async waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    const started = Date.now();
    while (!predicate()) {
      if (Date.now() - started > timeoutMs) throw new Error('slack emulator: timed out waiting');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  reset(): void {
    this.calls.length = 0;
    this.responsePosts.length = 0;
    this.scripted.clear();
  }

  // --- Socket Mode -----------------------------------------------------------------------------------------------

  get socketOpen(): boolean {
    return this.socket !== null && this.socket.readyState === this.socket.OPEN;
  }

  /** Sends an envelope over the current socket; resolves with the app's ack payload. */
  async sendEnvelope(
    type: 'events_api' | 'slash_commands' | 'interactive',
    payload: unknown,
    extra: Record<string, unknown> = {},
  ): Promise<Record<string, unknown>> {
    // Between a drop and the app's reconnect there is no socket: wait for it, as Slack queues envelopes.
    await this.waitFor(() => this.socketOpen);
    const socket = this.socket;
    if (!socket) throw new Error('slack emulator: no socket connected');
    const envelopeId = randomUUID();
    const acked = new Promise<Record<string, unknown>>((resolve) => this.ackWaiters.set(envelopeId, resolve));
    socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== 'events_api',
        retry_attempt: 0,
        retry_reason: '',
        ...extra,
      }),
    );
    return acked;
  }

  /** Slack asks the app to reconnect (as it does before rotating a connection). */
  sendDisconnect(reason = 'refresh_requested'): void {
    this.socket?.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'emulator' } }));
  }

  /** The connection drops without a close frame. */
  dropSocket(): void {
    this.socket?.terminate();
    this.socket = null;
  }

  private onSocket(socket: WebSocket): void {
    this.connections += 1;
    this.socket = socket;
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: Record<string, unknown> };
      if (!message.envelope_id) return;
      this.acks.set(message.envelope_id, message.payload ?? {});
      this.ackWaiters.get(message.envelope_id)?.(message.payload ?? {});
      this.ackWaiters.delete(message.envelope_id);
    });
    socket.on('close', () => {
      if (this.socket === socket) this.socket = null;
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'emulator', approximate_connection_time: 3600 },
        connection_info: { app_id: 'A0EMULATOR' },
      }),
    );
    this.notify();
  }

  // --- HTTP ------------------------------------------------------------------------------------------------------

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', this.origin);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      response.end(JSON.stringify(body));
      this.notify();
    };

    if (url.pathname.startsWith('/response/')) {
      this.responsePosts.push({
        id: url.pathname.slice('/response/'.length),
        body: JSON.parse(raw),
        at: Date.now(),
      });
      const scripted = this.scripted.get('response_url')?.shift();
      if (scripted) return reply(scripted.status, scripted.body, scripted.headers);
      return reply(200, { ok: true });
    }
    if (!url.pathname.startsWith('/api/')) return reply(404, { ok: false, error: 'unknown_method' });
    const method = url.pathname.slice('/api/'.length);
    const args = parseArgs(raw, request.headers['content-type']);
    const authorization = request.headers.authorization;
    this.calls.push({ method, args, authorization, at: Date.now() });
    const scripted = this.scripted.get(method)?.shift();
    if (scripted?.status === 0) {
      // A network failure: the connection is cut without a response.
      request.socket.destroy();
      this.notify();
      return;
    }
    if (scripted) return reply(scripted.status, scripted.body, scripted.headers);

    const token = authorization?.replace(/^Bearer /, '') ?? (args.token as string | undefined);
    switch (method) {
      case 'auth.test':
        if (!token?.startsWith('xoxb-')) return reply(200, { ok: false, error: 'invalid_auth' });
        return reply(200, {
          ok: true,
          user_id: BOT_USER_ID,
          bot_id: BOT_ID,
          team_id: 'T0EMULATOR',
          user: 'netkb',
        });
      case 'chat.postMessage': {
        if (!token?.startsWith('xoxb-')) return reply(200, { ok: false, error: 'invalid_auth' });
        this.tsCounter += 1;
        const ts = `1700000000.${String(this.tsCounter).padStart(6, '0')}`;
        return reply(200, { ok: true, channel: args.channel, ts, message: { ...args, ts, bot_id: BOT_ID } });
      }
      case 'chat.update':
        if (!token?.startsWith('xoxb-')) return reply(200, { ok: false, error: 'invalid_auth' });
        return reply(200, { ok: true, channel: args.channel, ts: args.ts, text: args.text });
      case 'apps.connections.open':
        if (!token?.startsWith('xapp-')) return reply(200, { ok: false, error: 'not_allowed_token_type' });
        return reply(200, {
          ok: true,
          url: `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/socket`,
        });
      default:
        return reply(200, { ok: false, error: 'unknown_method' });
    }
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json'))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return out;
}
