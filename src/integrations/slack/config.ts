/** Slack settings from the environment (documented in README, "Slack app"). */
import { NetkbError } from '../../core/errors.js';

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

export type SlackMode = 'off' | 'http' | 'socket';

export interface SlackConfig {
  /** Enables the HTTP routes (/slack/events, /slack/commands, /slack/interactions). */
  signingSecret: string | undefined;
  /** `xoxb-…`: posts answers (chat.postMessage, chat.update). */
  botToken: string | undefined;
  /** `xapp-…`: enables Socket Mode. */
  appToken: string | undefined;
  /** Web API base URL, ending in `/`. */
  apiUrl: string;
}

/** Null when Slack is not configured at all. */
export function slackConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SlackConfig | null {
  const read = (name: string) => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  const signingSecret = read('NETKB_SLACK_SIGNING_SECRET');
  const botToken = read('NETKB_SLACK_BOT_TOKEN');
  const appToken = read('NETKB_SLACK_APP_TOKEN');
  const apiUrl = read('NETKB_SLACK_API_URL') ?? DEFAULT_SLACK_API_URL;
  if (!signingSecret && !appToken) {
    if (botToken)
      throw invalid(
        'NETKB_SLACK_BOT_TOKEN is set but neither NETKB_SLACK_SIGNING_SECRET nor NETKB_SLACK_APP_TOKEN',
      );
    return null;
  }
  if (botToken && !botToken.startsWith('xoxb-'))
    throw invalid('NETKB_SLACK_BOT_TOKEN must be a bot token (xoxb-…)');
  if (appToken && !appToken.startsWith('xapp-'))
    throw invalid('NETKB_SLACK_APP_TOKEN must be an app-level token (xapp-…)');
  if (appToken && !botToken)
    throw invalid('Socket Mode (NETKB_SLACK_APP_TOKEN) needs NETKB_SLACK_BOT_TOKEN to post answers');
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw invalid(`NETKB_SLACK_API_URL is not a URL: '${apiUrl}'`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw invalid('NETKB_SLACK_API_URL must be http(s)');
  return { signingSecret, botToken, appToken, apiUrl: url.href.endsWith('/') ? url.href : `${url.href}/` };
}

export function slackMode(config: SlackConfig | null): SlackMode {
  if (!config) return 'off';
  return config.appToken ? 'socket' : 'http';
}

function invalid(message: string): NetkbError {
  return new NetkbError('INVALID_CONFIG', message);
}

/**
 * May netkb POST to this `response_url`? Only Slack's own hosts over https, or the configured API URL's host
 * (a local emulator in tests): the URL arrives in a request body, so it must not become a way to make the
 * server call arbitrary addresses.
 */
export function isAllowedResponseUrl(responseUrl: string, apiUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(responseUrl);
  } catch {
    return false;
  }
  if (url.protocol === 'https:' && (url.hostname === 'slack.com' || url.hostname.endsWith('.slack.com')))
    return true;
  const api = new URL(apiUrl);
  return url.protocol === api.protocol && url.host === api.host;
}
