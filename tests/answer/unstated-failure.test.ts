import { describe, expect, it } from 'vitest';
import { uncoveredUnstatedFailure } from '../../src/answer/unstated-failure.js';

describe('uncoveredUnstatedFailure: a long report that never states a network failure', () => {
  it.each([
    // Real (reports2.yaml): storage, with nothing of a path.
    "PVCs are pending with 'no persistent volumes available for this claim and no storage class is set'. On-prem setup, I have a StorageClass and a PV in the default namespace. What's wrong in my setup?",
    // Real (scope.yaml): a Helm release's own lock.
    'Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress. helm upgrade --install --atomic --wait gives Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress. helm v3.7.1, kubectl v1.22.4, server v1.21.7.',
    // Real (reports4.yaml): Chinese, a volume claim that stays pending.
    'pvc 一直显示pending。rancher v2.5.5 创建pvc时，用longhorn创建的存储，选择 Access Modes：Many Nodes Read-Only，一直 pending。',
    // Constructed after a chart's report: a database's data directory, with a listing where CoreDNS and the CNI run.
    '[bitnami/keycloak] Failed to deploy postgresql DB due to permission denied. kubectl get all -A: default pod/my-release-keycloak-0 0/1 CrashLoopBackOff 2; default pod/my-release-postgresql-0 0/1 CrashLoopBackOff 2; kube-system pod/aws-node-nvk8f 1/1 Running 0; kube-system pod/coredns-db65c46f8-6k57j 1/1 Running 0; kube-system pod/kube-proxy-f6fvn 1/1 Running 0.',
    // Constructed after an operator's report: a StatefulSet's member names in a config are only context.
    'No connection string in secret. The operator logs: New replica set config in use: { _id: "mongodb-cluster", members: [ { host: "mongodb-cluster-0.mongodb-cluster-svc.default.svc.cluster.local:27017" }, { host: "mongodb-cluster-1.mongodb-cluster-svc.default.svc.cluster.local:27017" } ], settings: { heartbeatTimeoutSecs: 10 } }.',
    // Constructed after a GitOps tool's report: settings named timeout are not a timed-out connection.
    'Application Set not syncing using argo-cd-action. We already have 120 sec for the --repo-server-timeout-seconds under argocd-application-controller and it is still failing: error="application refresh deadline exceeded" grpc.method=Get. ARGOCD_APPLICATION_CONTROLLER_REPO_SERVER_TIMEOUT_SECONDS=200',
    // Constructed: an RPC deadline naming no peer is the application's own limit.
    'Nightly export job fails after an hour. The exporter logs io.grpc.StatusRuntimeException: DEADLINE_EXCEEDED: deadline exceeded after 3599.9s while writing the report, then the job is retried and fails again.',
    '报表任务每晚失败。日志里是 com.example.job.RpcTimeoutException: 批处理数据太多，任务执行了一个小时后被框架中止，然后重试又失败。',
    // Constructed, Chinese: no slowness and nothing of a path in the headline or body stays declined.
    '升级后 dashboard 登录失败。使用 token 登陆时提示验证失败，kubectl create sa dashboard-admin -n kube-system 之后重新生成了 token，还是提示失败。',
  ])('%s → declined', (question) => {
    expect(uncoveredUnstatedFailure(question)).toContain('never states');
  });

  it.each([
    // Real (scope4.yaml): a failed health check is the kubelet's probe of a pod.
    'Pods randomly killed because of failed health check. Expected: pods health check working. Actual: pods restarting randomly because of failed health check. It is a fresh install of Kube-OVN with the installer script, Kubernetes v1.23.5, Debian 11.',
    // Real (reports24.yaml): Services in the first sentence.
    'Cluster Services Not Available Within Pod Containers. Kubernetes version v1.5.1. Environment: vagrant, core-os, multi-node, deployed explicitly via the kubernetes-on-vagrant guide; i deployed a cluster w/ 2 worker nodes (w1, w2) per the guide above.',
    // Real (reports6.yaml): the body says pods cannot reach an external address.
    '`natOutgoing: true` seems to not work with `private: true`. If I create a subnet with both configurations, the pods in this subnet do not seem to be able to access an external address (making use of the NAT outgoing).',
    // Real (fills3.yaml): the listing shows CoreDNS crash-looping, a network component that is not running.
    'Dashboard is throwing error. I have setup a 1 master 2 slave cluster: kubectl get pods --all-namespaces -o wide: kube-system coredns-86c58d9df4-8hdzj 0/1 CrashLoopBackOff 23 11h 172.30.1.2 kslave; kube-system etcd-kmaster 1/1 Running 2 12h 10.0.0.210 kmaster.',
    // Real (fills2.yaml): the body opens on the CNI's own pod.
    'Failed to start on freshly installed Fedora33 (k0s). describe pod shows Name: calico-node-494dd, Namespace: kube-system, Priority Class Name: system-node-critical, Node: k8s.kstych.com/192.168.1.2, Status: Running.',
    // Real (reports28.yaml): a member that cannot contact itself.
    'petset replica fails to initialize. The extended test reveals that sometimes a slave member fails to initialize, in this case member "1" fails to join the replica set because it can\'t contact itself: MongoDB starting : pid=16 port=27017 host=mongodb-replicaset-1',
    // Constructed after an application tracker: the pasted error names a name that does not resolve.
    'Redis issue on application-controller v2.13.0. kubectl logs argocd-server: level=warning msg="Reconnect to redis because error: dial tcp: lookup argocd-redis: i/o timeout"; Failed to resync revoked tokens, retrying again in 1 minute.',
    // Constructed, Chinese: the body says the pods cannot be reached.
    '应用部署后页面一直打不开。用 helm 安装了 3 个副本，kubectl get pods 都是 Running，但是从其他节点 curl 这个 pod 的 IP 一直超时，同节点访问正常。',
    // Report-shaped after a transaction coordinator's tracker, Chinese: an RPC timeout to the server's address.
    '微服务使用事务组件，查看服务日志频繁出错！k8s 环境部署服务，经常出现下面的错误：wait response error:cost 30001 ms,ip:/192.168.1.148:8091,request:RegisterRMRequest; register RM failed.',
    // Report-shaped after an RPC framework's tracker: the consumer's call to a provider's address times out.
    'Consumer calls fail after the rollout. org.apache.dubbo.remoting.TimeoutException: Waiting server-side response timeout by scan timer. channel: /10.244.1.7:60049 -> /10.244.2.9:20880',
    // Constructed after a local cluster's tracker: the browser's own error code is the failed connection.
    'Unable to hit the app. I deployed with kubectl and exposed the deployment, then the browser shows ERR_CONNECTION_REFUSED on the node address.',
    // Constructed, Chinese: the browser's error code after exposing a workload.
    '部署完成后打不开页面。用 kubectl expose 暴露了 deployment，浏览器里显示 ERR_CONNECTION_TIMED_OUT。',
    // Real (reports32.yaml), Chinese: "慢" is the headline's "slow", a symptom of the path as in English.
    'k8s集群中部署nacos集群三节点，当k8s集群的某个node节点宕机后，nacos集群服务可用恢复很慢。部署配置 `kind: Service` `name: nacos-headless` ... `clusterIP: None` `ports: - port: 8848 name: server` ... `kind: StatefulSet` `serviceName: nacos-headless` `replicas: 3` ...',
    // Constructed, English twin: the same report in English was already read by "slow".
    'After one node of the k8s cluster went down, the nacos cluster recovers very slowly. Deployment config: kind: Service, name: nacos-headless, clusterIP: None, ports: 8848; kind: StatefulSet, serviceName: nacos-headless, replicas: 3.',
    // A short question is left to retrieval.
    'Why is my PVC pending?',
  ])('%s → not declined', (question) => {
    expect(uncoveredUnstatedFailure(question)).toBeNull();
  });
});
