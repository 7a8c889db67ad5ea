/**
 * A report under the abstention threshold whose headline says, in its own order and words, what a failure trigger
 * of the leading runbook says is answered from that runbook; one whose headline only seems to is still declined.
 */
import { describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import { bundledSearchers } from '../retrieve/bundled-kb.js';
import { FLANNEL_REPORT, GRAFANA_REPORT } from '../retrieve/stated-failure-reports.js';

const { searcher } = bundledSearchers({});

async function answer(report: string) {
  const { body } = await answerChat(
    { searcher, conversations: new ConversationStore() },
    { message: report },
  );
  return { abstained: body.abstained, first: body.citations[0]?.path };
}

describe('a report whose headline states a failure trigger of the leading runbook', () => {
  it('is answered from that runbook', async () => {
    expect(await answer(FLANNEL_REPORT)).toEqual({ abstained: false, first: 'flannel/vxlan-host-gw.md' });
  });
  it('is still declined when the headline is another trade’s', async () => {
    expect((await answer(GRAFANA_REPORT)).abstained).toBe(true);
  });
});
