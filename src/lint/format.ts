import type { Finding } from '../core/types.js';

/** `file:line[:col]: severity code: message`, the shape compilers and editors jump to. */
export function formatFindingLine(finding: Finding): string {
  const at = finding.column ? `${finding.line}:${finding.column}` : `${finding.line}`;
  return `${finding.file}:${at}: ${finding.severity} ${finding.code}: ${finding.message}`;
}

/**
 * A GitHub Actions workflow command (`::warning file=…,line=…::message`), which GitHub shows as an annotation
 * on the pull request. `file` is prefixed with the KB directory so it is relative to the repository root.
 */
export function formatGithubAnnotation(finding: Finding, kbPrefix: string): string {
  const level = finding.severity === 'info' ? 'notice' : finding.severity;
  const file = kbPrefix ? `${kbPrefix.replace(/\/+$/, '')}/${finding.file}` : finding.file;
  const props = [`file=${escapeProperty(file)}`, `line=${finding.line}`];
  if (finding.column) props.push(`col=${finding.column}`);
  props.push(`title=${escapeProperty(finding.code)}`);
  return `::${level} ${props.join(',')}::${escapeData(finding.message)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
