import { describe, expect, it } from 'vitest';
import { appDiscoveryExplainedBy, uncoveredAppDiscovery } from '../../src/answer/app-discovery.js';
import type { TopicDoc } from '../../src/answer/uncovered-subjects.js';

describe("uncoveredAppDiscovery: an application framework's own registration and discovery failing", () => {
  it.each([
    // Real apache/dubbo#10507 (shortened): the framework's "No provider available".
    'dubbo3.1.0 kubernetes sample use k8s as registry, consumer fail to startup, due to it Failed to check the status of the service org.apache.dubbo.samples.api.GreetingService. No provider available for the service. Steps: deploy dubbo-samples-apiserver-provider and consumer to k8s.',
    // Real apache/dubbo#8056 (shortened).
    "Dubbo 3.0 cannot find service provider in k8s. I have deployed it now, but I can't consume the service. Actual Result: No provider available for the service com.m1ngyuan.api.service.HelloService",
    // Real apache/dubbo#15405 (shortened): the registry is the API server's address, no path is named.
    '[Bug] Use kubernates registry ，Unable to automatically subscribe to service. [DUBBO] No provider available after connectivity filter for the service ... from registry RegistryDirectory(registry: 10.233.0.1:443)',
    // Real apache/dubbo#5866 (shortened, Chinese): the discovery after a pod was deleted twice.
    'bug found in the service discovery. can be repeated. spring cloud alibaba 2.2 和nacos的程序，在k8s下测试。把provider 的pod删除，k8s自动启动一个provider的pod,且provider的ip发生变化。测试服务调用，异常',
    // Real nacos-group/nacos-k8s#228 (shortened, Chinese): registration fails on the client's own request.
    'k8s 部署headless的nacos之后，微服务注册失败，nacos可正常访问。nacos registry, gatewayserver register failed... NacosException: failed to req API:/nacos/v1/ns/instance after all servers tried: java.io.IOException: Invalid Http response',
    // Constructed (Chinese): XXL-JOB's executor registry.
    'xxl-job 执行器自动注册失败，调度中心执行器列表为空，手动录入地址后可以调度。',
    // Real (reports35.yaml, shortened, Chinese): the registry named between the verb and its failure.
    'k8s ingress配置了9488端口，本地启动服务，注册nacos失败 ... 这是k8s ingress的截图 ... rules: - host: server.seaurl.com http: paths: - path: /nacos backend: serviceName: nacos-headless servicePort: server',
    // Constructed: registering with a named registry failed.
    'Spring Boot service in Kubernetes: registration with eureka failed, the eureka dashboard lists no instance of it.',
  ])('%s → declined', (question) => {
    expect(uncoveredAppDiscovery(question, false)).toContain('registration and discovery');
  });

  it.each([
    // Real alibaba/nacos#5328 (shortened, Chinese): a timeout in the first sentence.
    'Nacos配置中心连接超时。nacos和微服务都是部署在k8s中，微服务后台经常出现超时访问错误 java.net.ConnectException: no available server, currentServerAddr : http://nacos-headless.ors-common:8848',
    // Real xuxueli/xxl-job#1308 (shortened, Chinese): a name that does not resolve.
    'xxl-job-admin在k8s部署，连接k8s中的执行器失败，提示不能解析域名。执行器-地址列表：[xxljob-mall.oemall-sit:9998] msg：java.net.UnknownHostException: xxljob-mall.oemall-sit',
    // Real xuxueli/xxl-job#2499 (shortened, Chinese): the registration fails with a read timeout.
    '执行器部署在k8s，执行器重启之后，ip会发生改变，导致调度执行器失败。msg：xxl-rpc remoting error(Read timed out), for url : http://10.191.144.98:9999/run',
    // Real (fills6.yaml, shortened): a headless Service name that does not resolve.
    'nacos和微服务偶尔出现nacos-headless服务名无法解析。lookup nacos-headless on 10.96.0.10:53: no such host。微服务日志偶尔也报心跳报送失败。',
    // Real apache/incubator-seata#2107 (shortened): the client cannot connect to the server.
    '0304 register RM failed io.seata.common.exception.FrameworkException: connect failed, can not connect to services-server client端无法启动',
    // Constructed (Chinese): the registration fails because pods on two nodes cannot reach each other.
    'dubbo 服务注册失败，跨节点的 pod 之间 ping 不通，zookeeper 在另一台节点上。',
    // Real piomin/sample-spring-microservices-new#15 (shortened): Eureka's words for a registry it cannot reach.
    'DiscoveryClient_EMPLOYEE-SERVICE/localhost:employee-service:9090 - registration failed Cannot execute request on any known server. at com.netflix.discovery.shared.transport.decorator.RedirectingEurekaHttpClient.executeOnNewServer',
    // Constructed (Chinese): ZooKeeper's ConnectionLoss while Dubbo registers.
    'dubbo 服务注册失败，日志: KeeperErrorCode = ConnectionLoss for /dubbo/com.demo.UserService/providers',
    // Constructed: the registry's Service name does not resolve.
    'Consul service discovery broken in k8s: consul-server.consul.svc is not resolving from the app pods.',
    // Constructed: a registry framework named, but no registration or discovery failing.
    'Nacos pods on node-2 restart every few minutes; kubectl describe shows OOMKilled.',
    // Real (facts7.yaml, shortened): service discovery of CoreDNS, no application framework.
    'when endpoints pod ip changed, the cache of coredns will refresh actively? I know coredns watches apiserver for service discovery.',
  ])('%s → not declined', (question) => {
    expect(uncoveredAppDiscovery(question, false)).toBeNull();
  });

  it('stands back while a runbook states such a failure', () => {
    const question = 'Dubbo 3.0 cannot find service provider in k8s. No provider available for the service.';
    expect(uncoveredAppDiscovery(question, true)).toBeNull();
  });
});

describe('appDiscoveryExplainedBy', () => {
  const doc = (trigger: string): TopicDoc => ({
    title: 'A runbook',
    triggers: [trigger],
    chunks: [],
    troubleshooting: [],
  });
  it('is true when a runbook states a registration failing', () => {
    expect(appDiscoveryExplainedBy([doc('Dubbo No provider available')])).toBe(true);
  });
  it('is false for runbooks of network paths', () => {
    expect(appDiscoveryExplainedBy([doc('跨节点 pod 不通'), doc('CoreDNS 解析失败')])).toBe(false);
  });
});
