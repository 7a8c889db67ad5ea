/** The record summary: unchanged records taken as their bytes when their checksum matches, else left out. */
import { describe, expect, it } from 'vitest';
import { NetkbError } from '../../src/core/errors.js';
import {
  chunkCountOf,
  commandCountOf,
  isStoredDoc,
  parsedRecord,
  type StoredDoc,
  SUMMARY_FORMAT,
  storedDocs,
  summaryEntries,
  summaryEntryOf,
} from '../../src/index/record-summary.js';
import { parseDocument } from '../../src/ingest/document.js';

const SOURCES: Record<string, string> = {
  'dns/coredns.md':
    '---\ntitle: CoreDNS\ntriggers: [dns]\n---\n# CoreDNS\n\nSee [the service doc](../service/clusterip.md).\n\n## Diagnostics\n\n```bash\nkubectl -n kube-system get pods -l k8s-app=kube-dns\n```\n',
  'service/clusterip.md': '# ClusterIP 不通\n\n检查 kube-proxy。\n\n## Fix\n\nRestart it.\n',
};
const docs = Object.entries(SOURCES).map(([path, source]) => parseDocument(path, source));
const lines = docs.map((doc) => Buffer.from(JSON.stringify(doc)));
const manifestDocs = docs.map((doc) => ({ path: doc.path, hash: doc.hash, chunks: doc.chunks.length }));
const summary = () => ({
  format: SUMMARY_FORMAT,
  docs: docs.map((doc, i) => summaryEntryOf(doc, lines[i] as Buffer)),
});

describe('record summary', () => {
  it("records each parsed doc's line length and checksum, command count, findings and links", () => {
    const entry = summaryEntryOf(docs[0] as (typeof docs)[number], lines[0] as Buffer);
    expect(entry).toMatchObject({
      path: 'dns/coredns.md',
      hash: docs[0]?.hash,
      bytes: lines[0]?.byteLength,
      commands: 1,
      links: [{ target: 'service/clusterip.md', line: 7 }],
    });
    expect(entry.findings).toEqual(docs[0]?.findings);
    // Another line, another checksum.
    expect(summaryEntryOf(docs[0] as (typeof docs)[number], Buffer.from('{}')).crc).not.toBe(entry.crc);
  });

  it('is usable only when it lists the manifest docs, in order, in its own format (JSON round trip)', () => {
    const raw = JSON.parse(JSON.stringify(summary()));
    expect(summaryEntries(raw, manifestDocs)).toEqual(summary().docs);
    expect(summaryEntries(raw, [...manifestDocs].reverse())).toBeNull();
    expect(summaryEntries(raw, manifestDocs.slice(1))).toBeNull();
    const [first, second] = manifestDocs as [(typeof manifestDocs)[number], (typeof manifestDocs)[number]];
    expect(summaryEntries(raw, [{ ...first, hash: 'other' }, second])).toBeNull();
    expect(summaryEntries({ ...raw, format: SUMMARY_FORMAT + 1 }, manifestDocs)).toBeNull();
    expect(summaryEntries({ format: SUMMARY_FORMAT, docs: [{ path: 'a.md' }] }, [])).toBeNull();
    expect(summaryEntries(null, manifestDocs)).toBeNull();
  });

  it('takes records whose lines match as stored docs, unparsed; a changed, resized or missing line is left out', () => {
    const entries = summary().docs;
    const counts = manifestDocs.map((doc) => doc.chunks);
    const intact = storedDocs(lines, entries, counts);
    expect(intact.every((doc) => doc !== null && isStoredDoc(doc))).toBe(true);
    expect(intact[1]?.record).toBe(lines[1]);
    expect(intact.map((doc) => doc && chunkCountOf(doc))).toEqual(counts);
    expect(intact.map((doc) => doc && commandCountOf(doc))).toEqual(docs.map((doc) => doc.commands.length));

    // Same length, one byte changed (still valid JSON): only the checksum tells.
    const sameLength = Buffer.from(lines[0] as Buffer);
    const at = sameLength.indexOf('CoreDNS');
    sameLength[at] = 'X'.charCodeAt(0);
    expect(storedDocs([sameLength, lines[1] as Buffer], entries, counts).map((doc) => doc !== null)).toEqual([
      false,
      true,
    ]);
    const longer = Buffer.concat([lines[1] as Buffer, Buffer.from(' ')]);
    expect(storedDocs([lines[0] as Buffer, longer], entries, counts)[1]).toBeNull();
    expect(storedDocs([lines[0] as Buffer], entries, counts)[1]).toBeNull();
  });

  it("parses a stored doc's record back to the document; one that does not fit its entry is corrupt", () => {
    const [first] = storedDocs(lines, summary().docs, [docs[0]?.chunks.length ?? 0]);
    const stored = first as StoredDoc;
    expect(parsedRecord(stored)).toEqual(docs[0]);
    // A parsed document is itself.
    expect(parsedRecord(docs[1] as (typeof docs)[number])).toBe(docs[1]);
    const wrongCount = { ...stored, chunkCount: stored.chunkCount + 1 };
    expect(() => parsedRecord(wrongCount)).toThrow(NetkbError);
    expect(() => parsedRecord({ ...stored, record: Buffer.from('{"path":') })).toThrow(/invalid/);
  });
});
