/**
 * The web pages in a real browser: a real server (bundled KB plus one runbook full of HTML and script), a real
 * SQLite query log, Debian's Chromium. What an on-call engineer and a maintainer do, end to end.
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestKb } from '../../src/index/ingest-kb.js';
import { openSearcher } from '../../src/index/open-searcher.js';
import type { Searcher } from '../../src/retrieve/types.js';
import { buildApp } from '../../src/server/app.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { listenLocal } from '../helpers/listen.js';
import { ARTIFACTS, type Browser, launchBrowser } from './browser-helpers.js';

const BUNDLED_KB = path.resolve(import.meta.dirname, '../../kb');
const UNSAFE_RUNBOOK = path.resolve(import.meta.dirname, '../fixtures/kb-web/unsafe-sample.md');
const ADMIN_TOKEN = 'test-admin-token-0123456789';

let tmp: string;
let kbDir: string;
let searcher: Searcher;
let app: FastifyInstance;
let base: string;
let browser: Browser;
/** CSP violations and script errors seen on any page: the pages must run without either. */
const problems: string[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-web-'));
  kbDir = path.join(tmp, 'kb');
  await cp(BUNDLED_KB, kbDir, { recursive: true });
  await mkdir(path.join(kbDir, 'samples'));
  await cp(UNSAFE_RUNBOOK, path.join(kbDir, 'samples/unsafe-sample.md'));
  const indexDir = path.join(tmp, 'index');
  await ingestKb({ kbDir, indexDir, embedder: null, vectorsDisabledReason: 'disabled in tests' });
  searcher = await openSearcher(indexDir, { embedder: null, vectorsDisabledReason: 'disabled in tests' });
  const store = new SqliteStore({ path: path.join(tmp, 'netkb.db'), flushIntervalMs: 50 });
  app = await buildApp({
    searcher: () => searcher,
    store,
    web: { kbDir, adminToken: ADMIN_TOKEN, questionsFile: undefined },
  });
  app.addHook('onClose', async () => store.close());
  ({ base } = await listenLocal(app));
  browser = await launchBrowser();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  browser.context.on('console', (message) => {
    // A 401 the auth test provokes on purpose is logged by the browser as a failed load.
    if (message.type() === 'error' && !/status of 401/.test(message.text())) problems.push(message.text());
  });
  browser.context.on('weberror', (error) => problems.push(error.error().message));
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await rm(tmp, { recursive: true, force: true });
});

async function openChat(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${base}/`);
  return page;
}

/** Types a question the way a user does (focus is already in the box) and waits for the n-th answer card. */
async function ask(page: Page, question: string, nth = 1): Promise<void> {
  await page.keyboard.type(question);
  await page.keyboard.press('Enter');
  await page
    .locator('article.answer')
    .nth(nth - 1)
    .waitFor();
}

describe('chat page', () => {
  it('answers a Chinese question with commands and sources, keyboard first', async () => {
    const page = await openChat();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('question');
    await ask(page, 'pod 访问 node 的 6443 不通');
    const card = page.locator('article.answer').first();
    expect(await card.getAttribute('lang')).toBe('zh');
    expect(await card.locator('h2').textContent()).toContain('Join');
    expect(await card.locator('li.cmd').count()).toBeGreaterThan(2);
    expect(await card.locator('.badge').first().textContent()).toBe('只读');
    expect(await card.locator('button.copy').first().textContent()).toBe('复制');
    expect(await card.locator('.sources a').first().getAttribute('href')).toMatch(
      /^\/docs\/kube-ovn\/join-network-pod-to-node\.md#L\d+-L\d+$/,
    );
    expect(await card.locator('pre.diagram').textContent()).toContain('ovn0');
    // The page's own strings follow the answer's language.
    expect(await page.locator('#send').textContent()).toBe('提问');
    // Up recalls the last question into the (now empty) input.
    await page.keyboard.press('ArrowUp');
    expect(await page.inputValue('#question')).toBe('pod 访问 node 的 6443 不通');
    await page.close();
  });

  it('answers an English question in English, and copies the bare command', async () => {
    const page = await openChat();
    await ask(page, 'cross-node ping fails after enabling geneve');
    const card = page.locator('article.answer').first();
    expect(await card.getAttribute('lang')).toBe('en');
    const first = card.locator('li.cmd').first();
    expect(await first.locator('button.copy').textContent()).toBe('Copy');
    await first.locator('button.copy').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // Exactly the command (placeholders as written), no prompt, purpose or badge.
    const shown = await first
      .locator('code.shell')
      .evaluate((code) =>
        [...code.childNodes]
          .map((node) =>
            node instanceof HTMLInputElement ? node.value || `<${node.placeholder}>` : node.textContent,
          )
          .join(''),
      );
    expect(copied).toBe(shown);
    expect(copied).not.toMatch(/\n|^\$|只读|read-only/);
    expect(await first.locator('button.copy').textContent()).toBe('Copied');
    await page.close();
  });

  it('editing a placeholder updates every command, and copy takes the value', async () => {
    const page = await openChat();
    await ask(page, 'cross-node ping fails after enabling geneve');
    const fields = page.locator('input.ph[data-ph="<namespace>"]');
    expect(await fields.count()).toBeGreaterThan(1);
    await fields.first().fill('prod-east');
    for (const value of await fields.evaluateAll((all) => all.map((f) => (f as HTMLInputElement).value)))
      expect(value).toBe('prod-east');
    const item = page.locator('li.cmd', { has: page.locator('input.ph[data-ph="<namespace>"]') }).first();
    await item.locator('button.copy').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('prod-east');
    expect(copied).not.toContain('<namespace>');
    await page.close();
  });

  it('a follow-up question stays on the conversation topic', async () => {
    const page = await openChat();
    await ask(page, '跨节点 pod ping 不通, geneve 隧道');
    await ask(page, '在 node1 上抓包怎么做', 2);
    const second = page.locator('article.answer').nth(1);
    // Alone this question lands on the generic tcpdump runbook; in the conversation it stays on geneve.
    expect(await second.locator('.sources a').first().getAttribute('href')).toContain(
      'kube-ovn/geneve-cross-node.md',
    );
    await page.close();
  });

  it('a source opens the doc view with the cited lines highlighted', async () => {
    const page = await openChat();
    await ask(page, 'pod 访问 node 的 6443 不通');
    const link = page.locator('article.answer .sources a').first();
    const href = (await link.getAttribute('href')) ?? '';
    const [, from, to] = /#L(\d+)-L(\d+)$/.exec(href) ?? [];
    const [docPage] = await Promise.all([browser.context.waitForEvent('page'), link.click()]);
    await docPage.waitForLoadState();
    await docPage.locator('#doc .hl').first().waitFor();
    expect(new URL(docPage.url()).pathname).toBe('/docs/kube-ovn/join-network-pod-to-node.md');
    const ranges = await docPage
      .locator('#doc .hl')
      .evaluateAll((all) =>
        all.map((e) => (e as HTMLElement).dataset.lines ?? `${(e as HTMLElement).dataset.line}`),
      );
    expect(ranges.length).toBeGreaterThan(0);
    for (const range of ranges) {
      const [start, end = start] = range.split('-').map(Number);
      expect(end).toBeGreaterThanOrEqual(Number(from));
      expect(start).toBeLessThanOrEqual(Number(to));
    }
    await docPage.close();
    await page.close();
  });

  it('says so when nothing in the KB fits', async () => {
    const page = await openChat();
    await ask(page, '怎么做红烧肉');
    const card = page.locator('article.answer').first();
    expect(await card.getAttribute('class')).toMatch(/kind-(abstain|clarify)/);
    expect(await card.locator('li.cmd').count()).toBe(0);
    await page.close();
  });

  it('records 👍 through the feedback API', async () => {
    const page = await openChat();
    await ask(page, 'CoreDNS 解析超时');
    await page.locator('article.answer button.fb[data-helpful="true"]').click();
    await page.locator('article.answer .fb-note', { hasText: '谢谢' }).waitFor();
    await page.close();
  });

  it('renders a runbook with <script> and raw HTML as inert text, in the answer and the doc view', async () => {
    const page = await openChat();
    await ask(page, 'unsafe sample runbook 概述');
    const card = page.locator('article.answer').first();
    expect(await card.locator('h2').textContent()).toContain('<script>window.__pwned = 1</script>');
    expect(await card.locator('script, img:not(.diagram-image)').count()).toBe(0);
    // The mermaid diagram is drawn by the bundled renderer, as an image.
    await card.locator('img.diagram-image').waitFor({ timeout: 20_000 });
    const doc = await browser.context.newPage();
    await doc.goto(`${base}/docs/samples/unsafe-sample.md#L9-L10`);
    await doc.locator('#doc .hl').first().waitFor();
    expect(await doc.locator('#doc script, #doc img').count()).toBe(0);
    expect(await doc.locator('#doc').textContent()).toContain('<script>window.__pwned = 4</script>');
    expect(await doc.locator('#doc a', { hasText: 'a link' }).getAttribute('href')).toBeNull();
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await doc.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await doc.close();
    await page.close();
  });

  it('asks once for an API token on a 401 and then sends it as a bearer token', async () => {
    const page = await browser.context.newPage();
    const seen: string[] = [];
    // The API's bearer-token check (NETKB_API_TOKENS) is emulated at the network edge: 401 without the token.
    await page.route('**/v1/chat', async (route) => {
      const auth = route.request().headers().authorization ?? '';
      seen.push(auth);
      if (auth !== 'Bearer tok-123')
        return route.fulfill({
          status: 401,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'UNAUTHORIZED', message: 'API token required' } }),
        });
      return route.continue();
    });
    await page.goto(`${base}/`);
    await page.keyboard.type('CoreDNS 解析超时');
    await page.keyboard.press('Enter');
    await page.locator('#token').waitFor({ state: 'visible' });
    await page.fill('#token', 'tok-123');
    await page.press('#token', 'Enter');
    await page.locator('article.answer').first().waitFor();
    expect(seen).toEqual(['', 'Bearer tok-123']);
    expect(await page.evaluate(() => sessionStorage.getItem('netkb.token'))).toBe('tok-123');
    await ask(page, 'pod 访问 node 的 6443 不通', 2);
    expect(seen).toEqual(['', 'Bearer tok-123', 'Bearer tok-123']);
    await page.close();
  });

  it('saves a screenshot of the chat page (light and dark)', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const page = await openChat();
    await ask(page, 'pod nginx-7d9c 在 namespace prod 里访问 node 的 6443 不通');
    await page
      .locator('article.answer')
      .first()
      .evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: path.join(ARTIFACTS, 'chat.png') });
    await page.screenshot({ path: path.join(ARTIFACTS, 'chat-full.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'chat-dark.png') });
    await page.close();
  });

  it('ran every page without a CSP violation or script error', () => {
    expect(problems).toEqual([]);
  });
});

describe('maintainer console', () => {
  it('refuses without the token, and with a wrong one', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/admin`);
    expect(await page.locator('form[action="/admin/login"]').count()).toBe(1);
    expect(await page.locator('#tabs').count()).toBe(0);
    const api = await page.request.get(`${base}/admin/api/lint`);
    expect(api.status()).toBe(401);
    expect((await api.json()).error.code).toBe('UNAUTHORIZED');
    await page.fill('#token', 'wrong');
    await page.press('#token', 'Enter');
    await page.locator('.error').waitFor();
    expect(await page.locator('#tabs').count()).toBe(0);
    await page.close();
  });

  it('works with the token: explain, coverage of an uploaded file, reports, lint', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/admin`);
    await page.fill('#token', ADMIN_TOKEN);
    await page.press('#token', 'Enter');
    await page.locator('#tabs').waitFor();
    const cookie = (await browser.context.cookies(`${base}/admin`)).find((c) => c.name === 'netkb_admin');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(cookie?.value).not.toContain(ADMIN_TOKEN);
    expect(await page.evaluate(() => document.cookie)).toBe('');

    await page.fill('#explain-q', 'pod 访问 node 的 6443 不通');
    await page.press('#explain-q', 'Enter');
    await page.locator('#explain-out table').first().waitFor();
    expect(await page.locator('#explain-out .verdict').textContent()).toContain('Answers');
    expect(await page.locator('#explain-out').textContent()).toContain(
      'kube-ovn/join-network-pod-to-node.md',
    );

    await page.click('button[data-tab="coverage"]');
    await page.setInputFiles('#coverage-file', {
      name: 'questions.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(
        '- question: pod 访问 node 的 6443 不通\n  docs: [kube-ovn/join-network-pod-to-node.md]\n' +
          '- question: 怎么做红烧肉\n  docs: []\n  abstain: true\n',
      ),
    });
    await page.locator('#coverage-out .stat').first().waitFor();
    expect(await page.locator('#coverage-out .stat').first().textContent()).toContain('2');

    await page.click('button[data-tab="reports"]');
    await page.click('#report-form button[type="submit"]');
    // Wait for the report itself: "Working…" is a <p> too.
    await page.locator('#report-out table').first().waitFor();
    // The chat tests above asked 怎么做红烧肉: it shows up as unanswered.
    expect(await page.locator('#report-out').textContent()).toContain('红烧肉');

    await page.click('button[data-tab="lint"]');
    await page.click('#lint-run');
    await page.locator('#lint-out .stat').first().waitFor();
    expect(await page.locator('#lint-out').textContent()).toContain('docs');

    await page.click('button[data-tab="explain"]');
    await page.screenshot({ path: path.join(ARTIFACTS, 'console.png'), fullPage: false });
    await page.click('button[data-tab="coverage"]');
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-coverage.png') });
    await page.close();
  });
});
