/**
 * A report about issuing a TLS certificate through ACME (cert-manager, Let's Encrypt): an order or challenge stuck
 * pending, an HTTP-01 self check answered 404, a renewal that never completes. Issuing a certificate is the issuer's
 * and the ACME server's business; the runbooks follow packets, not certificate orders. Declined only while no runbook
 * states ACME issuance in its title, triggers, headings or symptoms (KB-relative, as uncovered-subjects.ts). A
 * certificate error on a path a runbook follows (x509 on a webhook's Service, TLS through an MTU-limited tunnel) names
 * no ACME issuance and is left to the other rules. Pure.
 */
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/** ACME issuance by name: the protocol, its challenge types, Let's Encrypt, cert-manager's issuers and orders. */
const ACME_ISSUANCE =
  /\bacme\b|\b(?:http|dns)-01\b|let'?s\s*encrypt|\bletsencrypt\b|\bcluster-?issuers?\b|\bcertificate-?requests?\b|acme\.cert-manager\.io|cert-manager\.io\/(?:cluster-)?issuer/i;
/**
 * A first sentence about the certificate or its issuance: a certificate, its challenge, order or renewal, an issuer,
 * ACME itself (证书, 签发, 续期). Not Let's Encrypt alone: "we use letsencrypt for TLS" beside a failing path names
 * the cluster's setting, not its subject.
 */
const ISSUANCE_HEADLINE =
  /\bcert(?:ificate)?s?\b|\bchallenges?\b|\borders?\b|\brenew(?:al|ing|s)?\b|\bissu(?:e|ing|ance|er)\b|\bacme\b|\b(?:http|dns)-01\b|证书|證書|签发|簽發|续期|續期/i;

/**
 * The subject when a report's first sentence is about a certificate or its issuance and the report names ACME
 * issuance ("Challenge stuck in pending - Waiting for http-01 challenge propagation", "Certificate status is stuck in
 * FALSE state ... letsencrypt clusterissuer", "Self test of domain without acme ingress ready"); else null. A report
 * whose first sentence names a path ("Can't access pods by service cluster ip ... cert-manager-webhook ClusterIP")
 * names no ACME issuance and is answered.
 */
export function uncoveredCertificateIssuance(question: string, explained: boolean): string | null {
  const { text, headline } = readReport(question);
  if (!ACME_ISSUANCE.test(text) || !ISSUANCE_HEADLINE.test(headline)) return null;
  return explained ? null : "issuing a TLS certificate through ACME (cert-manager, Let's Encrypt)";
}

/** Whether a runbook states ACME issuance in its topics. */
export function certificateIssuanceExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, ACME_ISSUANCE);
}
