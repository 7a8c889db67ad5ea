/**
 * The maintainer console (`/admin`): retrieval testing (explain), trigger coverage, the query-log reports and
 * KB lint, read-only. Sign-in takes the token from a form and answers with an HttpOnly, SameSite=Strict cookie;
 * every console route checks it (the JSON API answers 401 UNAUTHORIZED without it).
 */
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NetkbError } from '../core/errors.js';
import { buildCoverage, type CoverageReport, coverageHit1 } from '../eval/coverage.js';
import { type EvalQuestion, parseQuestions } from '../eval/questions.js';
import { readLintInput } from '../index/lint-input.js';
import { lintKnowledgeBase } from '../lint/lint-kb.js';
import { docsReport, feedbackReport, parseSince, unansweredReport } from '../report/reports.js';
import type { Searcher } from '../retrieve/types.js';
import type { Store } from '../store/types.js';
import { adminConsolePage, adminLoginPage } from './pages.js';
import { ADMIN_COOKIE, adminSession, cookieValue, sameSecret } from './security.js';

export interface AdminOptions {
  token: string;
  searcher: () => Searcher | null;
  kbDir: string;
  store: Store | null;
  questionsFile?: string | undefined;
}

const UPLOAD_LIMIT = 2 * 1024 * 1024;
const MAX_UPLOADED_QUESTIONS = 2000;
const COOKIE_MAX_AGE_S = 12 * 60 * 60;

function sendHtml(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);
}

export async function adminRoutes(app: FastifyInstance, options: AdminOptions): Promise<void> {
  const session = adminSession(options.token);
  const signedIn = (request: FastifyRequest): boolean => {
    const value = cookieValue(request.headers.cookie, ADMIN_COOKIE);
    return value !== null && sameSecret(value, session);
  };
  const requireSession = async (request: FastifyRequest): Promise<void> => {
    if (!signedIn(request)) throw new NetkbError('UNAUTHORIZED');
  };
  const readySearcher = (): Searcher => {
    const searcher = options.searcher();
    if (!searcher) throw new NetkbError('NOT_READY');
    return searcher;
  };

  // The sign-in form posts urlencoded; parsed here only, for this plugin's routes.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  app.get('/admin', { schema: { hide: true } }, async (request, reply) =>
    sendHtml(reply, signedIn(request) ? adminConsolePage() : adminLoginPage(null)),
  );

  app.post<{ Body: Record<string, string> }>(
    '/admin/login',
    { schema: { hide: true } },
    async (request, reply) => {
      const token = typeof request.body?.token === 'string' ? request.body.token : '';
      if (!sameSecret(token, options.token))
        return sendHtml(reply, adminLoginPage('That token is not right.'), 401);
      const secure = request.protocol === 'https' ? '; Secure' : '';
      return reply
        .header(
          'set-cookie',
          `${ADMIN_COOKIE}=${session}; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=${COOKIE_MAX_AGE_S}${secure}`,
        )
        .redirect('/admin', 303);
    },
  );

  app.post('/admin/logout', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .header('set-cookie', `${ADMIN_COOKIE}=; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=0`)
      .redirect('/admin', 303),
  );

  app.get<{ Querystring: { q?: string } }>(
    '/admin/api/explain',
    { onRequest: requireSession, schema: { hide: true } },
    async (request) => {
      const question = (request.query.q ?? '').trim();
      if (question === '' || question.length > 2000)
        throw new NetkbError('BAD_REQUEST', 'q must be a question of 1 to 2000 characters');
      const searcher = readySearcher();
      if (!searcher.explain) throw new NetkbError('INTERNAL', 'This index cannot explain its searches');
      return searcher.explain(question, { topK: 10 });
    },
  );

  // The bundled set's coverage is the same for one loaded index: computed once per searcher.
  const bundledCoverage = new WeakMap<Searcher, Promise<CoverageReport & { hit1: number }>>();
  const runCoverage = async (searcher: Searcher, questions: EvalQuestion[]) => {
    const explain = searcher.explain?.bind(searcher);
    if (!explain) throw new NetkbError('INTERNAL', 'This index cannot explain its searches');
    const runs = [];
    for (const question of questions)
      runs.push({ question, explanation: await explain(question.question, { topK: 10 }) });
    const report = buildCoverage(searcher.docs, runs);
    return { ...report, hit1: coverageHit1(report) };
  };

  app.get('/admin/api/coverage', { onRequest: requireSession, schema: { hide: true } }, async () => {
    const searcher = readySearcher();
    const file = options.questionsFile;
    if (!file) throw new NetkbError('INVALID_CONFIG', 'No bundled eval set: upload a questions file');
    let pending = bundledCoverage.get(searcher);
    if (!pending) {
      pending = readFile(file, 'utf8')
        .catch(() => {
          throw new NetkbError('INVALID_FILE', 'The bundled eval set cannot be read');
        })
        .then((text) => runCoverage(searcher, parseQuestions('questions.yaml', text)));
      pending.catch(() => bundledCoverage.delete(searcher));
      bundledCoverage.set(searcher, pending);
    }
    return pending;
  });

  app.post<{ Body: string }>(
    '/admin/api/coverage',
    { onRequest: requireSession, bodyLimit: UPLOAD_LIMIT, schema: { hide: true } },
    async (request) => {
      if (typeof request.body !== 'string')
        throw new NetkbError('UNSUPPORTED_MEDIA_TYPE', 'Send the questions file as text/plain');
      const questions = parseQuestions('upload', request.body);
      if (questions.length > MAX_UPLOADED_QUESTIONS)
        throw new NetkbError('INVALID_FILE', `At most ${MAX_UPLOADED_QUESTIONS} questions per upload`);
      return runCoverage(readySearcher(), questions);
    },
  );

  app.get<{ Querystring: { kind?: string; since?: string } }>(
    '/admin/api/report',
    { onRequest: requireSession, schema: { hide: true } },
    async (request) => {
      const kind = request.query.kind ?? 'unanswered';
      const since = parseSince(request.query.since ?? '7d', Date.now());
      if (since === null) throw new NetkbError('BAD_REQUEST', 'since must be like 7d, 12h, 2w or a date');
      const store = options.store;
      if (!store) return { report: kind, since: new Date(since).toISOString(), rows: [], log: 'off' };
      const range = { since };
      let rows: unknown[];
      if (kind === 'unanswered') rows = unansweredReport(await store.answers(range));
      else if (kind === 'feedback') rows = feedbackReport(await store.feedback(range));
      else if (kind === 'docs') rows = docsReport(await store.answers(range), await store.feedback(range));
      else throw new NetkbError('BAD_REQUEST', 'kind must be unanswered, feedback or docs');
      return { report: kind, since: new Date(since).toISOString(), rows, log: 'on' };
    },
  );

  app.get('/admin/api/lint', { onRequest: requireSession, schema: { hide: true } }, async () => {
    const started = performance.now();
    const { findings, docs } = lintKnowledgeBase(await readLintInput(options.kbDir));
    return { findings, docs, took_ms: Math.round(performance.now() - started) };
  });
}
