/**
 * Chat-channel labels (Slack, Teams), in the answer's language; the answer's own labels live in src/answer.
 * `who` is a user as the channel writes a mention (`<@U123>` in Slack), inserted as is.
 */
import type { Lang } from '../../answer/labels.js';

export const CHAT_LABELS = {
  zh: {
    dontKnow: '这个我不知道',
    clarify: '需要更多信息',
    direct: '直接答案',
    diagnose: '诊断命令（只读，按顺序执行）',
    fixes: '修复命令（会变更状态，执行前确认影响）',
    readOnly: '只读',
    changesState: '⚠️ 变更状态',
    fixPrefix: '处理（变更）',
    moreHops: (n: number) => `…… 另有 ${n} 跳`,
    assumedCni: (cni: string) => `按 ${cni} 回答（问题里没有说明 CNI）。其他 CNI：`,
    cni: (cni: string) => `CNI：${cni}`,
    helpful: '这个回答有帮助吗？',
    helpfulYes: '👍 有帮助',
    helpfulNo: '👎 没帮助',
    share: '发到频道',
    thanks: (helpful: boolean, who?: string) =>
      `${helpful ? '👍' : '👎'} 已记录反馈${who ? `（${who}）` : ''}，谢谢！`,
    expired: '这个回答已过期，请重新提问。',
    sharedBy: (who: string) => `${who} 分享了这个回答`,
  },
  en: {
    dontKnow: "I don't know this one",
    clarify: 'I need a bit more to go on',
    direct: 'Answer',
    diagnose: 'Diagnose (read-only, run in order)',
    fixes: 'Fixes (change state: check the impact first)',
    readOnly: 'read-only',
    changesState: '⚠️ changes state',
    fixPrefix: 'fix (changes state)',
    moreHops: (n: number) => `… ${n} more hop${n === 1 ? '' : 's'}`,
    assumedCni: (cni: string) => `Answered for ${cni} (the question names no CNI). Other CNIs:`,
    cni: (cni: string) => `CNI: ${cni}`,
    helpful: 'Was this helpful?',
    helpfulYes: '👍 Helpful',
    helpfulNo: '👎 Not helpful',
    share: 'Share in channel',
    thanks: (helpful: boolean, who?: string) =>
      `${helpful ? '👍' : '👎'} Feedback recorded${who ? ` from ${who}` : ''}, thank you!`,
    expired: 'This answer has expired; please ask again.',
    sharedBy: (who: string) => `Shared by ${who}`,
  },
} as const satisfies Record<Lang, unknown>;
