/**
 * Which Host headers the server answers (against DNS rebinding: a page on evil.example whose name resolves to
 * 127.0.0.1 makes the browser send `Host: evil.example`). `NETKB_ALLOWED_HOSTS` lists names (`*.corp.example`
 * for subdomains, `*` for any); without it, a server bound to loopback answers only its listen address and the
 * localhost names, and one bound to another address answers any Host. Pure functions; the hook is in app.ts.
 */
import { NetkbError } from '../core/errors.js';

export type AllowedHosts = readonly string[] | null;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const LOCAL_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** The allowed names, or null when any Host is answered. */
export function allowedHosts(envValue: string | undefined, listenHost: string): AllowedHosts {
  if (envValue !== undefined && envValue.trim() !== '') {
    const names = envValue
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean);
    for (const name of names) {
      if (!/^(\*|(\*\.)?[a-z0-9._-]+|\[[0-9a-f:.]+\])$/.test(name))
        throw new NetkbError('INVALID_CONFIG', `NETKB_ALLOWED_HOSTS: '${name}' is not a host name`);
    }
    return names.includes('*') ? null : names;
  }
  const host = listenHost.toLowerCase();
  if (!LOOPBACK.has(host) && !host.startsWith('127.')) return null;
  return [...new Set([...LOCAL_NAMES, host.includes(':') && !host.startsWith('[') ? `[${host}]` : host])];
}

/** The host name of a Host header: lower-cased, without port or trailing dot. */
export function hostName(header: string): string {
  const value = header.trim().toLowerCase();
  const name = value.startsWith('[') ? value.slice(0, value.indexOf(']') + 1) : value.replace(/:\d*$/, '');
  return name.replace(/\.$/, '');
}

export function hostAllowed(allowed: AllowedHosts, header: string | undefined): boolean {
  if (allowed === null) return true;
  if (!header) return false;
  const name = hostName(header);
  return allowed.some((entry) => (entry.startsWith('*.') ? name.endsWith(entry.slice(1)) : entry === name));
}
