/**
 * A chat thread is a netkb conversation: the id is derived from the channel kind, the workspace, the
 * channel and the thread root, so every follow-up in the thread continues the same conversation.
 */
export function threadConversationId(
  kind: string,
  parts: { team?: string; channel: string; thread: string },
): string {
  return [kind, parts.team ?? '-', parts.channel, parts.thread].join(':');
}
