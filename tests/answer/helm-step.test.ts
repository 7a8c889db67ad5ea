import { describe, expect, it } from 'vitest';
import { outsideNetworking } from '../../src/answer/clarify.js';
import { helmStepFails } from '../../src/answer/helm-step.js';

describe("helmStepFails: Helm's own step failing", () => {
  it.each([
    'helm install fails with Error: INSTALLATION FAILED: chart requires kubeVersion >=1.25.0 which is incompatible',
    'Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress',
    'helm chart 升级失败，怎么回滚到上一个版本',
    'helm 安装 redis 报错：values 格式不对',
    'Error: template: pulsar/templates/zookeeper-podmonitor.yaml:21:8: executing at <$.Values.zookeeper.podMonitor.enabled>: nil pointer',
    'Errors after helm install, "Failed to list *v1.Pod: pods is forbidden"',
    'tigera-operator is not installed with helm chart',
    'The installation procedure fails at the helm step directly after cloning master',
  ])('%s', (text) => {
    expect(helmStepFails(text)).toBe(true);
  });

  it.each([
    'I use the helm chart deploy the environment. The apisix log client IP is not the real client ip.',
    'APISIX is deployed in Kubernetes via Helm and acts as a proxy to access pod services',
    '用 helm 部署了 nacos 集群，某个节点宕机后服务恢复很慢',
    'Helm chart with custom namespace creates invalid service addresses',
    'I installed minio using helm. The service is ClusterIP and not reachable from outside the cluster.',
  ])('%s', (text) => {
    expect(helmStepFails(text)).toBe(false);
  });
});

describe('outsideNetworking: Helm is the subject only when its own step fails', () => {
  it.each([
    // Real apache/apisix report: installed with a chart, then the client address is wrong.
    'help request: The apisix log client IP is not a real IP. The apisix log client IP($remote_addr) is not real client ip, How to obtain the client real ip? I use the helm chart deploy the environment.',
    // Real invoiceninja/dockerfiles#621.
    "nginx: config should include the usual trust the proxy in front things for IPs etc. Setup information: GitOps via Helm. The app itself doesn't seem to see the right IP address. See logs of app and notice that it's not showing the right client ip, despite nginx logging it.",
    '用 helm 部署的应用，日志里看到的客户端 IP 是节点 IP，不是真实来源地址',
  ])('%s', (question) => {
    expect(outsideNetworking(question)).toBe(false);
  });

  it.each([
    'Kubernetes Helm stuck with an update in progress. I tried to run a Helm upgrade before running helm repo update and now it seems to be permanently stuck in "STATUS: PENDING_UPGRADE".',
    'HELM Template 0.0.27 not working with attached error. Error: INSTALLATION FAILED: template: ccsm-helm/charts/identity/templates/deployment.yaml:30:30: executing at <include "common.names.dependency.fullname">: error calling include',
    'helm chart 升级失败，怎么回滚到上一个版本',
    'tigera-operator is not installed with helm chart. aws-calico Pods never get healthy. When I pull the helm chart I do not see the tigera operator templates: Chart.yaml, values.yaml, rbac.yaml, crds/crds.yaml.',
  ])('%s', (question) => {
    expect(outsideNetworking(question)).toBe(true);
  });
});
