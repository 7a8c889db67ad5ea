import { wholeNameMentions } from './name-mentions.js';

/**
 * The namespace of a command a report runs on an add-on's own object (`kubectl -n metallb-system logs
 * speaker-x7k2p`, `kubectl logs -n kube-system calico-node-7xk2p`, `kubectl rollout restart daemonset kube-vip-ds -n
 * kube-vip`, `kubectl exec -n kube-system kube-ovn-cni-x7k2p -- ovs-vsctl show`): it says where the CNI, load
 * balancer or DNS add-on runs, not where the application pod or Service the report is about lives. Filling it as
 * that object's `<namespace>` (`kubectl exec -n metallb-system web-6d4cf56db6-2xk9v ...`) points the check at the
 * wrong place; an open `<namespace>` is better. Pure.
 */

/** Names of add-on objects: CNI, kube-proxy, DNS, load-balancer and ingress components and their daemons. */
const ADD_ON_OBJECT =
  /^(?:kube-(?:proxy|flannel|ovn|vip|router|dns|multus)|calico-|cilium|hubble-|ovn|ovs-|ovnkube|antrea|weave|multus|canal|rke2-canal|flannel|coredns|nodelocaldns|node-local-dns|metallb|speaker(?:-|$)|tigera|ingress-nginx|nginx-ingress|kube-vip|spiderpool|whereabouts)/i;

/** The words of a kubectl command that are no object's name: verbs, kinds and their short names. */
const NOT_OBJECT =
  /^(?:get|describe|logs?|exec|apply|create|attach|edit|delete|patch|rollout|restart|status|history|top|port-forward|debug|annotate|label|scale|pods?|po|daemonsets?|ds|deployments?|deploy|statefulsets?|sts|services?|svc|configmaps?|cm|replicasets?|rs|-it|-ti)$/i;

const KUBECTL_CLAUSE = /(?<![\w-])(?:kubectl|oc)\s/gi;
const NAMESPACE_FLAG = /(?<![\w-])(?:-n|--namespace)(?:\s+|=)([a-z0-9][a-z0-9-]*)(?![\w-])/i;
const NAMESPACE_WORD_BEFORE = /(?:namespace|ns|命名空间|命名空間|名称空间)\s*[:=：]?\s*[`'"]?$/i;
const NAMESPACE_WORD_AFTER = /^[`'"]?\s*(?:namespace|ns|命名空间|命名空間|名称空间)/i;
/** Flags whose value is the next word, so that word is no object. */
const VALUE_FLAG = /^(?:-n|--namespace|-c|--container|--tail|--since|--context|-o|--output|-f|--filename)$/i;

/** The object a kubectl clause acts on: its first word that is no verb, kind, flag or flag value. */
function clauseObject(clause: string): string | undefined {
  const words = clause.split(/\s+/).filter((word) => word !== '');
  for (let i = 0; i < words.length; i++) {
    const word = (words[i] ?? '').replace(/[,.:;)"'`]+$/, '');
    if (word === '--') return undefined;
    if (word.startsWith('-')) {
      if (VALUE_FLAG.test(word)) i++;
      continue;
    }
    const name = word.replace(/^(?:pods?|po|ds|daemonsets?|deploy(?:ments?)?|sts|statefulsets?)\//i, '');
    if (NOT_OBJECT.test(name)) continue;
    return /^[a-z0-9][a-z0-9.-]*$/i.test(name) ? name.toLowerCase() : undefined;
  }
  return undefined;
}

/** Whether a name is an add-on's own object (its pod, DaemonSet or Deployment), not an application's. */
export function addOnObject(name: string): boolean {
  return ADD_ON_OBJECT.test(name);
}

/**
 * Whether every `-n namespace` the report writes belongs to a kubectl command acting on an add-on's object, while
 * the report names an application pod or Service to fill (`objects`: the pod first, then the Service): then the
 * namespace is the add-on's. Beside an application Service, the add-on's own pod (`kubectl -n metallb-system logs
 * speaker-x7k2p`) gives no namespace either: `kubectl get svc web -n metallb-system` looks in the wrong place, and an
 * open `<namespace>` costs the add-on pod's checks less than a wrong one costs the Service's.
 * A namespace written any other way (`namespace shop`, `kubectl exec -n shop web-0`) keeps it, as does a report
 * naming no application object (the add-on is then what it is about).
 */
export function addOnCommandNamespace(
  text: string,
  namespace: string,
  objects: readonly (string | undefined)[],
): boolean {
  // The application's pod, else its Service: the object the checks are run on.
  const subject = objects.find((name): name is string => name !== undefined && !addOnObject(name));
  if (subject === undefined) return false;
  const lower = text.toLowerCase();
  const flagged = new Set<number>();
  for (const match of text.matchAll(KUBECTL_CLAUSE)) {
    const start = (match.index ?? 0) + match[0].length;
    const rest = text.slice(start);
    const end = rest.search(/[;；。，,\n|]|(?<![\w-])(?:kubectl|oc)\s/);
    const clause = end === -1 ? rest : rest.slice(0, end);
    const flag = NAMESPACE_FLAG.exec(clause);
    if (flag?.[1]?.toLowerCase() !== namespace) continue;
    // A command on no one object (`kubectl get pods -n calico-system`, `kubectl apply -n kube-vip -f ...`) is the
    // add-on's when the namespace bears the add-on's name.
    const object = clauseObject(clause) ?? (addOnObject(namespace) ? namespace : undefined);
    if (object === undefined || !addOnObject(object) || object === subject) return false;
    flagged.add(start + flag.index + flag[0].length - namespace.length);
  }
  if (flagged.size === 0) return false;
  // Any other mention of the namespace (prose, a field, another command) may be the application's own.
  for (const at of wholeNameMentions(lower, namespace)) {
    if (flagged.has(at)) continue;
    // An add-on's name written in prose ("installed kube-vip with ...") is the add-on, not its namespace, unless a
    // namespace word is beside it.
    const before = text.slice(Math.max(0, at - 16), at);
    const after = text.slice(at + namespace.length, at + namespace.length + 16);
    if (!addOnObject(namespace) || NAMESPACE_WORD_BEFORE.test(before) || NAMESPACE_WORD_AFTER.test(after))
      return false;
  }
  return true;
}
