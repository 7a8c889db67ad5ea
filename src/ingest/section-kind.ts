import type { ChunkKind } from '../core/types.js';

/** Heading words that name a section's job, checked innermost heading first. Order matters: 问题排查 is troubleshooting. */
const KIND_PATTERNS: Array<[ChunkKind, RegExp]> = [
  [
    'troubleshooting',
    /常见问题|故障|排障|问题排查|疑难|troubleshoot|faq|common (?:issues|problems)|known issues|常見問題/i,
  ],
  ['diagnostics', /诊断|排查|检查|调试|验证|命令|抓包|diagnos|debug|verif|check|commands?\b|inspect/i],
  [
    'related',
    /^(?:[\d.]+\s*)?(?:相关(?:文档|链接|阅读|资料)|参考(?:文档|资料|链接)?|延伸阅读|related(?: docs| documents| links| pages)?|see also|references?|further reading)\s*$/i,
  ],
  ['traffic_path', /路径|流程|流量|通信|转发|数据包|path|flow|datapath|packet|traffic|walk/i],
  ['overview', /概述|简介|介绍|背景|概览|overview|introduction|background|summary|what is/i],
];

/** How much a section of each kind counts when ranking: on-call readers want commands and fixes. */
export const KIND_WEIGHT: Record<ChunkKind, number> = {
  troubleshooting: 1.25,
  diagnostics: 1.2,
  traffic_path: 1.1,
  overview: 1,
  section: 1,
  related: 0.5,
};

export function sectionKind(headingPath: readonly string[]): ChunkKind {
  // The outermost heading is usually the doc title; it names the doc, not the job of each section.
  const lowest = headingPath.length > 1 ? 1 : 0;
  for (let i = headingPath.length - 1; i >= lowest; i--) {
    const heading = headingPath[i] ?? '';
    for (const [kind, pattern] of KIND_PATTERNS) {
      if (pattern.test(heading)) return kind;
    }
  }
  return 'section';
}

/** Rank weight of a chunk: section kind, lifted at most 20% by doc priority (0–100). */
export function chunkWeight(kind: ChunkKind, priority: number): number {
  return KIND_WEIGHT[kind] * (1 + (0.2 * Math.min(100, Math.max(0, priority))) / 100);
}
