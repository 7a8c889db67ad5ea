/** Records read back share each chunk's path and title with the doc's own strings, without changing a value. */
import { describe, expect, it } from 'vitest';
import { shareRecordStrings } from '../../src/index/record-schema.js';
import { parseDocument } from '../../src/ingest/document.js';

describe('shareRecordStrings', () => {
  it('keeps a record equal to what was stored', () => {
    const doc = parseDocument('net/dns.md', '# DNS fails\n\nintro\n\n## Check CoreDNS\n\nkubectl get pods\n');
    const stored = JSON.stringify(doc);
    const read = shareRecordStrings(JSON.parse(stored));
    expect(read.chunks.length).toBeGreaterThan(1);
    expect(JSON.stringify(read)).toBe(stored);
  });

  it('leaves a chunk whose path or title differs from the doc as it is', () => {
    const doc = parseDocument('a.md', '# A\n\ntext\n');
    const record = JSON.parse(JSON.stringify(doc));
    record.chunks[0].title = 'Other';
    expect(shareRecordStrings(record).chunks[0].title).toBe('Other');
    expect(record.chunks[0].path).toBe('a.md');
  });
});
