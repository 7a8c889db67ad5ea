/**
 * Words matched across forms and languages: a question's English word and the runbook's Chinese one ("metrics
 * port" ↔ 指标端口), plural and past forms, a camelCase key and its kebab-case spelling. Pure.
 */
import { terms } from '../rank-rows.js';

/**
 * The KB is written in Chinese and many questions are not: the words that name what is asked are matched across
 * the two (a "metrics port" is the 指标端口). Small and closed: only words that pick a value's line.
 */
const TRANSLATIONS = new Map<string, string[]>(
  Object.entries({
    metrics: ['指标'],
    port: ['端口'],
    ports: ['端口'],
    gateway: ['网关'],
    default: ['默认'],
    interface: ['网卡', '接口'],
    subnet: ['子网', '网段'],
    mode: ['模式'],
    range: ['范围'],
    file: ['文件'],
    write: ['写出'],
    writes: ['写出'],
    tunnel: ['隧道'],
    route: ['路由'],
    router: ['路由器'],
    routers: ['路由器'],
    firewall: ['防火墙'],
    address: ['地址'],
    dns: ['解析'],
    block: ['地址块'],
    node: ['节点'],
    nodes: ['节点'],
    open: ['放行', '开放'],
    allow: ['放行'],
    security: ['安全组'],
    client: ['客户端'],
    source: ['源'],
    keep: ['保留'],
    keeps: ['保留'],
    preserve: ['保留'],
    variable: ['变量'],
    forward: ['转发'],
    forwarding: ['forward', '转发'],
    domain: ['域名'],
    upstream: ['上游'],
    device: ['设备'],
    devices: ['设备'],
    protocol: ['协议'],
    protocols: ['协议'],
    timeout: ['超时'],
    remove: ['移除'],
    // "get rid of kube-proxy": 移除.
    rid: ['移除'],
    health: ['健康', '存活'],
    namespace: ['命名空间'],
    // "when mode is empty", "if it is unset": 未配置.
    empty: ['未配置'],
    unset: ['未配置'],
    enable: ['开启', '启用'],
    masquerade: ['伪装'],
    cluster: ['集群'],
    bridge: ['网桥'],
    mask: ['掩码'],
    netmask: ['掩码'],
    // "Does host-gw require all nodes on one layer 2 network": the line stating the requirement (要求二层直连).
    require: ['要求'],
    requires: ['要求'],
    // Symptoms a report describes in its own words: "DNS lookups stall", "calls its own Service" (解析延迟、访问自己).
    lookup: ['解析'],
    lookups: ['解析'],
    stall: ['延迟'],
    stalls: ['延迟'],
    delay: ['延迟'],
    delayed: ['延迟'],
    own: ['自己'],
    itself: ['自己'],
    // "the search domains get appended to the name": 名字中点数少于 5 时先依次拼接 search 域.
    name: ['名字'],
    // "a stable name", "stable network identity": 每个 Pod 获得稳定域名.
    stable: ['稳定'],
    append: ['拼接'],
    show: ['出现'],
    // "Is a pod IP reachable from outside the cluster": 集群外、外部网络; 可路由.
    outside: ['外部'],
    reach: ['可达', '可路由'],
    reached: ['可达', '可路由'],
    routable: ['可路由'],
  }),
);

/**
 * "masquerades", "domains", "enabled": an English word a line writes in another form. Only plain endings; the
 * forms tried are looked up, never assumed to exist.
 */
export function wordForms(term: string): string[] {
  if (!/^[a-z]{5,}$/.test(term)) return [];
  const forms: string[] = [];
  if (term.endsWith('ies')) forms.push(`${term.slice(0, -3)}y`);
  if (term.endsWith('es')) forms.push(term.slice(0, -2));
  if (term.endsWith('s') && !term.endsWith('ss')) forms.push(term.slice(0, -1));
  if (term.endsWith('ed')) forms.push(term.slice(0, -2), term.slice(0, -1));
  if (term.endsWith('ing')) forms.push(term.slice(0, -3), `${term.slice(0, -3)}e`);
  // "reachable" ↔ `can-reach`.
  if (term.endsWith('able')) forms.push(term.slice(0, -4));
  return forms;
}

/** The same words read the other way: a Chinese question names the mode (模式) a line states as `mode`. */
const BACK_TRANSLATIONS: ReadonlyArray<[english: string, bigrams: string[]]> = [...TRANSLATIONS].flatMap(
  ([english, words]) =>
    words
      .filter((word) => /\p{Script=Han}/u.test(word))
      .map((word): [string, string[]] => [english, [...terms(word).keys()]]),
);

/** "KubeProxyReplacement", "proxyMode": the kebab-case key a runbook writes (`kube-proxy-replacement`). */
export function camelTerms(text: string): Map<string, number> {
  // Words of capitalised parts only: "CoreDNS" or "IPv4" is a name, not a key.
  const kebab = (text.match(/\b(?:[a-z]+|[A-Z][a-z]+)(?:[A-Z][a-z]+)+\b/g) ?? []).map((word) =>
    word.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase(),
  );
  return kebab.length === 0 ? new Map() : terms(kebab.join(' '));
}

/** A term's other forms and their translations' terms ("lookups" → lookup, 解析). */
export function variantsOf(term: string): string[] {
  const forms = wordForms(term);
  const translated = [term, ...forms].flatMap((form) => TRANSLATIONS.get(form) ?? []);
  return [...forms, ...translated.flatMap((word) => [...terms(word).keys()])];
}

export function withTranslations(found: Map<string, number>): Map<string, number> {
  for (const [term, weight] of [...found]) {
    const translations =
      TRANSLATIONS.get(term) ?? wordForms(term).flatMap((form) => TRANSLATIONS.get(form) ?? []);
    for (const translated of translations) {
      for (const bigram of terms(translated).keys())
        if (!found.has(bigram)) found.set(bigram, Math.min(weight, 1));
    }
  }
  for (const [english, bigrams] of BACK_TRANSLATIONS)
    if (!found.has(english) && bigrams.length > 0 && bigrams.every((bigram) => found.has(bigram)))
      found.set(english, 1);
  return found;
}
