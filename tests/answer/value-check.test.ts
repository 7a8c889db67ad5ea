import { describe, expect, it } from 'vitest';
import { placeValueCheck, quotedValues, valueCheck } from '../../src/answer/value-check.js';
import type { CommandRecord, DocRecord } from '../../src/core/types.js';

const record = (command: string, safety: 'read-only' | 'mutating' = 'read-only') =>
  ({
    command,
    purpose: '',
    safety,
    placeholders: [],
    source: { path: 'x.md', line: 1 },
    chunkId: 'x',
  }) as unknown as CommandRecord;
const runbook = (...commands: CommandRecord[]) => ({ path: 'x.md', commands }) as unknown as DocRecord;

// Lines and checks as kb/dns/coredns.md and kb/service/nodeport-loadbalancer.md write them.
const corednsLine =
  '集群内 DNS 由 CoreDNS（Deployment `coredns`，标签 `k8s-app=kube-dns`）提供，通过 Service `kube-dns` 暴露，kubeadm 默认 ClusterIP 为 `10.96.0.10`，端口 53/UDP、53/TCP，指标端口 9153。';
const pods = record('kubectl -n kube-system get pods -l k8s-app=kube-dns -o wide');
const svc = record('kubectl -n kube-system get svc kube-dns');
const logs = record('kubectl -n kube-system logs -l k8s-app=kube-dns --tail=100');
const corefile = record("kubectl -n kube-system get configmap coredns -o jsonpath='{.data.Corefile}'");
const conntrack = record('conntrack -L -p udp -d 10.96.0.10 --dport 53');
const rules = record('iptables-save -t nat | grep 10.96.0.10');
const metrics = record(
  "curl -s http://<pod-ip>:9153/metrics | grep -E 'coredns_dns_responses_total|coredns_forward_healthcheck_broken'",
);
const coredns = runbook(
  pods,
  svc,
  logs,
  corefile,
  conntrack,
  rules,
  metrics,
  record('kubectl -n kube-system edit configmap coredns', 'mutating'),
  record('kubectl -n kube-system rollout restart deployment coredns', 'mutating'),
);

describe('quotedValues', () => {
  it('reads the code spans, addresses and port numbers a runbook line states, in order', () => {
    const values = quotedValues(corednsLine);
    expect(values).toEqual(['coredns', 'k8s-app=kube-dns', 'kube-dns', '10.96.0.10', '9153']);
    expect(values).not.toContain('53');
  });
});

describe('valueCheck', () => {
  it('finds the check reading the asked value when the report names a word of it (English report)', () => {
    const question =
      'EKS: Unable to collect the coredns metrics in datadog. The metric port is not on the kube-dns service, so /metrics is not exposed. Which port does CoreDNS serve its Prometheus metrics on?';
    expect(valueCheck(question, corednsLine, coredns, [pods, svc, corefile])).toBe(metrics);
  });

  it('finds it for a Chinese report too', () => {
    const question =
      'Prometheus 采集不到 CoreDNS 的 metrics，kube-dns Service 上只有 53 端口。CoreDNS 的 metrics 端口是多少？';
    expect(valueCheck(question, corednsLine, coredns, [svc, pods])).toBe(metrics);
  });

  it('adds nothing when the report names no word of the check: the line states other values too', () => {
    // The same line answers a question about the Service's ClusterIP; 10.96.0.10 is read by two checks.
    const question = 'kubeadm 自定义 serviceSubnet 后 Pod 解析超时，kube-dns 默认的 ClusterIP 是什么？';
    expect(valueCheck(question, corednsLine, coredns, [svc])).toBeUndefined();
    const english =
      'After changing serviceSubnet in kubeadm-init.conf, what is the default ClusterIP of kube-dns?';
    expect(valueCheck(english, corednsLine, coredns, [svc])).toBeUndefined();
  });

  it('adds nothing when the answer already has the check', () => {
    const question =
      'Which port does CoreDNS serve its Prometheus metrics on? Datadog cannot collect the metrics.';
    expect(valueCheck(question, corednsLine, coredns, [svc, metrics])).toBeUndefined();
  });

  it('finds the check printing a setting the line names (externalTrafficPolicy: Local health checks)', () => {
    const line =
      'Local 策略：只选本节点端点，源 IP 保留；kube-proxy 在 `healthCheckNodePort` 上提供 `/healthz`，有本地端点返回 200，否则 503。';
    const healthz = record('curl -sS -m 3 http://<node-ip>:<port>/healthz');
    const policy = record(
      `kubectl get svc <service-name> -n <namespace> -o jsonpath='{.spec.externalTrafficPolicy}{" "}{.spec.healthCheckNodePort}'`,
    );
    const wide = record('kubectl get svc <service-name> -n <namespace> -o wide');
    const doc = runbook(
      wide,
      policy,
      healthz,
      record(`kubectl patch svc <service-name> -p '{"spec":{"externalTrafficPolicy":"Local"}}'`, 'mutating'),
    );
    const question =
      'Kube-proxy does not validate healthz state for eTP:Local. Create a LoadBalancer with externalTrafficPolicy: Local. On which port does kube-proxy answer the load balancer health checks?';
    expect(valueCheck(question, line, doc, [healthz, wide])).toBe(policy);
    const chinese =
      'externalTrafficPolicy: Local 的 LoadBalancer 健康检查全部失败，kube-proxy 在哪个端口回应健康检查？';
    expect(valueCheck(chinese, line, doc, [wide])).toBe(policy);
  });
});

describe('placeValueCheck', () => {
  const fix = record('kubectl -n kube-system edit configmap coredns', 'mutating');

  it('puts the check after the diagnostics and before the fixes', () => {
    expect(placeValueCheck([pods, svc, fix], metrics, 6)).toEqual([pods, svc, metrics, fix]);
  });

  it('takes the place of the lowest-ranked diagnostic when they are full', () => {
    expect(placeValueCheck([pods, svc, corefile, fix], metrics, 3)).toEqual([pods, svc, metrics, fix]);
  });
});
