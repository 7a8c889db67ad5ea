/**
 * A report whose failing subject is an application framework's own service registry: which providers or instances
 * the registry lists, whether an application registers in it, what a consumer subscribes to. Dubbo's "No provider
 * available for the service", Nacos's "微服务注册失败" with `failed to req API:/nacos/v1/ns/instance ... Invalid Http
 * response`, "Dubbo 3.0 cannot find service provider in k8s", "bug found in the service discovery" are the
 * framework's registration and discovery logic (its registry address, namespace, metadata, client version): no
 * runbook follows them. The network words in such reports ("k8s", "pod", "registry 10.233.0.1:443") are only where
 * the framework runs.
 *
 * A report stays answered when it says the network broke on the way (a timeout, a refused or failed connection, no
 * route, 不通, 连接不上) or that a name did not resolve (no such host, UnknownHostException, 无法解析) anywhere in it,
 * or when its first sentence names a path a runbook follows: then the registry is unreachable, not wrong. Declined
 * only while no runbook states such a failure (KB-relative, as uncovered-subjects.ts). Pure.
 */
import { BROKEN_CONNECTION, namesCoveredPathOrBreak } from './covered-paths.js';
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/**
 * Application frameworks with their own service registry: Nacos, ZooKeeper, Eureka, Consul, Dubbo, Seata, Spring
 * Cloud, XXL-JOB's executor registry, and the Chinese names of a registry (注册中心) and of service governance (服务治理).
 */
const REGISTRY_FRAMEWORK =
  /\bnacos\b|\bzookeeper\b|\beureka\b|\bconsul\b|\bdubbo\b|\bseata\b|spring\s*cloud|xxl-?job|注册中心|註冊中心|服务治理|服務治理/i;

/**
 * The framework's own word that registration or discovery failed: no provider available, a provider or service not
 * found or not discoverable, a subscription that fails, a registration that fails ("register failed", "cannot
 * registry to nacos", "registry fail", "registering with eureka failed"), "service discovery"; in Chinese 注册失败/注册不上/
 * 无法注册 (also with the registry named between: 注册nacos失败), 服务发现,
 * 找不到服务提供者, 订阅失败.
 */
const REGISTRY_FAILURE = new RegExp(
  [
    String.raw`\bno\s+providers?\s+available\b`,
    String.raw`\b(?:cannot|can'?t|could\s*n[o']t|unable\s+to|fail(?:ed|s)?\s+to)\s+(?:find|get|discover)\s+(?:the\s+|any\s+)?(?:service\s+)?providers?\b`,
    String.raw`\bnot\s+(?:be\s+)?discover(?:able|ed)\b`,
    String.raw`\bservice\s+discovery\b`,
    String.raw`\b(?:cannot|can'?t|unable\s+to|fail(?:ed|s)?\s+to)\s+(?:automatically\s+)?subscribe\b`,
    String.raw`\b(?:cannot|can'?t|unable\s+to|fail(?:ed|s)?\s+to)\s+regist(?:er|ry)\b`,
    String.raw`\bregist(?:er|ry|ration)\s+(?:has\s+)?fail(?:ed|s|ure)?\b`,
    String.raw`(?:注册|註冊)\s*(?:失败|失敗|不上|不了|异常|異常|不成功)`,
    String.raw`(?:注册|註冊)\s*(?:到|至|进|進)?\s*(?:nacos|eureka|consul|zookeeper|zk|dubbo|注册中心|註冊中心)\s*(?:失败|失敗|不上|不了|异常|異常|不成功)`,
    String.raw`\bregist(?:er|ering|ration)\s+(?:to|with|in|into)\s+(?:the\s+)?(?:nacos|eureka|consul|zookeeper)\s+(?:has\s+)?fail`,
    String.raw`(?:无法|無法|不能)\s*(?:注册|註冊)`,
    '服务发现|服務發現',
    String.raw`(?:找不到|无法找到|無法找到|没有可用的?|沒有可用的?)\s*(?:服务)?提供者`,
    String.raw`订阅\s*(?:失败|不到)|訂閱\s*(?:失敗|不到)`,
  ].join('|'),
  'i',
);

/**
 * A connection that failed on its way, beyond `BROKEN_CONNECTION`'s words: "can not connect", "failed to connect",
 * "connection failed", a connection reset or lost, 连接不上, 连不上, 无法连接, 连接失败, 不通; and the frameworks' own
 * words for a registry they cannot reach: Eureka's "Cannot execute request on any known server", Nacos's "no
 * available server" and "Client not connected", ZooKeeper's ConnectionLoss.
 */
const FAILED_CONNECTION =
  /\b(?:can(?:'|\s*no)?t|cannot|could\s*n[o']t|unable\s+to|fail(?:ed|s)?\s+to)\s+connect\b|\bconnect(?:ion)?\s+(?:has\s+)?failed\b|\bconnection\s*(?:was\s+)?(?:reset|lost|loss)\b|cannot\s+execute\s+request\s+on\s+any\s+known\s+server|\bno\s+available\s+server|\bnot\s+connected\b|连接不上|連接不上|连不上|連不上|(?:无法|無法|不能)\s*连接|(?:无法|無法|不能)\s*連接|连接失败|連接失敗|不通/i;

/**
 * A name that did not resolve: no such host, NXDOMAIN, UnknownHostException, could not resolve, a name resolution
 * failing, 无法解析, 解析失败.
 */
const NAME_NOT_RESOLVED =
  /no\s+such\s+host|\bnxdomain\b|unknown\s*host|(?:could\s*n[o']t|can(?:'|no)?t|cannot|unable\s+to|failed\s+to)\s+resolve|\bnot\s+resolv|resolution\s+(?:fail|error)|\bservfail\b|(?:无法|無法|不能)\s*解析|解析\s*(?:失败|失敗|不到|不了)/i;

/**
 * The subject when a report names a framework with its own registry and says, in the framework's words, that
 * registration or discovery failed, while nothing in it says the network broke or a name did not resolve and its
 * first sentence names no covered path; else null. "dubbo3.1.0 kubernetes sample use k8s as registry, consumer fail
 * to startup ... No provider available" is declined; "Nacos配置中心连接超时 ... no available server" (a timeout) and
 * "xxl-job-admin连接k8s中的执行器失败 ... UnknownHostException" (a name) are answered.
 */
export function uncoveredAppDiscovery(question: string, explained: boolean): string | null {
  const { text, headline } = readReport(question);
  if (!REGISTRY_FRAMEWORK.test(text) || !REGISTRY_FAILURE.test(text)) return null;
  if (namesCoveredPathOrBreak(headline)) return null;
  if (BROKEN_CONNECTION.test(text) || FAILED_CONNECTION.test(text) || NAME_NOT_RESOLVED.test(text))
    return null;
  return explained
    ? null
    : "an application framework's own service registration and discovery (Dubbo, Nacos)";
}

/** Whether a runbook states a framework's registration or discovery failing. */
export function appDiscoveryExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, REGISTRY_FAILURE);
}
