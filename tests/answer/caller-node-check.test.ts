/**
 * When the API server on a control-plane node fails to call a webhook's or an aggregated API's pod, a probe of the
 * pod's IP run on the node repeats its call and one run inside a pod does not (src/answer/caller-node-check.ts).
 */
import { describe, expect, it } from 'vitest';
import { callerCheckOf } from '../../src/answer/caller-node-check.js';

describe('callerCheckOf', () => {
  it.each([
    ['curl -sv -m 3 http://<pod-ip>:<port>/', 'node'],
    ['kubectl exec -n <namespace> <pod> -- curl -sS -m 3 http://<pod-ip>:443/', 'pod'],
    ['kubectl exec -n <namespace> <pod> -- curl -sS -m 3 http://<cluster-ip>:443/', 'pod'],
    ['curl -s http://127.0.0.1:10256/healthz', null],
    ['ip route get <pod-ip>', null],
    ['kubectl get endpointslices -n <namespace> -l kubernetes.io/service-name=<service-name> -o wide', null],
  ])('%s', (command, kind) => {
    expect(callerCheckOf(command)).toBe(kind);
  });
});
