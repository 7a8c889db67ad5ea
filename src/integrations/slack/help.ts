/** `/netkb help` (and an empty `/netkb`): how to ask, in both languages. Pure. */
import type { SlackMessage } from './block-kit.js';
import { escapeMrkdwn } from './mrkdwn.js';

export function renderHelp(command: string): SlackMessage {
  const cmd = escapeMrkdwn(command || '/netkb');
  return {
    text: `netkb: ask a Kubernetes networking question, e.g. ${command || '/netkb'} pod 访问 node 的 6443 不通`,
    blocks: [
      {
        type: 'header',
        text: { type: 'plain_text', text: 'netkb — Kubernetes networking runbooks', emoji: true },
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text:
            `Ask in Chinese or English and get the traffic path, likely causes, diagnostic commands and the runbook sections they come from.\n` +
            `用中文或英文描述问题，回答会给出流量路径、可能原因、诊断命令和出处。\n\n` +
            `• \`${cmd} pod 访问 node 的 6443 不通\` — only you see the answer; *Share in channel* posts it for everyone\n` +
            `• Mention @netkb in a channel, or write to it in a DM: it answers in the thread, and follow-ups in that thread keep the context\n` +
            `• Say what fails and where: the CNI (Kube-OVN, Calico, Cilium …), source and destination, the exact error\n` +
            `• 👍 / 👎 under an answer tell the maintainers whether it helped`,
        },
      },
    ],
  };
}

export function renderNotice(text: string): SlackMessage {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(text) } }] };
}

export const NOT_READY_TEXT =
  'netkb is still loading its knowledge base; please ask again in a minute. / 知识库正在加载，请稍后再问。';
export const FAILED_TEXT =
  'netkb could not answer this one (internal error); the server log has the details. / 内部错误，未能回答。';
