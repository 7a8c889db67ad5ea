import { describe, expect, it } from 'vitest';
import { NetkbError } from '../../../src/core/errors.js';
import {
  isAllowedResponseUrl,
  slackConfigFromEnv,
  slackMode,
} from '../../../src/integrations/slack/config.js';
import { questionFromEvent, slackTextToPlain } from '../../../src/integrations/slack/inbound.js';

describe('Slack configuration', () => {
  it('is off without a signing secret or app token', () => {
    expect(slackConfigFromEnv({})).toBeNull();
    expect(slackMode(null)).toBe('off');
  });

  it('http with a signing secret, socket with an app token; the API URL defaults to Slack and gets a slash', () => {
    const http = slackConfigFromEnv({ NETKB_SLACK_SIGNING_SECRET: 's', NETKB_SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(http).toEqual({
      signingSecret: 's',
      botToken: 'xoxb-1',
      appToken: undefined,
      apiUrl: 'https://slack.com/api/',
    });
    expect(slackMode(http)).toBe('http');
    const socket = slackConfigFromEnv({
      NETKB_SLACK_APP_TOKEN: 'xapp-1',
      NETKB_SLACK_BOT_TOKEN: 'xoxb-1',
      NETKB_SLACK_API_URL: 'http://127.0.0.1:9999/api',
    });
    expect(socket?.apiUrl).toBe('http://127.0.0.1:9999/api/');
    expect(slackMode(socket)).toBe('socket');
  });

  it('rejects inconsistent settings with INVALID_CONFIG', () => {
    const bad = [
      { NETKB_SLACK_BOT_TOKEN: 'xoxb-1' },
      { NETKB_SLACK_SIGNING_SECRET: 's', NETKB_SLACK_BOT_TOKEN: 'xoxp-user' },
      { NETKB_SLACK_APP_TOKEN: 'xapp-1' },
      { NETKB_SLACK_APP_TOKEN: 'xoxb-1', NETKB_SLACK_BOT_TOKEN: 'xoxb-1' },
      { NETKB_SLACK_SIGNING_SECRET: 's', NETKB_SLACK_API_URL: 'not a url' },
      { NETKB_SLACK_SIGNING_SECRET: 's', NETKB_SLACK_API_URL: 'ftp://x/' },
    ];
    for (const env of bad) {
      expect(() => slackConfigFromEnv(env), JSON.stringify(env)).toThrow(NetkbError);
    }
  });

  it('posts to response_url only on Slack hosts over https or the configured API host', () => {
    const api = 'http://127.0.0.1:4000/api/';
    expect(isAllowedResponseUrl('https://hooks.slack.com/commands/T1/1/x', 'https://slack.com/api/')).toBe(
      true,
    );
    expect(isAllowedResponseUrl('http://hooks.slack.com/commands/T1/1/x', 'https://slack.com/api/')).toBe(
      false,
    );
    expect(isAllowedResponseUrl('https://hooks.slack.com.evil.io/x', 'https://slack.com/api/')).toBe(false);
    expect(isAllowedResponseUrl('http://127.0.0.1:4000/response/1', api)).toBe(true);
    expect(isAllowedResponseUrl('http://127.0.0.1:4001/response/1', api)).toBe(false);
    expect(isAllowedResponseUrl('not a url', api)).toBe(false);
  });
});

describe('inbound Slack text', () => {
  it('strips the bot mention, decodes entities and links', () => {
    expect(slackTextToPlain('<@UBOT> pod &lt;-&gt; node &amp; <https://x.io/a|doc> <@U2|bob>', 'UBOT')).toBe(
      'pod <-> node & doc @bob',
    );
    expect(slackTextToPlain('<@UANY> geneve 不通', undefined)).toBe('geneve 不通');
  });

  it('answers mentions and DMs, threads on the parent, ignores bots and edits', () => {
    const envelope = (event: Record<string, unknown>) => ({
      type: 'event_callback' as const,
      event_id: 'Ev1',
      team_id: 'T1',
      event: { type: 'app_mention', user: 'U1', text: '<@UBOT> hi', ts: '2.0', channel: 'C1', ...event },
    });
    expect(questionFromEvent(envelope({}), 'UBOT')).toEqual({
      text: 'hi',
      team: 'T1',
      channel: 'C1',
      threadTs: '2.0',
      user: 'U1',
    });
    expect(questionFromEvent(envelope({ thread_ts: '1.0' }), 'UBOT')?.threadTs).toBe('1.0');
    expect(questionFromEvent(envelope({ type: 'message', channel_type: 'im' }), 'UBOT')?.text).toBe('hi');
    expect(questionFromEvent(envelope({ type: 'message', channel_type: 'channel' }), 'UBOT')).toBeNull();
    expect(questionFromEvent(envelope({ user: 'UBOT' }), 'UBOT')).toBeNull();
    expect(questionFromEvent(envelope({ bot_id: 'B1' }), 'UBOT')).toBeNull();
    expect(questionFromEvent(envelope({ subtype: 'message_changed' }), 'UBOT')).toBeNull();
  });
});
