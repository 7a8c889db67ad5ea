/**
 * A long report whose opening sentence names a runbook's trigger (a setting or component the runbook lists as what it
 * answers) is about that part of the network, even when its body states no failure: it is not declined as a report
 * that never says the network fails. The triggers come from the hits, as the runbooks list them.
 */
import { describe, expect, it } from 'vitest';
import { headlineNamesTrigger } from '../../src/answer/headline-trigger.js';
import type { FusedHit } from '../../src/retrieve/types.js';

const hit = (...matchedTriggers: string[]) => ({ matchedTriggers }) as unknown as FusedHit;
const BODY =
  ' Kubernetes publishes dns records only when pod state transited to Ready. It could cause harm to the update procedure of the cluster: during a StatefulSet rollout two members may be gone at the same time, and the operator waits for them.';

describe('headlineNamesTrigger', () => {
  it.each([
    [
      `Change default value of publishNotReadyAddresses for the stateful applications.${BODY}`,
      'publishNotReadyAddresses',
    ],
    [`headless service shouldn't require publishNotReadyAddresses==true.${BODY}`, 'headless service'],
    [
      `希望默认开启 publishNotReadyAddresses，方便有状态应用的成员互相发现。${BODY}`,
      'publishNotReadyAddresses',
    ],
    [`无头服务的成员在就绪之前能否被发现？${BODY}`, '无头服务'],
  ])('names a trigger: %s', (report, trigger) => {
    expect(headlineNamesTrigger(report, [hit(trigger)])).toBe(true);
  });

  it.each([
    // The trigger only in the body, not in the opening sentence.
    [
      `Change the default value for the stateful applications.${BODY} See publishNotReadyAddresses.`,
      'publishNotReadyAddresses',
    ],
    // A trigger inside a longer word is no mention of it.
    [`Add coredns-operator-extras to the bundle of the chart.${BODY}`, 'coredns'],
    // A short question has no opening sentence of a long report.
    ['publishNotReadyAddresses 有什么用？', 'publishNotReadyAddresses'],
    // No hit matched a trigger.
    [`应用升级后配置丢失。${BODY}`, ''],
  ])('names none: %s', (report, trigger) => {
    expect(headlineNamesTrigger(report, [hit(...(trigger ? [trigger] : []))])).toBe(false);
  });
});
