/**
 * A report about a TLS certificate a client refuses: `x509: certificate signed by unknown authority` on an image
 * pull, `x509: certificate has expired or is not yet valid` from kubectl or the API server, `x509: cannot validate
 * certificate for 10.0.0.5 because it doesn't contain any IP SANs` from metrics-server. The connection got through;
 * which CA signed the certificate, its validity and its names (SANs) are the PKI's business (kubeadm's certificates,
 * a registry's CA, a kubelet's serving certificate), not a path the runbooks follow. A first sentence naming such a
 * path (DNS, an MTU mismatch, a NodePort, a network policy, a timeout, pods that cannot reach each other) keeps the
 * report answered. Declined only while no runbook is about certificate verification (KB-relative, as
 * uncovered-subjects.ts). Pure.
 */
import { namesCoveredPathOrBreak } from './covered-paths.js';
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/**
 * A client's refusal of a certificate, as Go prints it (`x509: ...`, `tls: failed to verify certificate`) or a
 * report says it: signed by an unknown authority, expired, not valid for a name, no IP SANs (证书过期, 证书不受信任).
 */
const CERTIFICATE_REFUSED =
  /\bx509:|\btls:\s*failed\s+to\s+verify\b|\bcertificate\s+(?:signed\s+by\s+unknown\s+authority|has\s+expired|is\s+not\s+(?:yet\s+)?valid|is\s+valid\s+for)\b|\bdoesn'?t\s+contain\s+any\s+ip\s+sans\b|(?:证书|證書)\s*(?:已经|已經|已)?\s*(?:过期|過期|失效|不受信任|不被信任|校验失败|校驗失敗)/i;
/** The certificate named by the first sentence (the subject): x509, a certificate, TLS (证书). */
const CERTIFICATE = /\bx509\b|\bcert(?:ificate)?s?\b|\btls\b|\bssl\b|证书|證書/i;
/**
 * Beside the shared covered paths and broken connections (covered-paths.ts), the first sentence may name the Service
 * range (`--service-cluster-ip-range`, whose address the API server's certificate must name), a ClusterIP or a name
 * lookup (resolv.conf, 解析).
 */
const SERVICE_RANGE_OR_LOOKUP = /service-cluster-ip-range|service\s*cidr|cluster-?ip|resolv|解析/i;

/**
 * Whether the first sentence names a path the runbooks explain beside the certificate: DNS, an MTU mismatch, a
 * NodePort, a network policy, the Service range, a timeout or refused connection, pods that cannot reach each other.
 */
function namesCoveredPath(headline: string): boolean {
  return namesCoveredPathOrBreak(headline) || SERVICE_RANGE_OR_LOOKUP.test(headline);
}

/**
 * The subject when a report's first sentence is about a certificate and the report quotes a client refusing it
 * ("Failed to pull image x509: certificate signed by unknown authority", "version 1.7.2 x509: certificate has
 * expired", "docker登陆harbor 出现x509：certificate signed by unknown authority"); else null. "coredns 报证书问题 ...
 * 集群内部名称不能解析" quotes no refused certificate, and "TLS handshake times out through the tunnel (MTU 1280)" names a
 * path: both are answered.
 */
export function uncoveredCertificateVerification(question: string, explained: boolean): string | null {
  const { text, headline } = readReport(question);
  if (!CERTIFICATE_REFUSED.test(text) || !CERTIFICATE.test(headline) || namesCoveredPath(headline))
    return null;
  return explained ? null : 'a TLS certificate a client refuses (x509: its CA, validity or names)';
}

/** Whether a runbook is about a refused certificate (its title, triggers, headings or symptoms quote one). */
export function certificateVerificationExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, CERTIFICATE_REFUSED);
}
