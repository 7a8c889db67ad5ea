/**
 * Connection-level errors in our `{error: {code, message}}` shape. Node's HTTP parser rejects some requests
 * before Fastify sees them (bad chunked encoding, oversized headers, garbage request lines, timeouts); Fastify's
 * router rejects badly percent-encoded URLs. Both default to the framework's own body shape; these handlers
 * answer with stable codes from src/core/errors.ts instead, whenever the socket can still be written to.
 */
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERRORS, type ErrorCode } from '../core/errors.js';

/** llhttp error codes of a malformed chunked body. */
const CHUNKED_ERRORS = new Set([
  'HPE_INVALID_CHUNK_SIZE',
  'HPE_CHUNK_EXTENSIONS_OVERFLOW',
  'HPE_INVALID_TRANSFER_ENCODING',
  'HPE_UNEXPECTED_CONTENT_LENGTH',
]);

/** The answer for a parser-level error (pure). */
export function clientErrorCode(errorCode: string | undefined): ErrorCode {
  if (errorCode === 'HPE_HEADER_OVERFLOW') return 'HEADERS_TOO_LARGE';
  if (errorCode === 'ERR_HTTP_REQUEST_TIMEOUT') return 'REQUEST_TIMEOUT';
  if (errorCode === 'HPE_INVALID_URL') return 'BAD_URL';
  if (errorCode && CHUNKED_ERRORS.has(errorCode)) return 'BAD_CHUNKED_ENCODING';
  return 'BAD_HTTP';
}

/** A complete HTTP/1.1 response carrying our error body; the connection is closed after it. */
export function rawErrorResponse(code: ErrorCode): string {
  const { status, message } = ERRORS[code];
  const body = JSON.stringify({ error: { code, message } });
  const reason = STATUS_TEXT[status] ?? 'Error';
  return (
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  421: 'Misdirected Request',
  431: 'Request Header Fields Too Large',
};

/** Fastify's `clientErrorHandler`: Node's `clientError` event, before any request object exists. */
export function clientErrorHandler(
  this: FastifyInstance,
  error: Error & { code?: string },
  socket: Socket,
): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code = clientErrorCode(error.code);
  this.log.info({ code, parser: error.code }, 'client connection error');
  if (socket.writable) socket.end(rawErrorResponse(code));
  else socket.destroy();
}

/** Fastify's `frameworkErrors`: the router's own rejections (a URL that does not percent-decode). */
export function frameworkErrorHandler(
  error: Error & { code?: string },
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const code: ErrorCode = error.code === 'FST_ERR_BAD_URL' ? 'BAD_URL' : 'BAD_REQUEST';
  request.log.info({ code, reason: error.message }, 'client error');
  void reply
    .code(ERRORS[code].status)
    .type('application/json; charset=utf-8')
    .send({ error: { code, message: ERRORS[code].message } });
}
