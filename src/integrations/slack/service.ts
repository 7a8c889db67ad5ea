/**
 * Everything netkb does for Slack after the transport (HTTP routes or Socket Mode) has authenticated and
 * decoded a payload: one code path for both. Slash commands are answered in the response itself; events and
 * button clicks are acknowledged at once and handled in the background (tracked, so shutdown and tests can wait
 * for them). Slack API failures are retried where that makes sense (@slack/web-api: rate limits after
 * Retry-After, network errors and 5xx with backoff), logged with the event id, and never thrown out of here.
 */
import { type RetryOptions, WebClient } from '@slack/web-api';
import type { ChatRequest } from '../../answer/chat.js';
import type { ChatBody } from '../../answer/types.js';
import { threadConversationId } from '../chat/conversation-id.js';
import type { OnceClaimer } from '../chat/dedup.js';
import type { FeedbackRecorder } from '../chat/feedback.js';
import { CHAT_LABELS } from '../chat/labels.js';
import type { SlackBlock, SlackMessage } from './block-kit.js';
import { isAllowedResponseUrl, type SlackConfig } from './config.js';
import { FAILED_TEXT, NOT_READY_TEXT, renderHelp, renderNotice } from './help.js';
import {
  type BlockActions,
  type EventCallback,
  type EventEnvelope,
  questionFromEvent,
  type SlashCommand,
} from './inbound.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { RecentAnswers } from './recent-answers.js';
import { ACTION_IDS, mention, parseActionValue, renderSlackAnswer, withFeedbackTaken } from './render.js';
import { createWebClientLogger, type Log } from './web-logger.js';

/** Slack retries an event for about 5 minutes; claims live three times that. */
export const EVENT_DEDUP_TTL_MS = 15 * 60 * 1000;
/** Longest question sent to retrieval (the chat API's own limit). */
const MAX_QUESTION_CHARS = 2000;

export interface SlackServiceOptions {
  config: SlackConfig;
  /**
   * Answers a question (null while the index is not loaded). `client` names who asks (`slack:<team>:<user>`):
   * the server's turns on the event loop are fair per client.
   */
  answer: (request: ChatRequest, client: string) => Promise<ChatBody | null>;
  feedback: FeedbackRecorder;
  once: OnceClaimer;
  log: Log;
  /** Web API retry policy (tests use a fast one). */
  retryConfig?: RetryOptions;
  /** Per-request timeout for Slack calls, ms. */
  timeoutMs?: number;
}

/** A slash-command response body (also the Socket Mode ack payload). */
export type CommandResponse = SlackMessage & { response_type: 'ephemeral' | 'in_channel' };

export class SlackService {
  readonly web: WebClient | null;
  private readonly recent = new RecentAnswers();
  private readonly pending = new Set<Promise<void>>();
  private botUserId: Promise<string | undefined> | null = null;
  private readonly retryConfig: RetryOptions;
  private readonly timeoutMs: number;

  constructor(private readonly options: SlackServiceOptions) {
    this.retryConfig = options.retryConfig ?? { retries: 4, factor: 2, minTimeout: 500, maxTimeout: 8000 };
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.web = options.config.botToken
      ? new WebClient(options.config.botToken, {
          slackApiUrl: options.config.apiUrl,
          retryConfig: this.retryConfig,
          timeout: this.timeoutMs,
          logger: createWebClientLogger(options.log),
        })
      : null;
  }

  /** Resolves when every background job started so far (and those they started) has finished. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  // --- slash commands ----------------------------------------------------------------------------------------

  async handleCommand(command: SlashCommand): Promise<CommandResponse> {
    const text = command.text.trim();
    if (text === '' || /^(?:help|-h|--help|帮助|\?)$/i.test(text)) {
      return { response_type: 'ephemeral', ...renderHelp(command.command) };
    }
    const body = await this.safeAnswer(
      { message: text.slice(0, MAX_QUESTION_CHARS) },
      `slack:${command.team_id ?? ''}:${command.user_id}`,
      { command: command.command },
    );
    if (!body) return { response_type: 'ephemeral', ...renderNotice(NOT_READY_TEXT) };
    if (body === 'failed') return { response_type: 'ephemeral', ...renderNotice(FAILED_TEXT) };
    this.recent.remember(body);
    const [first, ...more] = renderSlackAnswer(body, { share: true });
    const responseUrl = command.response_url;
    if (more.length > 0 && responseUrl) {
      this.track(async () => {
        for (const page of more)
          await this.postResponse(responseUrl, { response_type: 'ephemeral', ...page });
      });
    }
    return { response_type: 'ephemeral', ...(first as SlackMessage) };
  }

  // --- Events API ----------------------------------------------------------------------------------------------

  /**
   * What to answer Slack right away (the challenge for url_verification, else nothing), having started the
   * answer in the background. A redelivered event (same event_id) is acknowledged and dropped.
   */
  async handleEvent(
    envelope: EventEnvelope,
    retry: { num?: number; reason?: string } = {},
  ): Promise<{ challenge: string } | null> {
    if (envelope.type === 'url_verification') return { challenge: envelope.challenge };
    const first = await this.options.once.claimOnce(`slack:event:${envelope.event_id}`, EVENT_DEDUP_TTL_MS);
    if (!first) {
      this.options.log.info(
        { event_id: envelope.event_id, retry_num: retry.num ?? null, retry_reason: retry.reason ?? null },
        'slack: duplicate event delivery ignored',
      );
      return null;
    }
    this.track(() => this.answerEvent(envelope));
    return null;
  }

  private async answerEvent(envelope: EventCallback): Promise<void> {
    const eventId = envelope.event_id;
    const question = questionFromEvent(envelope, await this.botUser());
    if (!question) return;
    if (!this.web) {
      this.options.log.warn(
        { event_id: eventId },
        'slack: cannot answer events without NETKB_SLACK_BOT_TOKEN',
      );
      return;
    }
    const thread = { channel: question.channel, thread_ts: question.threadTs };
    if (question.text === '') {
      await this.post(eventId, { ...thread, ...renderHelp('/netkb') });
      return;
    }
    const conversationId = threadConversationId('slack', {
      team: question.team,
      channel: question.channel,
      thread: question.threadTs,
    });
    const started = performance.now();
    const body = await this.safeAnswer(
      { message: question.text.slice(0, MAX_QUESTION_CHARS), conversation_id: conversationId },
      `slack:${question.team ?? ''}:${question.user ?? ''}`,
      { event_id: eventId },
    );
    if (body === null || body === 'failed') {
      await this.post(eventId, { ...thread, ...renderNotice(body === null ? NOT_READY_TEXT : FAILED_TEXT) });
      return;
    }
    this.recent.remember(body);
    for (const page of renderSlackAnswer(body)) {
      if (!(await this.post(eventId, { ...thread, ...page }))) break;
    }
    this.options.log.info(
      {
        event_id: eventId,
        answer_id: body.id,
        abstained: body.abstained,
        took_ms: Math.round(performance.now() - started),
      },
      'slack: event answered',
    );
  }

  // --- interactions ----------------------------------------------------------------------------------------------

  /** Acknowledge at once; record feedback / share in the background. */
  handleInteraction(payload: BlockActions): void {
    this.track(() => this.interact(payload));
  }

  private async interact(payload: BlockActions): Promise<void> {
    for (const action of payload.actions) {
      const parsed = parseActionValue(action.value ?? '');
      if (!parsed) continue;
      if (action.action_id === ACTION_IDS.helpful || action.action_id === ACTION_IDS.notHelpful) {
        const helpful = action.action_id === ACTION_IDS.helpful;
        await this.options.feedback.recordFeedback({
          answerId: parsed.answerId,
          helpful,
          channel: 'slack',
          user: payload.user.id,
        });
        this.options.log.info({ answer_id: parsed.answerId, helpful }, 'slack: feedback recorded');
        await this.showFeedbackTaken(payload, parsed, helpful);
      } else if (action.action_id === ACTION_IDS.share) {
        await this.share(payload, parsed);
      }
    }
  }

  private async showFeedbackTaken(
    payload: BlockActions,
    parsed: { lang: 'zh' | 'en'; answerId: string },
    helpful: boolean,
  ): Promise<void> {
    const feedback = { helpful, user: payload.user.id };
    const body = this.recent.get(parsed.answerId);
    const blocks = payload.message?.blocks as SlackBlock[] | undefined;
    // The notification text stays the answer's own; the thank-you shows in the blocks.
    const text =
      (body && renderSlackAnswer(body)[0]?.text) ?? CHAT_LABELS[parsed.lang].thanks(helpful, undefined);
    const ephemeral = payload.container?.is_ephemeral === true;
    if (!ephemeral && blocks && payload.channel && payload.message && this.web) {
      const channel = payload.channel.id;
      const ts = payload.message.ts;
      await this.call(`feedback ${parsed.answerId}`, () =>
        this.web?.chat.update({
          channel,
          ts,
          text,
          blocks: withFeedbackTaken(blocks, parsed.lang, feedback),
        }),
      );
      return;
    }
    if (!payload.response_url) return;
    const updated = blocks
      ? withFeedbackTaken(blocks, parsed.lang, feedback)
      : body
        ? renderSlackAnswer(body, { share: ephemeral, feedback }).at(-1)?.blocks
        : undefined;
    if (updated)
      await this.postResponse(payload.response_url, { replace_original: true, text, blocks: updated });
  }

  private async share(payload: BlockActions, parsed: { lang: 'zh' | 'en'; answerId: string }): Promise<void> {
    if (!payload.response_url) return;
    const body = this.recent.get(parsed.answerId);
    if (!body) {
      const expired = renderNotice(CHAT_LABELS[parsed.lang].expired);
      await this.postResponse(payload.response_url, {
        response_type: 'ephemeral',
        replace_original: false,
        ...expired,
      });
      return;
    }
    const note = CHAT_LABELS[parsed.lang].sharedBy(mention(payload.user.id) ?? escapeMrkdwn(payload.user.id));
    for (const page of renderSlackAnswer(body, { note })) {
      await this.postResponse(payload.response_url, {
        response_type: 'in_channel',
        replace_original: false,
        ...page,
      });
    }
  }

  // --- Slack I/O -------------------------------------------------------------------------------------------------

  /** The bot's own user id (auth.test, once; retried on the next event after a failure). */
  private async botUser(): Promise<string | undefined> {
    if (!this.web) return undefined;
    if (!this.botUserId) {
      const web = this.web;
      this.botUserId = web.auth.test().then(
        (result) => result.user_id,
        (error: unknown) => {
          this.options.log.warn(
            { err: error },
            'slack: auth.test failed; mentions of other users are not told apart',
          );
          this.botUserId = null;
          return undefined;
        },
      );
    }
    return this.botUserId;
  }

  /** chat.postMessage; false (logged) when it failed for good. */
  private async post(
    eventId: string,
    message: SlackMessage & { channel: string; thread_ts: string },
  ): Promise<boolean> {
    const web = this.web;
    if (!web) return false;
    return this.call(`event ${eventId}`, () => web.chat.postMessage(message), eventId);
  }

  private async call(
    what: string,
    run: () => Promise<unknown> | undefined,
    eventId?: string,
  ): Promise<boolean> {
    try {
      await run();
      return true;
    } catch (error) {
      const data = (error as { data?: { error?: string } }).data;
      this.options.log.error(
        { event_id: eventId ?? null, slack_error: data?.error ?? null, err: error },
        `slack: API call failed (${what})`,
      );
      return false;
    }
  }

  /** POSTs to a response_url (Slack's hosts or the configured API host only), retrying network errors and 5xx. */
  async postResponse(url: string, body: object): Promise<boolean> {
    if (!isAllowedResponseUrl(url, this.options.config.apiUrl)) {
      this.options.log.warn({ host: safeHost(url) }, 'slack: response_url host not allowed; not posting');
      return false;
    }
    const attempts = Math.max(1, (this.retryConfig.retries ?? 3) + 1);
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify(body),
          redirect: 'error',
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        await response.arrayBuffer();
        if (response.ok) return true;
        if (response.status < 500 && response.status !== 429) {
          this.options.log.error({ status: response.status }, 'slack: response_url rejected the message');
          return false;
        }
        const retryAfter = Number(response.headers.get('retry-after'));
        if (attempt < attempts)
          await sleep(
            Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : this.backoff(attempt),
          );
      } catch (error) {
        if (attempt === attempts) {
          this.options.log.error({ err: error }, 'slack: response_url unreachable');
          return false;
        }
        await sleep(this.backoff(attempt));
      }
    }
    this.options.log.error('slack: response_url kept failing');
    return false;
  }

  private backoff(attempt: number): number {
    const min = this.retryConfig.minTimeout ?? 500;
    const max = this.retryConfig.maxTimeout ?? 8000;
    return Math.min(max, min * (this.retryConfig.factor ?? 2) ** (attempt - 1));
  }

  private async safeAnswer(
    request: ChatRequest,
    client: string,
    context: Record<string, unknown>,
  ): Promise<ChatBody | null | 'failed'> {
    try {
      return await this.options.answer(request, client);
    } catch (error) {
      this.options.log.error({ ...context, err: error }, 'slack: answering failed');
      return 'failed';
    }
  }

  private track(job: () => Promise<void>): void {
    // Started on the next turn of the event loop, so the ack is written before the answer is computed.
    const run = new Promise<void>((resolve) => setImmediate(resolve)).then(job).catch((error: unknown) => {
      this.options.log.error({ err: error }, 'slack: background job failed');
    });
    const done = run.finally(() => this.pending.delete(done));
    this.pending.add(done);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
