/**
 * The web renderings are pure functions: the answer card (src/web/static/render.js, the same module the page
 * runs) and the doc view (src/web/doc-render.ts), each with golden files. Regenerate after an intended change
 * with `UPDATE_GOLDEN=1 npx vitest run tests/web/render.test.ts`, then review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDoc, rewriteHref } from '../../src/web/doc-render.js';
import { commandParts, commandText, renderAnswer } from '../../src/web/static/render.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/web');
const GOLDEN = path.resolve(import.meta.dirname, '../fixtures/golden/web');

function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const body = (name: string) => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8'));

describe('renderAnswer', () => {
  it.each(['answer-zh', 'abstain', 'hostile-en'])('%s matches its golden file', (name) => {
    golden(`${name}.html`, `${renderAnswer(body(`${name}.json`))}\n`);
  });

  it('never lets KB text become markup', () => {
    const html = renderAnswer(body('hostile-en.json'));
    expect(html).not.toMatch(/<script|<img|<i>|<b>x/);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    // Only code spans and bold are rebuilt from the KB's markdown.
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<code>code &#60;b&#62;</code>');
  });

  it('sets apart every command not known to be read-only, with its badge', () => {
    const html = renderAnswer(body('hostile-en.json'));
    const fixes = html.slice(html.indexOf('class="commands fixes"'));
    expect(fixes).toContain('kubectl delete pod');
    expect(fixes).toContain('some-tool');
    expect(fixes).toContain('not known to be read-only — check before running');
    expect(fixes).toContain('>mutating<');
  });
});

describe('command placeholders', () => {
  it('splits unfilled tokens and filled values, and copies them back', () => {
    const parts = commandParts('kubectl get pod web-1 -n <namespace> -o wide', [
      { placeholder: '<pod>', value: 'web-1' },
    ]);
    expect(parts).toEqual([
      { text: 'kubectl get pod ' },
      { placeholder: '<pod>', value: 'web-1', filled: true },
      { text: ' -n ' },
      { placeholder: '<namespace>', value: '', filled: false },
      { text: ' -o wide' },
    ]);
    expect(commandText(parts, {})).toBe('kubectl get pod web-1 -n <namespace> -o wide');
    expect(commandText(parts, { '<namespace>': 'prod', '<pod>': 'api-0' })).toBe(
      'kubectl get pod api-0 -n prod -o wide',
    );
  });

  it('does not take a filled value from inside a longer word', () => {
    const parts = commandParts('ss -lntp | grep 16443 && curl 10.0.0.1:443', [
      { placeholder: '<port>', value: '443' },
    ]);
    expect(parts.filter((part) => 'placeholder' in part)).toEqual([]);
  });
});

describe('renderDoc', () => {
  const source = readFileSync(
    path.resolve(import.meta.dirname, '../fixtures/kb-web/unsafe-sample.md'),
    'utf8',
  );

  it('matches its golden file', () => {
    golden('unsafe-sample.html', `${renderDoc(source, 'samples/unsafe-sample.md').html}\n`);
  });

  it('keeps file line numbers on blocks and code lines, and shows raw HTML as text', () => {
    const { html, title } = renderDoc(source, 'samples/unsafe-sample.md');
    expect(title).toBe('Unsafe sample runbook <script>window.__pwned = 1</script>');
    expect(html).toContain('<h1 data-lines="6-6">');
    expect(html).toContain('<p class="raw-html" data-lines="13-13">&#x3C;script>');
    expect(html).toContain('<span class="line" data-line="26">kubectl get pod &#x3C;pod>');
    expect(html).not.toMatch(/<script|<img|javascript:/);
  });

  it('points KB links at the doc view and drops unsafe schemes', () => {
    expect(rewriteHref('../dns/coredns.md#a', 'kube-ovn/x.md')).toBe('/docs/dns/coredns.md#a');
    expect(rewriteHref('https://kube-ovn.io', 'a.md')).toBe('https://kube-ovn.io');
    expect(rewriteHref('javascript:alert(1)', 'a.md')).toBeNull();
    expect(rewriteHref(' JaVaScRiPt:alert(1)', 'a.md')).toBeNull();
    expect(rewriteHref('data:text/html,x', 'a.md')).toBeNull();
  });
});
