/** Teams-only labels, in the answer's language (shared chat labels live in src/integrations/chat/labels.ts). */
import type { Lang } from '../../answer/labels.js';

export const TEAMS_LABELS = {
  zh: {
    viewRunbook: '查看文档',
    open: (title: string) => `打开：${title}`,
    filled: (fills: string) => `已按问题填入：${fills}`,
    trimmed: '内容较长，部分靠后的内容未显示（Teams 消息大小限制）。',
  },
  en: {
    viewRunbook: 'View runbook',
    open: (title: string) => `Open: ${title}`,
    filled: (fills: string) => `Filled in from the question: ${fills}`,
    trimmed: "Some lower-ranked parts are left out to fit Teams' message size.",
  },
} as const satisfies Record<Lang, unknown>;

/** The reply to "@netkb" with no question: both languages, since there is nothing to tell the language from. */
export const HELP = {
  title: 'netkb: Kubernetes 网络排障 / Kubernetes networking troubleshooting',
  lines: [
    '在 @netkb 后面写上问题，例如：',
    '@netkb pod 访问 node 的 6443 不通',
    'Ask after the mention, for example:',
    '@netkb cross-node ping fails after enabling geneve',
    '回答包括流量路径、可能原因、诊断命令（只读 / 变更已标注）和来源文档；同一回复链中的追问会沿用上下文。',
    'Answers give the traffic path, likely causes, commands (read-only or changing state, marked) and sources; follow-ups in the same reply chain keep the topic.',
  ],
} as const;
