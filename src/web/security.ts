/** Headers every web page and asset carries. Pure constants and checks, no I/O. */
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Scripts and styles only from this origin, nothing inline; diagrams are shown as `data:` SVG images (an image
 * cannot run script), the API is same-origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "font-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * The hidden diagram frame only: mermaid sets inline styles while it lays a diagram out. Scripts stay 'self';
 * only this origin's pages may frame it.
 */
export const DIAGRAM_FRAME_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "frame-ancestors 'self'",
  "base-uri 'none'",
].join('; ');

export const PAGE_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

export const ADMIN_COOKIE = 'netkb_admin';

/**
 * The console's session value: an HMAC of the token, so the cookie never holds the token itself, survives a
 * restart, and stops working when the token changes.
 */
export function adminSession(token: string): string {
  return createHmac('sha256', token).update('netkb admin session v1').digest('base64url');
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** One cookie's value from a Cookie header (a dependency is not worth one regex). */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** NETKB_CORS_ORIGINS: comma-separated origins; unset or empty: CORS stays off. */
export function corsOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.NETKB_CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
}
