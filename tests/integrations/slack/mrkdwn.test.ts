import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, markdownToMrkdwn } from '../../../src/integrations/slack/mrkdwn.js';

describe('markdown → Slack mrkdwn', () => {
  it('escapes & < > everywhere, code included', () => {
    expect(escapeMrkdwn('a & <b> c')).toBe('a &amp; &lt;b&gt; c');
    expect(markdownToMrkdwn('`curl <ip>` & x')).toBe('`curl &lt;ip&gt;` &amp; x');
  });

  it('converts bold, italic, strike, links and headings', () => {
    expect(markdownToMrkdwn('**bold** and __b2__, *it* ~~gone~~')).toBe('*bold* and *b2*, _it_ ~gone~');
    expect(markdownToMrkdwn('see [the doc](https://example.com/a?b=1&c=2) now')).toBe(
      'see <https://example.com/a?b=1&c=2|the doc> now',
    );
    expect(markdownToMrkdwn('## Heading')).toBe('*Heading*');
  });

  it('leaves code spans and fenced code alone apart from escaping; fences lose their language', () => {
    expect(markdownToMrkdwn('`**not bold**` **bold**')).toBe('`**not bold**` *bold*');
    expect(markdownToMrkdwn("```bash\nkubectl get po -o jsonpath='{.items[*].x}' > out\n```")).toBe(
      "```\nkubectl get po -o jsonpath='{.items[*].x}' &gt; out\n```",
    );
  });
});
