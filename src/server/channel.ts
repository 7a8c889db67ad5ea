import type { IncomingHttpHeaders } from 'node:http';
import type { Channel } from '../store/types.js';

/** The query log's channel: the web page says so with `X-Netkb-Channel: web`; every other caller is `api`. */
export function channelOf(headers: IncomingHttpHeaders): Channel {
  return headers['x-netkb-channel'] === 'web' ? 'web' : 'api';
}
