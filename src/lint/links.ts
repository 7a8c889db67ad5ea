import { posix } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Heading, Link, Root } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Finding } from '../core/types.js';

/** Anchors a doc's headings get on GitHub and in most renderers (github-slugger, duplicates numbered). */
export function headingAnchors(tree: Root): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  visit(tree, 'heading', (node: Heading) => {
    anchors.add(slugger.slug(mdastToString(node)));
  });
  return anchors;
}

export interface LinkTarget {
  tree: Root;
  path: string;
}

/**
 * Relative links whose file is not in the KB, or whose `#anchor` is not a heading of the target doc.
 * External (`https:`, `mailto:`) and root-absolute links are not checked.
 */
export function lintLinks(
  doc: LinkTarget,
  anchorsOf: (path: string) => ReadonlySet<string> | undefined,
  files: ReadonlySet<string>,
): Finding[] {
  const findings: Finding[] = [];
  visit(doc.tree, 'link', (node: Link) => {
    const url = node.url.trim();
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/') || url === '') return;
    const [rawPath = '', rawAnchor] = url.split('#', 2);
    const line = node.position?.start.line ?? 1;
    const column = node.position?.start.column;
    let target = doc.path;
    if (rawPath !== '') {
      target = posix.normalize(posix.join(posix.dirname(doc.path), safeDecode(rawPath)));
      if (!files.has(target)) {
        findings.push({
          file: doc.path,
          line,
          ...(column ? { column } : {}),
          severity: 'error',
          code: 'link-unresolved',
          message: `Link target ${rawPath} does not exist in the KB (resolved to ${target})`,
        });
        return;
      }
    }
    if (rawAnchor === undefined || rawAnchor === '') return;
    const anchors = anchorsOf(target);
    if (anchors && !anchors.has(safeDecode(rawAnchor).toLowerCase())) {
      findings.push({
        file: doc.path,
        line,
        ...(column ? { column } : {}),
        severity: 'error',
        code: 'link-anchor',
        message: `Anchor #${rawAnchor} is not a heading of ${target}`,
      });
    }
  });
  return findings;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
