import type { InlineCode, PhrasingContent, Table, TableCell } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';

export interface ParsedTroubleRow {
  symptom: string;
  cause: string;
  commands: string[];
  fix: string;
  line: number;
}

const COLUMN_PATTERNS = {
  symptom: /症状|现象|症狀|現象|symptom|problem|issue|问题|問題/i,
  cause: /原因|cause|reason/i,
  command: /诊断|診斷|命令|command|check|diagnos|检查|檢查/i,
  fix: /解决|解決|方案|修复|修復|处理|處理|fix|solution|resolution|remedy|action/i,
};
type Column = keyof typeof COLUMN_PATTERNS;

/**
 * Reads a troubleshooting table (symptom | cause | diagnostic command | fix) into rows.
 * Returns null for any other table. Column order may vary; symptom and cause are required.
 */
export function parseTroubleshootingTable(table: Table): ParsedTroubleRow[] | null {
  const [header, ...rows] = table.children;
  if (!header) return null;
  const columns = new Map<Column, number>();
  header.children.forEach((cell, index) => {
    const text = mdastToString(cell);
    for (const column of Object.keys(COLUMN_PATTERNS) as Column[]) {
      if (!columns.has(column) && COLUMN_PATTERNS[column].test(text)) {
        columns.set(column, index);
        break;
      }
    }
  });
  if (!columns.has('symptom') || !columns.has('cause') || !(columns.has('command') || columns.has('fix'))) {
    return null;
  }
  const cellText = (cells: TableCell[], column: Column): string => {
    const index = columns.get(column);
    const cell = index === undefined ? undefined : cells[index];
    return cell ? mdastToString(cell).trim() : '';
  };
  return rows.map((row) => {
    const commandIndex = columns.get('command');
    const commandCell = commandIndex === undefined ? undefined : row.children[commandIndex];
    return {
      symptom: cellText(row.children, 'symptom'),
      cause: cellText(row.children, 'cause'),
      commands: commandCell ? inlineCodes(commandCell.children) : [],
      fix: cellText(row.children, 'fix'),
      line: row.position?.start.line ?? table.position?.start.line ?? 1,
    };
  });
}

function inlineCodes(nodes: PhrasingContent[]): string[] {
  const found: string[] = [];
  for (const node of nodes) {
    if (node.type === 'inlineCode') found.push((node as InlineCode).value.trim());
    else if ('children' in node) found.push(...inlineCodes(node.children as PhrasingContent[]));
  }
  return found.filter((code) => code !== '');
}
