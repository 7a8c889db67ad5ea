import { describe, expect, it } from 'vitest';
import { forwardedToSandbox, runtimeId } from '../../src/answer/generated-names.js';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

// Judged on fresh reports (not in any eval set); excerpts keep the reporters' own log lines.
describe("a container runtime's ID names no pod", () => {
  // https://github.com/kubeflow/community-distribution/issues/2227: the kubelet names the pod's sandbox by its ID.
  const sandbox =
    'E0620 13:54:17.550668 7192 portforward.go:400] an error occurred forwarding 8080 -> 8080: error forwarding port 8080 to pod 300d744a878ad2976dd285466f1da23f7f39909b925f6105e3444ea2c8388e4a, uid : exit status 1: socat[16445] E connect(16, AF=2 127.0.0.1:8080, 16): Connection refused';

  it('reads 32 to 64 hex digits with letters and digits as an ID', () => {
    expect(runtimeId('300d744a878ad2976dd285466f1da23f7f39909b925f6105e3444ea2c8388e4a')).toBe(true);
    expect(runtimeId('bb8c8f39856a0d2e7c3f1a9b4e6d5c8f')).toBe(true);
    // A docker short ID is as likely a name's part; names with hyphens and words are pods'.
    expect(runtimeId('bb8c8f39856a')).toBe(false);
    expect(runtimeId('web-5d4f8c7b9-abcde')).toBe(false);
    expect(runtimeId('deadbeefdeadbeefdeadbeefdeadbeef')).toBe(false);
  });

  it('fills no <pod> from a port-forward error, in English or Chinese', () => {
    expect(fills(sandbox).get('<pod>')).toBeUndefined();
    expect(
      fills(`kubectl port-forward 之后访问 localhost:8080 报错：${sandbox}`).get('<pod>'),
    ).toBeUndefined();
  });

  it('fills the pod the report forwards to instead', () => {
    // https://github.com/kubernetes-sigs/kind/issues/869
    const kind =
      'kubectl port-forward camunda-79bddd6df4-ft5jx -n dev-201902 5010:6000 throws: error forwarding port 6000 to pod 972bb77690ac0b73273e3fb10b8ee0d6f723737f58e4157c48eccfbfd1bdb8bf, uid : failed to execute portforward';
    expect(fills(kind).get('<pod>')).toBe('camunda-79bddd6df4-ft5jx');
    expect(fills(`端口转发失败：${kind}`).get('<pod>')).toBe('camunda-79bddd6df4-ft5jx');
  });
});

describe("what is left of a sandbox ID after the kubelet's 'to pod' is no pod's name", () => {
  // https://github.com/fluxcd/flux/issues/888 as the excerpt cut it.
  const cut =
    'kubectl -n system-ns port-forward "$flux_pod" 10080:$flux_port\nE1228 13:08:06.142623 97096 portforward.go:331] an error occurred forwarding 10080 -> 30033: error forwarding port 30033 to pod 68af6';

  it('reads only the name right after "forwarding port N to pod"', () => {
    expect(forwardedToSandbox(cut, '68af6')).toBe(true);
    expect(forwardedToSandbox('kubectl exec pod 68af6-web -- curl localhost', '68af6-web')).toBe(false);
    expect(forwardedToSandbox('I am forwarding port 80 to pod web-0 and it hangs', 'web-0')).toBe(true);
    expect(forwardedToSandbox('the pod web-0 cannot reach port 80', 'web-0')).toBe(false);
  });

  it('fills no <pod> with it', () => {
    expect(fills(cut).get('<pod>')).toBeUndefined();
    expect(fills(`端口转发报错 ${cut}`).get('<pod>')).toBeUndefined();
  });

  it('still fills a pod named elsewhere in the report', () => {
    expect(fills(`the pod 68af6-web-0 keeps failing: ${cut}`).get('<pod>')).toBe('68af6-web-0');
    expect(fills('pod web-7d4b9c6f5-x2x9q 的 8080 端口转发不通').get('<pod>')).toBe('web-7d4b9c6f5-x2x9q');
  });
});

describe('the address of `name (address) -> name` is the flow’s source', () => {
  // https://github.com/cilium/cilium/issues/28837: cilium's connectivity test prints client (IP) -> service (name:port).
  const flow =
    '[.] Action [pod-to-ingress-service/pod-to-ingress-service/curl-0: cilium-test/client2-59b578d4bb-s695h (10.244.3.165) -> cilium-test/cilium-ingress-ingress-service (cilium-ingress-ingress-service:80)]\n  command "curl --connect-timeout 2 http://cilium-ingress-ingress-service:80" failed: command terminated with exit code 22';

  it('fills no <target-ip> with the client’s address', () => {
    expect(fills(flow).get('<target-ip>')).toBeUndefined();
    expect(fills(`cilium 连通性测试失败：${flow}`).get('<target-ip>')).toBeUndefined();
    expect(fills(flow).get('<source-ip>')).toBe('10.244.3.165');
  });

  it('still reads the address after the arrow as the target', () => {
    const both =
      'cilium-test/client-645b68dcf7-fwcsk (10.244.1.154) -> cilium-test/echo-other-node (10.96.63.172:8080) times out';
    expect(fills(both).get('<target-ip>')).toBe('10.96.63.172');
    expect(fills('从 pod (10.244.1.154) 访问 10.96.63.172:8080 超时').get('<target-ip>')).toBe(
      '10.96.63.172',
    );
  });
});
