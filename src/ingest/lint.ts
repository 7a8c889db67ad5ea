import type { Finding } from '../core/types.js';
import type { ParsedDocument } from './document.js';

/** KB-wide findings that no single file can see: relative links to docs that do not exist. */
export function lintKb(
  docs: readonly Pick<ParsedDocument, 'path' | 'links'>[],
  otherFiles: ReadonlySet<string> = new Set(),
): Finding[] {
  const paths = new Set(docs.map((doc) => doc.path));
  const findings: Finding[] = [];
  for (const doc of docs) {
    for (const link of doc.links) {
      if (!paths.has(link.target) && !otherFiles.has(link.target)) {
        findings.push({
          file: doc.path,
          line: link.line,
          severity: 'warning',
          code: 'link-unresolved',
          message: `Link to ${link.target} does not resolve to a file in the KB`,
        });
      }
    }
  }
  return findings;
}
