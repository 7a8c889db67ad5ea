/**
 * A traffic-path diagram as a short list of hops, for channels that cannot draw it (Slack, Teams, a narrow
 * terminal). Pure: the diagram text in, one line per hop out.
 */

const MERMAID_MESSAGE = /^\s*([^-\s][^-]*?)\s*-{1,2}>>?[+-]?\s*([^:]+?)\s*:\s*(.+)$/;
/** A flowchart edge: `A[Pod] -->|label| B[br-int]` (also `---`, `==>`, `-.->`). */
const MERMAID_EDGE = /(?:-{2,}|={2,}|-\.+-)>?(?:\s*\|([^|]*)\|)?/;
const MERMAID_NODE = /^\s*([\w.-]+)\s*(?:[[({>]+\s*"?([^\])}"]*)"?\s*[\])}]+)?\s*$/;
const MERMAID_PARTICIPANT = /^\s*(?:participant|actor)\s+(\S+)(?:\s+as\s+(.+))?$/;
/** Lines of an ASCII diagram that only connect hops: arrows, bars, box-drawing. */
const CONNECTOR_ONLY = /^[\s│|▼▲↓↑v^─━═>→←<-]*$/u;

export function diagramHops(diagram: string, format: 'mermaid' | 'text'): string[] {
  const lines = diagram.split('\n');
  return format === 'mermaid' ? mermaidHops(lines) : textHops(lines);
}

function mermaidHops(lines: string[]): string[] {
  const alias = new Map<string, string>();
  for (const line of lines) {
    const participant = MERMAID_PARTICIPANT.exec(line);
    if (participant?.[1]) alias.set(participant[1], (participant[2] ?? participant[1]).trim());
  }
  const name = (id: string) => alias.get(id.trim()) ?? id.trim();
  /** A flowchart node's label (remembered for later bare uses of its id). */
  const node = (text: string): string | null => {
    const match = MERMAID_NODE.exec(text);
    if (!match?.[1]) return null;
    if (match[2]?.trim()) alias.set(match[1], match[2].trim());
    return name(match[1]);
  };
  const hops: string[] = [];
  for (const line of lines) {
    const message = MERMAID_MESSAGE.exec(line);
    if (message?.[1] && message[2] && message[3]) {
      hops.push(`${name(message[1])} → ${name(message[2])}: ${message[3].trim()}`);
      continue;
    }
    const edge = MERMAID_EDGE.exec(line);
    if (!edge) continue;
    const from = node(line.slice(0, edge.index));
    const to = node(line.slice(edge.index + edge[0].length));
    if (!from || !to) continue;
    const label = edge[1]?.trim();
    hops.push(`${from} → ${to}${label ? `: ${label}` : ''}`);
  }
  return hops;
}

function textHops(lines: string[]): string[] {
  const hops: string[] = [];
  for (const line of lines) {
    if (/^\s*```/.test(line) || CONNECTOR_ONLY.test(line)) continue;
    // Leading bars and arrows only draw the flow; `──►` inside a line separates hops on one line.
    const text = line
      .replace(/^[\s│|▼▲↓↑]+/u, '')
      .replace(/\s*[─━═-]*[►▶>→]\s*/gu, (arrow) => (/[►▶→]|-{2,}>|─+>/u.test(arrow) ? ' → ' : arrow))
      .trim();
    if (text) hops.push(text);
  }
  return hops;
}
