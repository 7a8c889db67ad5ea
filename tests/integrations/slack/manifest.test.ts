import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const MANIFEST = path.resolve(import.meta.dirname, '../../../deploy/slack-app-manifest.yaml');

describe('Slack app manifest', () => {
  it('points Slack at the three routes and asks for the scopes and events netkb uses', () => {
    const manifest = parse(readFileSync(MANIFEST, 'utf8'));
    const base = 'https://netkb.example.com';
    expect(manifest.features.slash_commands[0]).toMatchObject({
      command: '/netkb',
      url: `${base}/slack/commands`,
    });
    expect(manifest.settings.event_subscriptions.request_url).toBe(`${base}/slack/events`);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_mention', 'message.im']);
    expect(manifest.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: `${base}/slack/interactions`,
    });
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([
      'app_mentions:read',
      'chat:write',
      'commands',
      'im:history',
    ]);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });
});
