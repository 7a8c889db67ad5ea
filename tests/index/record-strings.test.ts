/** Records read back share each chunk's path and title with the doc's own strings, without changing a value. */
import { describe, expect, it } from 'vitest';
import { shareRecordStrings } from '../../src/index/record-schema.js';
import { parseDocument } from '../../src/ingest/document.js';

describe('shareRecordStrings', () => {
  it('keeps a record equal to what was stored', () => {
    const source = [
      '# DNS fails',
      '',
      'intro',
      '',
      '## Check CoreDNS',
      '',
      '```bash',
      'kubectl -n kube-system get pods -l k8s-app=kube-dns',
      'kubectl -n kube-system rollout restart deploy/coredns',
      '```',
      '',
      '## Troubleshooting',
      '',
      '| Symptom | Cause | Diagnostic command | Fix |',
      '| --- | --- | --- | --- |',
      '| timeouts | CoreDNS down | `kubectl get pods` | restart it |',
      '',
    ].join('\n');
    const doc = parseDocument('net/dns.md', source);
    expect(doc.commands.length).toBeGreaterThan(1);
    expect(doc.troubleshooting.length).toBe(1);
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
