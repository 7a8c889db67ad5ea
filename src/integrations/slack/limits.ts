/**
 * Checks a message against Slack's Block Kit limits and our own invariants (every code fence closed in the block
 * that opens it, a fallback text). Returns the problems found, [] when the message is valid. Pure.
 */
import { SLACK_LIMITS as L, type SlackMessage } from './block-kit.js';

export function slackMessageProblems(message: SlackMessage): string[] {
  const problems: string[] = [];
  const chars = (text: string) => Array.from(text).length;
  if (!message.text || message.text.trim().length === 0) problems.push('text fallback is empty');
  if (chars(message.text) > L.messageText) problems.push(`text fallback over ${L.messageText} characters`);
  if (message.blocks.length > L.blocksPerMessage) {
    problems.push(`${message.blocks.length} blocks (max ${L.blocksPerMessage})`);
  }
  const blockIds = new Set<string>();
  message.blocks.forEach((block, i) => {
    const at = `block ${i} (${block.type})`;
    if (block.block_id !== undefined) {
      if (block.block_id.length === 0 || block.block_id.length > L.blockId)
        problems.push(`${at}: bad block_id length`);
      if (blockIds.has(block.block_id)) problems.push(`${at}: duplicate block_id ${block.block_id}`);
      blockIds.add(block.block_id);
    }
    switch (block.type) {
      case 'header':
        if (block.text.type !== 'plain_text') problems.push(`${at}: header text must be plain_text`);
        if (chars(block.text.text) < 1 || chars(block.text.text) > L.headerText) {
          problems.push(`${at}: header text length ${chars(block.text.text)} (1..${L.headerText})`);
        }
        break;
      case 'section':
        if (chars(block.text.text) < 1 || chars(block.text.text) > L.sectionText) {
          problems.push(`${at}: section text length ${chars(block.text.text)} (1..${L.sectionText})`);
        }
        if (unclosedFence(block.text.text)) problems.push(`${at}: a code fence is left open`);
        break;
      case 'context':
        if (block.elements.length < 1 || block.elements.length > L.contextElements) {
          problems.push(`${at}: ${block.elements.length} elements (1..${L.contextElements})`);
        }
        for (const element of block.elements) {
          if (chars(element.text) < 1 || chars(element.text) > L.contextText) {
            problems.push(`${at}: element text length ${chars(element.text)} (1..${L.contextText})`);
          }
        }
        break;
      case 'actions':
        if (block.elements.length < 1 || block.elements.length > L.actionsElements) {
          problems.push(`${at}: ${block.elements.length} elements (1..${L.actionsElements})`);
        }
        for (const button of block.elements) {
          if (chars(button.text.text) < 1 || chars(button.text.text) > L.buttonText) {
            problems.push(`${at}: button text length ${chars(button.text.text)} (1..${L.buttonText})`);
          }
          if (button.value.length > L.buttonValue) problems.push(`${at}: button value over ${L.buttonValue}`);
          if (button.action_id.length < 1 || button.action_id.length > L.actionId) {
            problems.push(`${at}: bad action_id length`);
          }
        }
        break;
      case 'divider':
        break;
    }
  });
  return problems;
}

/** True when a ``` fence opened in the text is not closed in it. */
function unclosedFence(text: string): boolean {
  let open = false;
  for (const line of text.split('\n')) {
    // Slack reads ``` anywhere on a line as a fence; ours always stand on their own line.
    const fences = line.match(/```/g)?.length ?? 0;
    if (fences % 2 === 1) open = !open;
  }
  return open;
}
