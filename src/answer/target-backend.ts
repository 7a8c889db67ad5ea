/**
 * Whether the report's pod can be the backend of the connection its pasted error says failed. A client's error names
 * the end it dialled by name (`Unable to connect to zookeeper.openwhisk:2181`, `Could not connect to Redis at
 * dev-tmp-redis:26379`, `dial tcp: lookup argocd-redis on 10.96.0.10:53: no such host`); a Service's pods carry its
 * workload's name (`zookeeper-0`, `dev-tmp-redis-master-0`, `argocd-redis-5b6967fdfc-48z9d`). A pod whose name shares
 * nothing with that name (`controller-0` beside `zookeeper.openwhisk:2181`, a crash-looping client listed with its
 * neighbours) is not what the error dialled: a check of what the backend listens on (`ss -lntu` in `<pod>`) run there
 * would read the wrong end. An address with no name (`dial tcp 10.0.17.253:5412`) says nothing of the pod's name. Pure.
 */
import { failedConnection, peerConnection } from './failed-connection.js';

/** Words of a Service's or workload's name that say what kind of object it is, not which one. */
const KIND_WORDS = new Set([
  'svc',
  'service',
  'headless',
  'hl',
  'deploy',
  'deployment',
  'sts',
  'statefulset',
  'pod',
  'app',
  'api',
  'server',
  'client',
  'master',
  'primary',
  'leader',
  'node',
  'cluster',
  'default',
  'internal',
  'external',
  'public',
  'private',
  'local',
  'test',
  'dev',
  'prod',
]);

/** The words of a name that say which object it is: hyphen-separated, digits dropped, kind words and short ones out. */
function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[-_.]+/)
    .map((word) => word.replace(/\d+/g, ''))
    .filter((word) => word.length >= 3 && !KIND_WORDS.has(word));
}

/** The host the failed connection names, when it is a name (no address). */
function dialledName(text: string): string | undefined {
  const connection = failedConnection(text) ?? peerConnection(text);
  if (connection === null) return undefined;
  const host = connection.target
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/:\d+$/, '')
    .toLowerCase();
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(host) || !/[a-z]/.test(host)) return undefined;
  return host;
}

/**
 * True when the report's error dialled an end by name and `pod`'s name shares no word with that name's first label
 * (the Service or pod the name resolves to): the pod is not that end's backend. False when it shares one, or the
 * error names no end by name.
 */
export function podBesideDialledName(text: string, pod: string): boolean {
  if (pod === '') return false;
  const host = dialledName(text.normalize('NFKC'));
  if (host === undefined) return false;
  const label = host.split('.')[0] ?? '';
  // The API server's own Service is backed by no pod of the report.
  if (label === 'kubernetes') return true;
  const wanted = nameWords(label);
  if (wanted.length === 0) return false;
  const podName = pod.toLowerCase();
  const own = nameWords(podName);
  return !wanted.some((word) => own.includes(word) || podName.includes(word));
}
