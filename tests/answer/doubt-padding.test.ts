import { describe, expect, it } from 'vitest';
import { withoutDoubtPadding } from '../../src/answer/doubt-padding.js';

// Checks as a short answer carries them: the one picked for the report's words, then the runbook's first generic
// checks that only filled the answer up to the minimum.
const picked = 'iptables-save -t nat | grep <cluster-ip>';
const padding = [
  'kubectl get svc <service-name> -n <namespace> -o wide',
  'kubectl get endpointslices -n <namespace> -l kubernetes.io/service-name=<service-name>',
];

describe('withoutDoubtPadding', () => {
  it('leaves padding out when the runbook is in doubt ("curl 超时，ClusterIP 访问不通", DNS runbook scored as high)', () => {
    expect(withoutDoubtPadding([picked, ...padding], new Set(padding), true)).toEqual([picked]);
  });

  it('keeps padding when the runbook is not in doubt ("Pod cannot reach the ClusterIP of nginx")', () => {
    expect(withoutDoubtPadding([picked, ...padding], new Set(padding), false)).toEqual([picked, ...padding]);
  });

  it('keeps padding in doubt when nothing else would be left ("k8s 服务访问不通，这是什么原因")', () => {
    expect(withoutDoubtPadding(padding, new Set(padding), true)).toEqual(padding);
  });

  it('keeps every check in doubt when none is padding ("MTU mismatch drops large packets on VXLAN")', () => {
    const checks = ['tracepath -n <node-ip>', 'ping -M do -s 1472 -c 3 <node-ip>'];
    expect(withoutDoubtPadding(checks, new Set(), true)).toEqual(checks);
  });
});
