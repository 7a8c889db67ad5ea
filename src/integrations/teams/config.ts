/**
 * Teams settings from the environment: `NETKB_TEAMS_SECRET` (the outgoing webhook's base64 security token;
 * several comma-separated, one per team's webhook) and `NETKB_PUBLIC_URL` (where netkb's web pages are, for
 * "view runbook" links). Without a secret the Teams route is not registered.
 */
import { NetkbError } from '../../core/errors.js';
import { decodeTeamsToken } from './signature.js';

export interface TeamsConfig {
  /** Decoded HMAC keys, one per configured token. */
  keys: Buffer[];
  /** Base URL of the web pages without a trailing slash, or null for no links. */
  publicUrl: string | null;
  /** How long an answer may take before the reply says "ask again" (Teams waits 5 s); default 4000. */
  answerDeadlineMs?: number;
}

/** null when `NETKB_TEAMS_SECRET` is unset or empty (Teams off); INVALID_CONFIG for a malformed value. */
export function teamsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): TeamsConfig | null {
  const secret = env.NETKB_TEAMS_SECRET?.trim();
  if (!secret) return null;
  const keys = secret.split(',').map((token, index) => {
    const key = decodeTeamsToken(token);
    if (!key || key.length < 16) {
      throw new NetkbError(
        'INVALID_CONFIG',
        `NETKB_TEAMS_SECRET: token ${index + 1} is not a base64 security token (paste it as Teams showed it)`,
      );
    }
    return key;
  });
  return { keys, publicUrl: publicUrlFromEnv(env) };
}

export function publicUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  const raw = env.NETKB_PUBLIC_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new NetkbError('INVALID_CONFIG', `NETKB_PUBLIC_URL is not a URL: '${raw}'`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new NetkbError('INVALID_CONFIG', 'NETKB_PUBLIC_URL must be an http(s) URL');
  }
  return url.href.replace(/\/+$/, '');
}
