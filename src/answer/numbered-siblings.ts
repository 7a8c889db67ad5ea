/**
 * The numbered siblings written right after a name in a list: `ingress1 and ingress2`, `edge-1, edge-2`, `node1 和
 * node2`. Pure.
 *
 * Only a name right after the object word is read as a node when it has no node's shape ("two nodes ingress1 and
 * ingress2"): its siblings in the same list are machines of the same kind, and the list is only seen whole with them
 * (see `withoutInventory`: two counted hosts, or three or more, are the cluster's inventory, none the report's node).
 */

import { escapeRegExp } from '../core/escape-reg-exp.js';

export interface NameAt {
  value: string;
  index: number;
}

/** A list separator between two members: `,`, `、`, `&`, `/`, `and`, `和`. */
const SEPARATOR = String.raw`\s*(?:[,，、&/]|and|和|及|与|與)\s*`;

/**
 * The names that follow `first` in a list and differ from it only in their trailing number (`ingress1` → `ingress2`,
 * `ingress3`). A name with no trailing number, or one followed by another word, has none.
 */
export function numberedSiblings(text: string, first: NameAt): NameAt[] {
  const stem = /^(.*?[a-z_-])\d+$/i.exec(first.value)?.[1];
  if (stem === undefined) return [];
  const sibling = new RegExp(`^${SEPARATOR}(${escapeRegExp(stem)}\\d+)(?![\\w.-])`, 'i');
  const found: NameAt[] = [];
  let end = first.index + first.value.length;
  for (;;) {
    const match = sibling.exec(text.slice(end));
    const value = match?.[1];
    if (match === null || value === undefined) return found;
    const index = end + match[0].length - value.length;
    found.push({ value, index });
    end = index + value.length;
  }
}
