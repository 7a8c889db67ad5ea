/** Who a Slack request names, as the per-user rate limit keys it (pure). */
import { describe, expect, it } from 'vitest';
import {
  eventUser,
  interactionUser,
  parseEventEnvelope,
  parseSlashCommand,
  slashCommandUser,
} from '../../../src/integrations/slack/inbound.js';

describe('Slack request users', () => {
  it('a slash command is its team_id:user_id (user_id alone without a team)', () => {
    const form = (fields: Record<string, string>) =>
      parseSlashCommand(
        new URLSearchParams({ command: '/netkb', text: 'x', channel_id: 'C1', user_id: 'U1', ...fields }),
      );
    expect(slashCommandUser(form({ team_id: 'T1' }))).toBe('T1:U1');
    expect(slashCommandUser(form({}))).toBe('U1');
    expect(slashCommandUser(form({ user_id: '' }))).toBeUndefined();
    expect(slashCommandUser(null)).toBeUndefined();
  });

  it('an event callback is its team_id:event.user; url_verification and bot events name no one', () => {
    const callback = (event: Record<string, unknown>, team: Record<string, string> = { team_id: 'T1' }) =>
      parseEventEnvelope({
        type: 'event_callback',
        event_id: 'Ev1',
        ...team,
        event: { type: 'app_mention', ...event },
      });
    expect(eventUser(callback({ user: 'U1' }))).toBe('T1:U1');
    expect(eventUser(callback({ user: 'U1', team: 'T9' }, {}))).toBe('T9:U1');
    expect(eventUser(callback({ bot_id: 'B1' }))).toBeUndefined();
    expect(eventUser(parseEventEnvelope({ type: 'url_verification', challenge: 'c' }))).toBeUndefined();
    expect(eventUser(null)).toBeUndefined();
  });

  it('any interaction is its team:user.id, the team from team.id or user.team_id', () => {
    expect(interactionUser({ type: 'block_actions', user: { id: 'U1' }, team: { id: 'T1' } })).toBe('T1:U1');
    expect(interactionUser({ type: 'shortcut', user: { id: 'U1', team_id: 'T2' }, team: null })).toBe(
      'T2:U1',
    );
    expect(interactionUser({ type: 'view_submission', user: { id: 'U1' } })).toBe('U1');
    for (const payload of [{}, { user: { id: 7 } }, { user: null }, null, 'x', 3]) {
      expect(interactionUser(payload), JSON.stringify(payload)).toBeUndefined();
    }
  });
});
