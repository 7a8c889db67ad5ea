/**
 * Which commands an answer suggests, and in what order. Pure.
 *
 * Every candidate is scored by how well its own context matches the question: its purpose comment, the
 * headings of the section it sits in, the troubleshooting rows that name it (symptom and cause) and its text.
 * Commands of the matched rows (the likely causes) and of the best section score extra; so does the check a matched
 * row's symptom quotes ("`calicoctl node status` 显示 Active", `symptom-checks.ts`), which shows whether the report has
 * that symptom at all. Candidates come from the top doc; another doc contributes only when it is on topic by a clear
 * margin (its best hit scores close to the top one), and then only the commands of its rows that match the question
 * (a likely cause it names): a command that merely shares the question's words is, in another runbook, more often off
 * topic than not, unless which runbook fits is uncertain (below), when a close runbook's checks that match the
 * question well on their own words hedge the choice.
 * Nothing is padded in: a short answer stays short, except that an answer with fewer than `minCommands` takes
 * the top doc's first read-only checks, and not even then when which runbook fits is in doubt (`doubt-padding.ts`).
 * When another runbook scored nearly as high as the top one, or close to it while none of the top one's rows
 * matches the question well (either way, which runbook fits is uncertain), the answer keeps only `minCommands` of
 * the top one's checks and no fixes: commands of a runbook that may be the wrong one are few, and none of them
 * changes the cluster. Of those few, the check of the top runbook's row whose symptom the report states
 * (`stated-symptom.ts`) takes the place of the lowest-ranked check no matched row names.
 * Which runbook fits is also in doubt when another runbook scored at least 0.6 of the top one's best hit while the
 * top one's text holds under 0.55 of the question's weighted terms (`routingInDoubt`): the answer then carries no
 * fix either. Answers whose first citation is wrong carry nearly all off-topic commands, and these are the answers
 * most often wrong.
 * A distinctive clue of the question (a word or concept of what fails that what the retrieved runbooks say of only
 * one or two checks holds, `firewalld`, or a tool and sub-command it names, `cilium status`) gets the top runbook's
 * check of it a place, up to `MAX_CLUE_PICKS`, in place of the lowest-ranked check when the answer is full: summed
 * word overlap favours the checks a long report's body repeats words of, and the one check testing what the
 * headline names is lost among them. A long report's closing question ("… 要改 IPPool 的哪个字段？") names clues too: its
 * concepts, and the objects a check reads by name (`calicoctl get ippool -o wide`); only read-only checks count as a
 * clue's holders. Another runbook's check of a clue is left out (measured: it added off-topic
 * commands and lost more checks than it found), and so is any clue check when which runbook fits is uncertain.
 * So does the check of the top runbook's row that a long report's headline names (`headlineRow`): rows are ranked
 * over the whole report, whose body's words push that row down, and its check below the cut. Ranking the rows
 * with the body's words counting less instead was measured: as many checks lost as found.
 * A setting named in another style is the same clue (`joinedParts`): the env var `CALICO_IPV4POOL_NAT_OUTGOING` a
 * report names is the `NATOUTGOING` column the runbook's `calicoctl get ippool -o wide` shows.
 * Read-only commands are the diagnostics (run in order); anything else is a fix, in its own short group, and
 * only for a likely cause the top runbook states (a row sharing at least `WEAK_ROW` of the question's weighted
 * terms): the state-changing command that best matches what its row says to do.
 * A variant of a check already ranked (the same program and sub-command on another target: `kubectl ko trace …
 * tcp` to a ClusterIP after the one to a pod, `ip route get <pod-ip>` after `ip route get <target-ip>`, any lookup
 * of a name after another: `nslookup <service-name>…` after `nslookup kubernetes.default…`) counts less: it tests the
 * same thing again, where another check tests another likely cause.
 * A report stating the kube-proxy mode its cluster runs ("in iptables mode", "--proxy-mode=ipvs", "ipvs 模式";
 * `statedProxyMode`) gets that mode's checks scored higher and the checks of another mode (`ipvsadm -Ln` for an
 * iptables-mode report) ranked after all the others: they test a data plane the cluster does not run. A check
 * finding out which mode kube-proxy runs (`curl …/proxyMode`) scores less then: it would show what the report says,
 * and took the place of the stated mode's check of the service (`ipvsadm -Ln -t …`). A report stating no mode and
 * showing no trace of IPVS most likely runs the default, iptables: an IPVS-only check scores less then
 * (`unlikelyIpvsCheck`).
 * So does a report stating the overlay mode its pod network runs ("Calico VXLAN mode", "CALICO_NETWORKING_BACKEND:
 * vxlan", "host-gw 模式"; `statedEncapMode`): the checks of another mode (`tcpdump … 'ip proto 4'` and `ip -d link
 * show tunl0` for a VXLAN report) rank after all the others. The stated mode's own checks get no bonus: measured, it
 * pushed out the checks of what the report says fails ("bgp peer+ipip 模式 … bird 无法建立 bgp 连接").
 * A runbook about no particular CNI labels each CNI's form of a check ("Flannel：查看 FLANNEL-POSTRTG 链"); the form for
 * the CNI the report runs (named, or its distribution's default) ranks right after the matched row's generic check it
 * specializes (`iptables -t nat -S POSTROUTING`; `cni-variant.ts`): that is where the cause shows on this cluster.
 * A check taking an address the report names (`<target-ip>` for the address it fails to reach, `<cluster-ip>` for
 * the Service's) scores a little more: of the runbook's checks of a cause, it tests this report's path. A check the
 * report shows it already ran (`curl 10.10.82.20:5555 gives … timeout` for a curl of the ClusterIP; the pasted
 * output of `kubectl get po -A -owide` for a pod listing) scores less: it would show what the report says, and the
 * runbook's next check of that cause takes its place (`already-ran.ts`, `named-objects.ts`). A report saying a name
 * outside the cluster fails to resolve (`Could not resolve host: example.com`) gets the checks of that side of DNS
 * scored higher: the lookup of an outside name and the Corefile forwarding it upstream (`failing-name.ts`).
 * A check of the top runbook reading a setting that the fix of a likely cause it states changes (`resolvConf`,
 * `FLANNEL_MTU`, `subnet.env`; `fix-settings.ts`) scores more: it confirms that cause, where the row's own check
 * often only shows the symptom again (the CoreDNS logs saying `Loop ... detected`).
 * A report naming the node's firewall ("firewalld enabled", "after stop firewall it works", 防火墙) or the error its
 * default reject produces ("No route to host") gets the top runbook's check listing the node's filter rules
 * (`iptables -S FORWARD`, `iptables -L INPUT -n -v`; `host-firewall.ts`) a place, as the stated symptom's check has:
 * a long report's words favour the runbook's generic checks, and the one of the cause it points at fell below the cut.
 * A report naming a CNI whose architecture runbook covers its whole datapath (Cilium, OVN-Kubernetes) while a runbook
 * about no particular CNI leads (CoreDNS, a NodePort; `named-cni-runbook.ts`) gets that runbook's best first check
 * (`cilium status --wait`) a place, as the stated symptom's has: such a CNI builds the Service load balancing into its
 * own datapath, which the generic runbook's checks never look at. So does a report saying traffic between nodes fails
 * ("nodeport only accessible from the node the pod runs on") get the check of its CNI's runbook (`cross-node-runbook.ts`):
 * the row of it stating that contrast (UDP 8472), else its best first check; the firewall check placed for the report
 * stays.
 * A report saying traffic within one node fails ("can't reach the ClusterIP of a pod on the same node", "DNS fails when
 * the app pod and the coredns pod are on the same node"; `sameNodeFails`) gets the check of the row stating that
 * (`sysctl net.bridge.bridge-nf-call-iptables`) a place, as the stated symptom's has, even from a second runbook:
 * the Service or DNS runbook leads such reports, and its own checks filled them.
 * Such a report also gets the top runbook's lookup of a Service's name from a pod (`nslookup <service-name>…`;
 * `service-lookup.ts`) a place, unless the answer already looks up one pod's name: it asks DNS for the record the client
 * failed to find, where the lookup of `kubernetes.default` only shows that DNS answers at all.
 * A check of MetalLB scores less, and is no clue's pick, when the report names no LoadBalancer Service, external IP or
 * VIP (`checksUnnamedLoadBalancer`): the NodePort runbook's MetalLB section shares a NodePort report's words, and its
 * speaker logs took the place of the NodePort's own checks.
 * A report pasting a client's error of a connection to a Service by its cluster name or ClusterIP (`dial tcp … loki:3100:
 * connect: no route to host`, `connect timed out … nacos.default.svc.cluster.local:8848`; `service-endpoints.ts`) gets the
 * top runbook's read of that Service's endpoints a place, as the stated symptom's has: a Service without a ready endpoint
 * is the likeliest cause of any such error, and a long report's words favoured the runbook's rule dumps and probes.
 * A check of a troubleshooting row whose cause the report rules out (the cause sets `externalTrafficPolicy: Local`,
 * the report states `External Traffic Policy: Cluster`; `ruled-out.ts`) is left out, unless another matched row names
 * it: it tests a cause the cluster does not have, and took the place of the check of the cause the report points at.
 * A check only rows of a pod reaching itself through its own Service name (the bridge hairpin check; `self-access.ts`)
 * is left out of a report not saying the client is the backend, and its place is not filled but in a short answer:
 * such a row shares every other word of a Service timeout, and its check led answers about another pod's Service.
 * An answer whose checks all come from other runbooks than the one it cites first (close runbooks' checks matching a
 * contested report's words) gets that runbook's check of a matched row, or else its best check, a place
 * (`topRunbookCheck`), as the stated symptom's has: it otherwise tests none of the causes of the runbook it leads with.
 * A check scoring far under the reference one is left out; when the top runbook states a likely cause, the
 * reference is the second-best check, not the best: the check its matching row names stacks the row's, the
 * section's and the first checks' bonuses and stands far above the runbook's other checks of that cause. Another
 * runbook's check must come close to the best one: when it does not, the top runbook's next check is more to the
 * point.
 * A check that the top runbook names word for word too (`kubectl exec … -- cat /etc/resolv.conf` in the CoreDNS and the
 * hostNetwork runbooks) is cited from the top runbook, whichever runbook's copy ranked it (`sameCheckOf`): the answer
 * cites the runbook it follows, and the same command cited from a second runbook reads as a check of another cause.
 * When which runbook fits is uncertain, a close runbook's check of a row matching the report is left out, unless that
 * runbook is about the CNI the report runs (`close-runbook-rows.ts`): it tests the other runbook's causes, and the
 * answer points at that runbook anyway.
 */

import type { CommandRecord, DocRecord, TroubleshootingRow } from '../core/types.js';
import type { FusedHit } from '../retrieve/types.js';
import { extensionCallFails } from '../retrieve/webhook-call.js';
import { alreadyRan, ranProbes, runLine } from './already-ran.js';
import { alreadyInPlace } from './already-set.js';
import { closingQuestion } from './asked-last.js';
import { callerCheckOf } from './caller-node-check.js';
import { closeDocs } from './close-docs.js';
import { closeRunbookRowCheck } from './close-runbook-rows.js';
import { clusterNameUnresolved, readsPodResolvConf } from './cluster-name-unresolved.js';
import { reportCniVariant } from './cni-variant.js';
import { saysCrossNodeFails } from './cross-node-runbook.js';
import { chunkOf, commandByText } from './doc-index.js';
import { withoutDoubtPadding } from './doubt-padding.js';
import { otherEncapCheck, statedEncapMode } from './encap-mode.js';
import { checksOutsideName, outsideNameFails } from './failing-name.js';
import { fixSettings, readsSetting } from './fix-settings.js';
import { listsHostFirewall, pointsAtHostFirewall } from './host-firewall.js';
import { kubectlReadKey, readsReportObject } from './kubectl-read.js';
import { proxyModeNotTaking } from './mode-not-taking.js';
import { statesNameNotAddress } from './name-not-address.js';
import { namedAddresses, takesNamedAddress } from './named-objects.js';
import { sameNodeWorksOtherFails } from './node-contrast.js';
import { namesPodDnsName } from './pod-dns-name.js';
import { checksPodRecord, looksUpPodName } from './pod-record-check.js';
import {
  asksProxyMode,
  otherModeCheck,
  sameModeCheck,
  statedProxyMode,
  unlikelyIpvsCheck,
} from './proxy-mode.js';
import {
  checkTerms,
  clueTerms,
  clueText,
  headlineRow,
  isConcept,
  joinedParts,
  type PerConcepts,
  type RankedRow,
  rememberedFor,
  termPositions,
  termsWithConcepts,
  wholeTermsWithConcepts,
} from './rank-rows.js';
import { repeatsRequest, requestUnanswered } from './repeat-request.js';
import { causeRuledOut, knownValues } from './ruled-out.js';
import { selfAccessUnstated } from './self-access.js';
import { readsServiceEndpoints, serviceConnectionFails } from './service-endpoints.js';
import { looksUpServiceName } from './service-lookup.js';
import { sharedWeight, wantedTerms } from './shared-weight.js';
import { statedSymptomRow } from './stated-symptom.js';
import { suspectedCause } from './suspected-cause.js';
import { checksSymptomNames } from './symptom-checks.js';
import type { Concepts } from './types.js';
import { checksUnnamedAddOn, checksUnnamedCni, checksUnnamedLoadBalancer } from './unnamed-add-on.js';
import { checksUnnamedServiceRange } from './unnamed-range.js';

export interface CommandOptions {
  /** Most read-only diagnostics in one answer. */
  maxDiagnose: number;
  /** Most state-changing fixes in one answer. */
  maxFixes: number;
  /** Fewer diagnostics than this: the top doc's first read-only checks complete them. */
  minCommands: number;
  /** Another doc's commands are candidates only when its best hit scores at least this share of the top hit. */
  otherDocShare: number;
}

const normalized = new WeakMap<CommandRecord, string>();

/** The command with whitespace runs collapsed: two records with the same key are the same command. */
function commandKey(record: CommandRecord): string {
  let key = normalized.get(record);
  if (key === undefined) {
    key = record.command.replace(/\s+/g, ' ').trim();
    normalized.set(record, key);
  }
  return key;
}

/** Per command: the terms of its context (purpose, section headings, rows naming it, its text) and their concepts. */
const contexts: PerConcepts<ReadonlySet<string>> = new WeakMap();

function contextTerms(
  record: CommandRecord,
  doc: DocRecord,
  concepts: Concepts | undefined,
): ReadonlySet<string> {
  // Placeholders are not words of the context (`<pod-ip>` says nothing about the question).
  return rememberedFor(contexts, record, concepts, () =>
    contextTermsOf(record, doc, record.command.replace(/<[^>\s]+>/g, ' '), concepts),
  );
}

/** The terms of a command's purpose, section headings and the rows naming it, with `text` standing for the command. */
function contextTermsOf(
  record: CommandRecord,
  doc: DocRecord,
  text: string,
  concepts: Concepts | undefined,
): ReadonlySet<string> {
  const chunk = chunkOf(doc, record.chunkId, record.source.line);
  const headings = chunk ? chunk.headingPath.slice(1).join(' ') : '';
  const rows = doc.troubleshooting
    .filter((row) => row.commands.includes(record.command))
    .map((row) => `${row.symptom} ${row.cause}`)
    .join(' ');
  return new Set(termsWithConcepts(`${record.purpose} ${headings} ${rows} ${text}`, concepts).keys());
}

/**
 * Per command: `contextTerms` without the subshell that picks the pod to run it in (`$(kubectl -n calico-system get
 * pod -l k8s-app=calico-node --field-selector spec.nodeName=<node-name> -o name)`): where a check runs is not what it
 * checks, and that boilerplate's words (pod, node, get, name) match nearly every report.
 */
const runContexts: PerConcepts<ReadonlySet<string>> = new WeakMap();

function runContextTerms(
  record: CommandRecord,
  doc: DocRecord,
  concepts: Concepts | undefined,
): ReadonlySet<string> {
  return rememberedFor(runContexts, record, concepts, () =>
    contextTermsOf(
      record,
      doc,
      record.command.replace(/\$\([^)]*\)/g, ' ').replace(/<[^>\s]+>/g, ' '),
      concepts,
    ),
  );
}

const runHolders: PerConcepts<ReadonlyMap<string, readonly number[]>> = new WeakMap();

function commandsByRunTerm(
  doc: DocRecord,
  concepts: Concepts | undefined,
): ReadonlyMap<string, readonly number[]> {
  return rememberedFor(runHolders, doc, concepts, () =>
    termPositions(doc.commands.map((record) => runContextTerms(record, doc, concepts))),
  );
}

/** Per command: the terms of what its runbook says of it (purpose, rows naming it), not of its own text. */
const saidOf: PerConcepts<ReadonlySet<string>> = new WeakMap();

function saidTerms(
  record: CommandRecord,
  doc: DocRecord,
  concepts: Concepts | undefined,
): ReadonlySet<string> {
  return rememberedFor(saidOf, record, concepts, () => {
    const rows = doc.troubleshooting
      .filter((row) => row.commands.includes(record.command))
      .map((row) => `${row.symptom} ${row.cause}`)
      .join(' ');
    const said = `${record.purpose} ${rows}`;
    const out = new Set(wholeTermsWithConcepts(said, concepts).keys());
    // `kube-proxy-replacement` is also the `kubeProxyReplacement` a report's helm values name.
    for (const joined of joinedParts(said, 'whole')) out.add(joined);
    return out;
  });
}

/** Per doc: which of its commands have each term in what the runbook says of them (`saidTerms`). */
const saidHolders: PerConcepts<ReadonlyMap<string, readonly number[]>> = new WeakMap();

function commandsSaidOf(
  doc: DocRecord,
  concepts: Concepts | undefined,
): ReadonlyMap<string, readonly number[]> {
  return rememberedFor(saidHolders, doc, concepts, () =>
    termPositions(doc.commands.map((record) => saidTerms(record, doc, concepts))),
  );
}

/**
 * Per doc: which of its commands (indexes into `doc.commands`) have each term in their context; a list's length is
 * how many commands a term occurs in (a term in most of them tells none apart).
 */
const holders: PerConcepts<ReadonlyMap<string, readonly number[]>> = new WeakMap();

function commandsByTerm(
  doc: DocRecord,
  concepts: Concepts | undefined,
): ReadonlyMap<string, readonly number[]> {
  return rememberedFor(holders, doc, concepts, () =>
    termPositions(doc.commands.map((record) => contextTerms(record, doc, concepts))),
  );
}

/**
 * What a fix cell names to run or change: file names, ENV_VARS, flags, interfaces and hyphenated components
 * (`subnet.env`, `FLANNEL_MTU`, `--iface`, `cni0`, `kube-proxy`); the cell's markup is gone, its words are not.
 */
const NAMED_IN_FIX = /(?<![\w.-])(?:--?[a-z][\w-]+|[a-z][\w]*[._-][\w.-]*[a-z0-9]|[a-z]+\d+)(?![\w-])/gi;

function namedInFix(cell: string): string[] {
  return [...cell.matchAll(NAMED_IN_FIX)].map(([name]) => name.toLowerCase());
}

/** How much a term that occurs in `count` of `total` command contexts tells a command apart: 1 when rare. */
function specificity(count: number, total: number): number {
  const share = total === 0 ? 0 : count / total;
  return share <= 0.2 ? 1 : Math.max(0.15, 1 - (share - 0.2) * 1.5);
}

/** The top doc's own first checks (its diagnostics sections, in document order) get this bonus, decreasing. */
const FIRST_CHECKS_BONUS = [2, 1.5, 1];

/** Another runbook scoring at least this share of the top one's: which one fits is uncertain. */
const CONTESTED_SHARE = 0.9;
/**
 * Or at least this share, while no troubleshooting row of the top runbook shares more than `WEAK_ROW` of the
 * question's weighted terms (about two specific words): it states no likely cause of what is asked.
 */
const WEAK_SHARE = 0.7;
const WEAK_ROW = 5;
/**
 * A read-only check of the top runbook reading a setting that the fix of a cause it states changes (`fixSettings`:
 * `grep -i resolvConf …` for the row whose fix sets kubelet `resolvConf`) scores this much more: it confirms that
 * cause, where the row's own check often only shows the symptom again. Measured: 1.5 to 4 brought the same two
 * checks in and moved no other figure; 1 only one of them.
 */
const FIX_SETTING_BONUS = 2;

/**
 * A check of the kube-proxy mode the report states its cluster runs scores this much more. Measured: 2 rather than
 * 1.5 brought the stated mode's check of the service (`ipvsadm -Ln -t …`) in above the runbook's generic kube-proxy
 * logs for one tuning report and moved no other figure.
 */
const STATED_MODE_BONUS = 2;

/**
 * A check finding out which mode kube-proxy runs (`/proxyMode`) scores this share when the report states the mode:
 * it would show what the report says, where the stated mode's own checks (`ipvsadm -Ln -t …`) test the service.
 */
const KNOWN_MODE_SHARE = 0.5;

/**
 * An IPVS-only check (`ipvsadm -Ln`) scores this share when the report states no kube-proxy mode and shows no trace
 * of IPVS (`unlikelyIpvsCheck`): the cluster most likely runs the default iptables mode, and the iptables check of
 * the same rules (`iptables-save -t nat | grep KUBE-NODEPORTS`) was the one lost below the cut ("NodePort only
 * works on the node running the pod"). Measured: 0.7 brought two such checks in and moved no other figure.
 */
const UNSAID_IPVS_SHARE = 0.7;

/** The report's CNI's form of a matched row's check scores at least this share of that check (`cni-variant.ts`). */
const CNI_FORM_SHARE = 0.9;

/**
 * A check taking an address the question names (`<target-ip>` for a report naming the address it fails to reach)
 * scores this much more: of the runbook's checks of a cause, it tests this report's path (`named-objects.ts`).
 */
const NAMED_ADDRESS_BONUS = 0.5;

/**
 * A check of the outside side of DNS (a lookup of an outside name, the Corefile forwarding it) scores this much more
 * when the report says a name outside the cluster fails to resolve: it tests that report's path (`failing-name.ts`).
 * Measured: at 2 the Corefile check, sharing few words with such a report, stayed below the runbook's first checks
 * and those of the client's resolv.conf (which share "resolve"); 4 to 6 brought it in for two reports and moved no
 * other figure.
 */
const OUTSIDE_NAME_BONUS = 4;

/**
 * A check of one pod's own DNS record (a lookup of `<pod>.<service-name>…`, the endpoints' hostnames) scores this much
 * more when the report names a StatefulSet pod's DNS name (`zk-1.zk-headless.default.svc.cluster.local`;
 * `pod-record-check.ts`): it tests the record the report's peers failed to find, where the lookup of the Service name (a
 * variant ranked first) only shows the records that exist.
 */
const POD_RECORD_BONUS = 4;

/**
 * What a probe of the pod's IP run on the node scores more, and the share an in-pod probe keeps, when the report's
 * failing caller is the API server calling a webhook or an aggregated API (`caller-node-check.ts`).
 */
const CALLER_NODE_BONUS = 4;
const IN_POD_CALLER_SHARE = 0.5;

/**
 * A check the report shows it already ran (`curl 10.10.82.20:5555 gives … timeout`, a pasted `kubectl get po -A
 * -owide`) scores this share: the same check again shows what the report says, and the runbook's next check of
 * that cause takes its place (`already-ran.ts`).
 */
const RAN_SHARE = 0.4;

/**
 * A check of an add-on the report does not name scores this share: one CNI's (`cilium-dbg endpoint list`, `calicoctl
 * get networkpolicy`) in a runbook about no particular CNI (`checksUnnamedCni`), or MetalLB's when no LoadBalancer is
 * named (`checksUnnamedLoadBalancer`).
 */
const UNNAMED_ADD_ON_SHARE = 0.5;

/** A check scoring under this share of the reference check's score is left out. */
const FLOOR_SHARE = 0.3;
/**
 * Another runbook's check scoring under this share of the best check is left out: in another runbook a check is
 * more often off topic than not, and the top runbook's own next check takes its place.
 */
const OTHER_FLOOR_SHARE = 0.6;
/** Each earlier variant of a check (same `variantKey`) multiplies its score by this. */
const VARIANT_SHARE = 0.5;

/**
 * What a check runs, regardless of its target: the first words of its first pipeline stage (of the wrapped
 * command after `kubectl exec … --`), leaving out options, placeholders, quoted or assigned text and bare numbers
 * or addresses: `kubectl ko trace <namespace>/<pod> <cluster-ip> tcp <port>` → `kubectl ko trace tcp`. A name lookup
 * is its program alone (`nslookup`, `dig`: `NAME_LOOKUPS`). Otherwise undefined when fewer than two words are left
 * (`curl …`, `conntrack -L …`): too little to call two commands one check.
 */
export function variantKey(command: string): string | undefined {
  const words = runWords(command);
  const program = words[0]?.toLowerCase();
  // A name lookup has no sub-command: the name it looks up and the server it asks are its targets.
  if (program !== undefined && NAME_LOOKUPS.has(program)) return program;
  return wordsKey(words);
}

/**
 * What a row's symptom or a question may quote of a check: its first words as `variantKey` takes them, a lookup's
 * name included (`nslookup kubernetes.default.svc.cluster.local`): a lookup program alone ("nslookup 报 i/o
 * timeout") names whatever lookup the reporter ran, not one check of the runbook.
 */
export function quotedKey(command: string): string | undefined {
  return wordsKey(runWords(command));
}

/** The words of a check's run line that say what it runs: no options, placeholders, quoted text or addresses. */
function runWords(command: string): string[] {
  const text = runLine(command).split(/\s(?:\||&&|;)\s/)[0] ?? '';
  return text
    .split(/\s+/)
    .filter((word) => word && !word.startsWith('-') && !/[<$'"=]/.test(word) && !/^[\d.:/]+$/.test(word));
}

const wordsKey = (words: readonly string[]): string | undefined =>
  words.length >= 2 ? words.slice(0, 4).join(' ').toLowerCase() : undefined;

/**
 * Programs that look a name up in DNS. Their checks are variants of one check whatever name they look up or server
 * they ask (`nslookup kubernetes.default…`, the same against one CoreDNS pod's address, `nslookup <service-name>…`):
 * measured, a DNS runbook's four lookups filled most of a DNS report's places, and the check of its likely cause
 * (`conntrack -S`, the CoreDNS pods) fell below the cut.
 */
const NAME_LOOKUPS: ReadonlySet<string> = new Set(['nslookup', 'dig', 'host']);

/** The same command (whitespace folded) in `doc`, when `record` is another runbook's. */
export function sameCheckOf(record: CommandRecord, doc: DocRecord): CommandRecord | undefined {
  if (doc.path === record.source.path) return undefined;
  const key = commandKey(record);
  return doc.commands.find((other) => commandKey(other) === key);
}

/** The candidates, best first, each later variant of an earlier one (`variantKey`) counting less. */
function demoteVariants<C extends { record: CommandRecord; score: number; order: number }>(
  ranked: readonly C[],
): C[] {
  const seen = new Map<string, number>();
  return ranked
    .map((c) => {
      const key = variantKey(c.record.command);
      if (key === undefined) return c;
      const earlier = seen.get(key) ?? 0;
      seen.set(key, earlier + 1);
      return earlier === 0 ? c : { ...c, score: c.score * VARIANT_SHARE ** earlier };
    })
    .sort((a, b) => b.score - a.score || a.order - b.order);
}

/**
 * Which runbook fits is in doubt when another runbook's best hit scores at least `DOUBT_SHARE` of the top one's while
 * the top runbook's text holds under `DOUBT_EXPLAINED` of the question's weighted terms. Measured over the tuning
 * sets: the first citation of such answers is right three times in four (0.75, against 0.96 for the others), and
 * 369 of the 398 off-topic commands came from answers whose first citation was wrong. Both thresholds chosen by
 * leave-one-set-out cross-validation over the tuning sets (the same pair in 12 of 13 folds).
 */
const DOUBT_SHARE = 0.6;
const DOUBT_EXPLAINED = 0.55;

/** Per doc: the terms of its whole text (headings and sections) and their concepts. */
const docTermSets: PerConcepts<ReadonlySet<string>> = new WeakMap();

function docTerms(doc: DocRecord, concepts: Concepts | undefined): ReadonlySet<string> {
  return rememberedFor(docTermSets, doc, concepts, () => {
    const out = new Set<string>();
    for (const chunk of doc.chunks)
      for (const term of termsWithConcepts(`${chunk.headingPath.join(' ')} ${chunk.text}`, concepts).keys())
        out.add(term);
    return out;
  });
}

/** The share of the question's weighted terms that a runbook's text holds (1 for a question without terms). */
export function explainedShare(
  wanted: Iterable<readonly [string, number]>,
  held: ReadonlySet<string>,
): number {
  let total = 0;
  let explained = 0;
  for (const [term, weight] of wanted) {
    total += weight;
    if (held.has(term)) explained += weight;
  }
  return total === 0 ? 1 : explained / total;
}

/**
 * Which runbook fits is in doubt: the runner-up scored `runnerUpShare` of the top runbook's best hit, and the top
 * runbook's text explains `explained` of the question's weighted terms.
 */
export function routingInDoubt(runnerUpShare: number, explained: number): boolean {
  return runnerUpShare >= DOUBT_SHARE && explained < DOUBT_EXPLAINED;
}

/** What `routingInDoubt` weighs, for this answer's hits. */
export interface RoutingMeasures {
  /** The best hit of a runbook other than the top one. */
  runnerUp: FusedHit;
  /** Its score as a share of the top hit's. */
  share: number;
  /** The share of the question's weighted terms (`wanted`) the top runbook's text holds. */
  explained: number;
}

/** The runner-up and how well the top runbook explains the question; null with no runner-up or no positive score. */
export function routingMeasures(
  wanted: Iterable<readonly [string, number]>,
  hits: readonly FusedHit[],
  concepts?: Concepts,
): RoutingMeasures | null {
  const top = hits[0];
  if (!top || top.score <= 0) return null;
  const runnerUp = hits.find((hit) => hit.doc !== top.doc);
  if (!runnerUp) return null;
  const explained = explainedShare(wanted, docTerms(top.doc, concepts));
  return { runnerUp, share: runnerUp.score / top.score, explained };
}

/** A clue term held by at most this many commands across the retrieved runbooks tells them apart. */
const CLUE_HOLDERS = 2;
/** At most this many checks enter an answer for a clue alone. */
const MAX_CLUE_PICKS = 2;

/**
 * The tool and sub-command a check runs, when it names them: the first two words of `quotedKey` unless the first
 * is `kubectl` (`cilium status`, `hubble observe`); a question naming them names that check. A bare program
 * (`curl`, `tcpdump`) names no one check: reports name the tools they already ran.
 */
function toolOf(command: string): string | undefined {
  const words = quotedKey(command)?.split(' ') ?? [];
  if (words.length < 2 || words[0] === 'kubectl' || !/^[a-z][a-z0-9-]{2,}$/.test(words[0] ?? ''))
    return undefined;
  return words.slice(0, 2).join(' ');
}

/**
 * The question's distinctive clues and the read-only checks that test them, best runbook first: a clue is a word
 * or concept of what fails (`clueTerms`) that the context of only one or two commands across the retrieved
 * runbooks holds (`firewalld` → `firewall-cmd --list-all`), or a tool its headline names (`cilium status`).
 * Only what the runbook says of a check (its purpose, the rows naming it) holds a clue, not the check's own text:
 * `kubectl get nodes` is not a check of "nodes".
 */
export function clueChecks(
  query: string,
  docs: readonly DocRecord[],
  concepts?: Concepts,
): CommandRecord[][] {
  const out: CommandRecord[][] = [];
  // A word a runbook's title names is its topic: it tells none of its checks apart (`cilium` in the Cilium runbook).
  const topics = new Set(docs.flatMap((doc) => [...wholeTermsWithConcepts(doc.title, concepts).keys()]));
  // What fails (the headline) and what a long report ends by asking (its closing question).
  const headline = clueTerms(query, concepts);
  const asking = closingQuestion(query);
  const closing = asking ? [...clueTerms(asking, concepts)].filter((term) => !headline.has(term)) : [];
  // What the report suspects or proposes names the object to check as a closing question does.
  const suspected = suspectedCause(query);
  const guessed = suspected
    ? [...clueTerms(suspected, concepts)].filter((term) => !headline.has(term) && !closing.includes(term))
    : [];
  for (const term of [...headline, ...closing, ...guessed]) {
    if (topics.has(term)) continue;
    // A closing question's plain word is a clue only as the object a check reads, named in its own text (`ippool` in
    // `calicoctl get ippool -o wide`): its other words ("by default") name no check. Its concepts (子网: subnet,
    // podCIDR) are clues as the headline's are.
    const named = headline.has(term) || isConcept(term) ? undefined : term;
    // Only checks count: a fix naming the clue (`calicoctl patch ippool …`) tests nothing, and the check reading
    // what it changes (`calicoctl get ippool -o wide`) is still the one check of it.
    const checks: CommandRecord[] = [];
    for (const doc of docs)
      for (const i of commandsSaidOf(doc, concepts).get(term) ?? []) {
        const record = doc.commands[i];
        if (record?.safety !== 'read-only') continue;
        if (named === undefined || commandKey(record).toLowerCase().includes(named)) checks.push(record);
      }
    if (checks.length === 0 || checks.length > CLUE_HOLDERS) continue;
    out.push(checks);
  }
  // A tool the headline names: one the body names is more often one the reporter already ran.
  const asked = ` ${foldWords(clueText(query))} `;
  for (const doc of docs) {
    for (const record of doc.commands) {
      const tool = toolOf(record.command);
      if (record.safety === 'read-only' && tool && asked.includes(` ${tool} `)) out.push([record]);
    }
  }
  return out;
}

const foldWords = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9_.\-\s]+/g, ' ')
    .replace(/\s+/g, ' ');

/** A row's first read-only check that its runbook lists. */
function rowCheck(row: TroubleshootingRow, doc: DocRecord): CommandRecord | undefined {
  for (const command of row.commands) {
    const record = commandByText(doc, command);
    if (record?.safety === 'read-only') return record;
  }
  return undefined;
}

interface Candidate {
  record: CommandRecord;
  score: number;
  /** Document order across the answer: top doc first. */
  order: number;
  /** A check of a kube-proxy mode other than the one the report states its cluster runs. */
  otherMode?: boolean;
}

/**
 * Per doc: every value its text gives each setting a cause may name (`externalTrafficPolicy`: local, cluster): the
 * values a report may state for it.
 */
const causeValues = new WeakMap<DocRecord, ReadonlyMap<string, ReadonlySet<string>>>();

function settingValues(doc: DocRecord): ReadonlyMap<string, ReadonlySet<string>> {
  let known = causeValues.get(doc);
  if (known === undefined) {
    known = knownValues(doc.chunks.map((chunk) => chunk.text));
    causeValues.set(doc, known);
  }
  return known;
}

/**
 * `check` takes a place among the checks to run: appended while there is room (`maxLength`), else in place of the
 * lowest-ranked check that is not `spared` (one a matched row or clue asked for).
 */
function givePlace(
  diagnose: CommandRecord[],
  check: CommandRecord,
  maxLength: number,
  spared: (record: CommandRecord) => boolean,
): void {
  if (diagnose.length < maxLength) {
    diagnose.push(check);
    return;
  }
  const open = diagnose.filter((record) => !spared(record));
  const last = open[open.length - 1];
  if (last) diagnose.splice(diagnose.indexOf(last), 1, check);
}

/**
 * Of the named CNI's runbook's first read-only diagnostics (its overall health: `cilium status --wait`, the agent's
 * `cilium-dbg status`, the node's gateway config), the one matching the question best: by the asked terms its
 * context holds, a matched row's bonus and the first checks' decreasing bonus. Measured: taking the best-matching of
 * all its checks instead picked ones that merely shared a report's words (`udp port 8472` for a DNS report's "UDP
 * 53") and found three must-have checks where its first checks found seven.
 */
function namedCniCheck(
  doc: DocRecord,
  wanted: ReadonlyArray<readonly [string, number]>,
  rowBonus: ReadonlyMap<CommandRecord, number>,
  concepts: Concepts | undefined,
): CommandRecord | undefined {
  const matches = termMatches(doc, wanted, concepts);
  const firstChecks = firstDiagnosticChecks(doc);
  let best: { record: CommandRecord; score: number } | undefined;
  for (const [i, record] of doc.commands.entries()) {
    const firstBonus = firstChecks.get(record);
    if (firstBonus === undefined) continue;
    const score = (matches[i] ?? 0) + (rowBonus.get(record) ?? 0) + firstBonus;
    if (!best || score > best.score) best = { record, score };
  }
  return best?.record;
}

/** A runbook's first read-only diagnostics, each with its bonus (FIRST_CHECKS_BONUS, decreasing in their order). */
function firstDiagnosticChecks(doc: DocRecord): Map<CommandRecord, number> {
  const firstChecks = new Map<CommandRecord, number>();
  for (const record of doc.commands) {
    if (firstChecks.size >= FIRST_CHECKS_BONUS.length) break;
    const kind = chunkOf(doc, record.chunkId, record.source.line)?.kind;
    if (kind === 'diagnostics' && record.safety === 'read-only')
      firstChecks.set(record, FIRST_CHECKS_BONUS[firstChecks.size] ?? 0);
  }
  return firstChecks;
}

/**
 * Per command of `doc`, the asked terms its context holds, each weighed by how few of the doc's commands share it.
 * Each term adds to the commands holding it (in the order of `wanted`, as a per-command sum would): visiting only
 * those, rather than testing every term against every command. `counts` keeps a term in the sum.
 */
function termMatches(
  doc: DocRecord,
  wanted: ReadonlyArray<readonly [string, number]>,
  concepts: Concepts | undefined,
  counts: (term: string) => boolean = () => true,
  withoutRunPlace = false,
): Float64Array {
  const matches = new Float64Array(doc.commands.length);
  const byTerm = withoutRunPlace ? commandsByRunTerm(doc, concepts) : commandsByTerm(doc, concepts);
  for (const [term, weight] of wanted) {
    const commands = byTerm.get(term);
    if (!commands || !counts(term)) continue;
    const value = weight * specificity(commands.length, doc.commands.length);
    for (const i of commands) matches[i] = (matches[i] ?? 0) + value;
  }
  return matches;
}

/**
 * The top runbook's check for an answer whose checks all come from other runbooks: its best-ranked check of a matched
 * row, else its best-ranked check; never one of another kube-proxy or overlay mode, or of a cause the report rules out.
 */
export function topRunbookCheck(
  ranking: ReadonlyArray<Pick<Candidate, 'record' | 'otherMode'>>,
  doc: DocRecord,
  rowBonus: ReadonlyMap<CommandRecord, number>,
  ruledOut: ReadonlySet<CommandRecord>,
): CommandRecord | undefined {
  const own = ranking.filter(
    (c) => c.record.source.path === doc.path && !c.otherMode && !ruledOut.has(c.record),
  );
  return (own.find((c) => rowBonus.has(c.record)) ?? own[0])?.record;
}

/** What the check of a row stating the report's same-node / cross-node contrast scores more (`rank-rows.ts`). */
const CONTRAST_CHECK_BONUS = 2;

/** Checks named only by rows whose self-access premise the report does not state. */
function selfAccessChecks(query: string, docs: readonly DocRecord[]): Set<CommandRecord> {
  const out = new Set<CommandRecord>();
  const kept = new Set<CommandRecord>();
  const rows = docs.flatMap((doc) => doc.troubleshooting);
  const unstated = new Set(selfAccessUnstated(rows, query));
  for (const doc of docs)
    for (const row of doc.troubleshooting)
      for (const command of row.commands) {
        const record = commandByText(doc, command);
        if (record) (unstated.has(row) ? out : kept).add(record);
      }
  for (const record of kept) out.delete(record);
  return out;
}

/**
 * The top runbook's check that reads what `record` reads (`kubectlReadKey`) but of the report's own object, in its
 * namespace (`readsReportObject`), best-ranked first; undefined when it has none or the answer already runs it.
 */
function genericFormOf(
  record: CommandRecord,
  ranking: ReadonlyArray<Pick<Candidate, 'record' | 'otherMode'>>,
  topDoc: DocRecord,
  diagnose: readonly CommandRecord[],
  query: string,
): CommandRecord | undefined {
  const key = kubectlReadKey(record.command);
  if (key === undefined) return undefined;
  return ranking.find(
    (c) =>
      c.record.source.path === topDoc.path &&
      !c.otherMode &&
      !diagnose.includes(c.record) &&
      kubectlReadKey(c.record.command) === key &&
      readsReportObject(c.record.command) &&
      !checksUnnamedAddOn(c.record.command, query),
  )?.record;
}

export function pickCommands(
  query: string,
  hits: readonly FusedHit[],
  rows: readonly RankedRow[],
  options: CommandOptions,
  concepts?: Concepts,
  namedCniRunbook?: string,
  reportCni?: string,
): CommandRecord[] {
  const top = hits[0];
  if (!top) return [];
  const wanted = [...checkTerms(query, concepts)];
  // Docs whose commands are candidates: the top one, and others on topic by a clear margin.
  const docs = closeDocs(hits, options.otherDocShare);
  // Which runbook fits is uncertain: another scored nearly as high, or close while the top one states no likely
  // cause of what is asked.
  const statesCause = rows.some((row) => row.doc === top.doc && row.score >= WEAK_ROW);
  const closeShare = statesCause ? CONTESTED_SHARE : WEAK_SHARE;
  const contested = hits.some((hit) => hit.doc !== top.doc && hit.score >= top.score * closeShare);
  // Another runbook scored nearly as high: the top one may well be the wrong one.
  const closeRunnerUp = hits.some((hit) => hit.doc !== top.doc && hit.score >= top.score * CONTESTED_SHARE);
  // Which runbook fits is in doubt: a close runner-up, and a top runbook that explains little of the question.
  const measures = routingMeasures(wanted, hits, concepts);
  const inDoubt = measures !== null && routingInDoubt(measures.share, measures.explained);
  const hitChunks = new Set(hits.filter((hit) => docs.includes(hit.doc)).map((hit) => hit.chunk.id));
  const rowBonus = new Map<CommandRecord, number>();
  // The rows whose cause the report rules out by stating the setting with another value, and their checks.
  const ruledOutRows = new Set<TroubleshootingRow>();
  const ruledOut = new Set<CommandRecord>();
  // The checks a matched row names whose cause the report does not rule out.
  const likelyRowCheck = new Set<CommandRecord>();
  for (const doc of docs)
    for (const row of doc.troubleshooting)
      if (causeRuledOut(query, row.cause, settingValues(doc))) {
        ruledOutRows.add(row);
        for (const command of row.commands) {
          const record = commandByText(doc, command);
          if (record) ruledOut.add(record);
        }
      }
  // The report's CNI's form of a matched row's check → that check (`cni-variant.ts`).
  const cniFormOf = new Map<CommandRecord, CommandRecord>();
  for (const [rank, { row, doc, contrast }] of rows.entries()) {
    if (!docs.includes(doc)) continue;
    // A row stating the report's same-node / cross-node contrast names its cause outright: its check tests the
    // path between nodes, where a runbook's generic first checks only list its components.
    const bonus = Math.max(1, 3 - rank) + (contrast ? CONTRAST_CHECK_BONUS : 0);
    const named = row.commands.map((command) => commandByText(doc, command));
    // The check the row's symptom quotes (`calicoctl node status` 显示 Active) shows whether the report has that
    // symptom at all, where the row's own check is the next step: both share the row's bonus.
    const quoted = checksSymptomNames(row.symptom, doc.commands, quotedKey);
    // The form of the row's check for the CNI the report runs, beside it in the same section ("Flannel：查看
    // FLANNEL-POSTRTG 链" under `iptables -t nat -S POSTROUTING`), tests the same cause where that CNI writes it.
    for (const record of named) {
      if (!record) continue;
      for (const other of doc.commands)
        if (
          other.chunkId === record.chunkId &&
          reportCniVariant(other.purpose, reportCni) &&
          !cniFormOf.has(other)
        )
          cniFormOf.set(other, record);
    }
    for (const record of [...named, ...quoted]) {
      if (record && !rowBonus.has(record)) rowBonus.set(record, bonus);
      if (record && !ruledOutRows.has(row)) likelyRowCheck.add(record);
    }
  }

  // The settings the fixes of the top runbook's stated causes change (`resolvConf`, `FLANNEL_MTU`, `subnet.env`).
  const fixed = [
    ...new Set(
      rows.filter((r) => r.doc === top.doc && r.score >= WEAK_ROW).flatMap((r) => fixSettings(r.row.fix)),
    ),
  ];
  const candidates = new Map<string, Candidate>();
  let order = 0;
  // The kube-proxy mode the report says its cluster runs: checks of another mode rank after the others.
  const statedMode = statedProxyMode(query);
  // A report saying the mode it set does not take effect names what it configured, not what runs: which mode runs is
  // its question, so the check asking kube-proxy ranks first and no mode's checks rank after the others.
  const modeInDoubt = statedMode !== null && proxyModeNotTaking(query);
  const mode = modeInDoubt ? null : statedMode;
  // The overlay mode the report says its pod network runs: checks of another mode rank after the others too.
  const encap = statedEncapMode(query);
  const otherMode = (record: CommandRecord, doc: DocRecord) =>
    otherModeCheck(mode, record, doc) || otherEncapCheck(encap, record);
  // The probes the report shows it ran, and the addresses it names.
  const ran = ranProbes(query);
  // The report says a name outside the cluster fails to resolve.
  const outsideFails = outsideNameFails(query);
  // The report names one pod's own DNS name (a StatefulSet peer's).
  const podNameNamed = namesPodDnsName(query);
  const addresses = namedAddresses(query);
  // The failing caller is the API server on a control-plane node, calling a webhook's or an aggregated API's pod.
  const apiServerCaller = extensionCallFails(query);
  const firstChecks = firstDiagnosticChecks(top.doc);
  for (const [docRank, doc] of docs.entries()) {
    // The top runbook's checks are told apart by what they run, not by the subshell picking their pod.
    const matches = termMatches(doc, wanted, concepts, undefined, docRank === 0);
    // In a contested answer another doc's command may also match the question on its own words: concepts are
    // broad (pod, 防火墙), and a command of a runbook that is not the answer's needs more than a shared concept.
    const wordMatches =
      docRank > 0 && contested ? termMatches(doc, wanted, concepts, (term) => !isConcept(term)) : undefined;
    for (const [i, record] of doc.commands.entries()) {
      // Another doc contributes what a matched row of it names (a likely cause), not what merely shares words;
      // when the runbook choice is contested, also its checks that match the question well on their own.
      if (docRank > 0 && !rowBonus.has(record) && (wordMatches?.[i] ?? 0) < 3) continue;
      let score = (matches[i] ?? 0) + (rowBonus.get(record) ?? 0) + (firstChecks.get(record) ?? 0);
      // A check reading the setting a stated cause's fix changes confirms that cause.
      if (doc === top.doc && record.safety === 'read-only' && readsSetting(record.command, fixed))
        score += FIX_SETTING_BONUS;
      if (record.chunkId === top.chunk.id) score += 1.5;
      else if (hitChunks.has(record.chunkId)) score += 0.75;
      // A check of the mode the report states its kube-proxy runs tests what it runs.
      if (sameModeCheck(mode, record, doc)) score += STATED_MODE_BONUS;
      // A check finding out which mode kube-proxy runs tells what the report already says.
      if (mode !== null && asksProxyMode(record)) score *= KNOWN_MODE_SHARE;
      if (modeInDoubt && record.safety === 'read-only' && asksProxyMode(record)) score += STATED_MODE_BONUS;
      // A check on an address the report names tests its own path.
      if (takesNamedAddress(record.command, addresses)) score += NAMED_ADDRESS_BONUS;
      // A check of the outside side of DNS when the report says an outside name fails tests its own path.
      if (outsideFails && checksOutsideName(record.command)) score += OUTSIDE_NAME_BONUS;
      // A check of one pod's own record when the report names a pod's DNS name tests the name that failed.
      if (podNameNamed && checksPodRecord(record.command)) score += POD_RECORD_BONUS;
      // A probe of the pod from the node repeats the API server's call; one from inside a pod tests another path.
      if (apiServerCaller) {
        const caller = callerCheckOf(record.command);
        if (caller === 'node') score += CALLER_NODE_BONUS;
        else if (caller === 'pod') score *= IN_POD_CALLER_SHARE;
      }
      // A check the report already ran (a probe on that kind of address, a listing) would show what it says.
      if (alreadyRan(record.command, ran)) score *= RAN_SHARE;
      // A report saying nothing of IPVS most likely runs the default iptables mode: an IPVS-only check scores less.
      if (unlikelyIpvsCheck(query, record, doc)) score *= UNSAID_IPVS_SHARE;
      // A check of one CNI that neither the report nor its runbook names may test a CNI the cluster does not run.
      if (checksUnnamedCni(record.command, query, `${doc.path} ${doc.title}`)) score *= UNNAMED_ADD_ON_SHARE;
      // A check of MetalLB when the report names no LoadBalancer Service tests an add-on its path does not use.
      if (checksUnnamedLoadBalancer(record.command, query)) score *= UNNAMED_ADD_ON_SHARE;
      // A check of the Service address range when the report names no address or range tests a cause it shows no sign of.
      if (checksUnnamedServiceRange(record.command, query)) score *= UNNAMED_ADD_ON_SHARE;
      if (docRank > 0) score *= 0.7;
      const key = commandKey(record);
      const seen = candidates.get(key);
      if (!seen || seen.score < score)
        candidates.set(key, {
          record,
          score,
          order: seen?.order ?? order,
          otherMode: otherMode(record, doc),
        });
      order++;
    }
  }
  // The report's CNI's form of a matched row's check ranks right after that check: a row names its cause's generic
  // check, and the chain or pool the report's CNI writes is where that cause shows on this cluster.
  for (const [form, check] of cniFormOf) {
    const own = candidates.get(commandKey(form));
    const generic = candidates.get(commandKey(check));
    if (own && generic && own.record === form)
      own.score = Math.max(own.score, generic.score * CNI_FORM_SHARE);
  }
  const ranked = [...candidates.values()].sort((a, b) => b.score - a.score || a.order - b.order);
  const variants = demoteVariants(ranked.filter((c) => c.record.safety === 'read-only'));
  const ranking = [...variants.filter((c) => !c.otherMode), ...variants.filter((c) => c.otherMode)];
  const fixes = ranked.filter((c) => c.record.safety !== 'read-only');
  // A check of a cause the report rules out tests what the cluster does not have: it is left out. The floors below
  // stay measured on the whole ranking (measured: a lower reference let more, off-topic, checks in).
  const moot = (c: Candidate) => ruledOut.has(c.record) && !likelyRowCheck.has(c.record);
  const readOnly = ranking.filter((c) => !moot(c));

  // A check scoring far under the best one is left out. When the top runbook states a likely cause, its own checks
  // are measured against the second-best check instead (the best one may stand far above the rest on its row's
  // bonus alone); another runbook's checks against the best, and they must come close to it.
  const floorUnder = (reference: Candidate | undefined, share = FLOOR_SHARE) =>
    Math.max(1, (reference?.score ?? 0) * share);
  const ownFloor = floorUnder(statesCause ? (ranking[1] ?? ranking[0]) : ranking[0]);
  const otherFloor = floorUnder(ranking[0], OTHER_FLOOR_SHARE);
  // Which runbook fits is uncertain: fewer of the top one's checks.
  const diagnose = readOnly
    .filter((c) => c.score >= (c.record.source.path === top.doc.path ? ownFloor : otherFloor))
    .slice(0, contested ? Math.min(options.maxDiagnose, options.minCommands) : options.maxDiagnose)
    .map((c) => c.record);
  // A check only rows of a self-access premise the report does not state name tests traffic it never has: out, and
  // its place is not filled (measured: the next check, ranked far under it, was as often off topic), except in a
  // short answer, which the top doc's first checks complete as they do any.
  const selfOnly = selfAccessChecks(query, docs);
  for (const record of selfOnly) if (diagnose.includes(record)) diagnose.splice(diagnose.indexOf(record), 1);
  // Too few that match (the question is short, or the best section is prose): the top doc's first checks.
  const padded = new Set<CommandRecord>();
  for (const c of readOnly) {
    if (diagnose.length >= options.minCommands) break;
    // A check of a cause the report rules out does not fill a short answer either.
    if (
      c.record.source.path === top.doc.path &&
      !diagnose.includes(c.record) &&
      !ruledOut.has(c.record) &&
      !selfOnly.has(c.record)
    ) {
      diagnose.push(c.record);
      padded.add(c.record);
    }
  }
  // The question's distinctive clues: a check testing one, from the top runbook when it has one, has a place.
  const clueDocs = [...new Set(hits.map((hit) => hit.doc))];
  const maxLength = contested ? Math.min(options.maxDiagnose, options.minCommands) : options.maxDiagnose;
  const clued = new Set<CommandRecord>();
  for (const checks of contested ? [] : clueChecks(query, clueDocs, concepts)) {
    if (clued.size >= MAX_CLUE_PICKS) break;
    if (checks.some((record) => diagnose.includes(record))) continue;
    // A clue shared with one CNI's check is no reason to test a CNI the report does not name.
    const own = checks.filter(
      (record) =>
        record.source.path === top.doc.path &&
        !otherMode(record, top.doc) &&
        !ruledOut.has(record) &&
        !checksUnnamedCni(record.command, query, `${top.doc.path} ${top.doc.title}`) &&
        !checksUnnamedLoadBalancer(record.command, query),
    );
    const pick = own[0];
    if (!pick) continue;
    if (diagnose.length >= maxLength) {
      const kept = diagnose.filter((record) => !clued.has(record));
      const last = kept[kept.length - 1];
      if (!last) continue;
      diagnose.splice(diagnose.indexOf(last), 1);
    }
    diagnose.push(pick);
    clued.add(pick);
  }
  // The row a long report's headline names: its check has a place too, as a clue's has (its row may rank low
  // over the whole report, and the runbook's first generic checks take the places).
  const named = contested ? undefined : headlineRow(query, top.doc, concepts);
  const rowChecked = named && rowCheck(named, top.doc);
  // A row whose cause the report rules out is not the one it names.
  const namedCheck =
    rowChecked && !otherMode(rowChecked, top.doc) && !ruledOut.has(rowChecked) ? rowChecked : undefined;
  if (namedCheck && !diagnose.includes(namedCheck)) {
    if (diagnose.length >= maxLength) {
      const kept = diagnose.filter((record) => !clued.has(record));
      const last = kept[kept.length - 1];
      if (last) diagnose.splice(diagnose.indexOf(last), 1);
    }
    if (diagnose.length < maxLength) diagnose.push(namedCheck);
  }
  // Which runbook fits is uncertain: the check of the top runbook's row whose symptom the report states takes the
  // place of the lowest-ranked check that no matched row names (one that merely shares the report's words, of either
  // runbook). No slot is added: a wider contested answer was measured to add far more off-topic checks than hits.
  const stated = contested ? statedSymptomRow(query, top.doc, concepts) : undefined;
  const statedCheck = stated && rowCheck(stated, top.doc);
  if (
    statedCheck &&
    !otherMode(statedCheck, top.doc) &&
    !ruledOut.has(statedCheck) &&
    !diagnose.includes(statedCheck)
  ) {
    givePlace(diagnose, statedCheck, maxLength, (record) => rowBonus.has(record));
  }
  // The report points at the node's firewall: the top runbook's check listing its filter rules has a place, as the
  // stated symptom's has (the lowest-ranked check no matched row or clue names makes way when the answer is full).
  const firewallCheck = pointsAtHostFirewall(query)
    ? readOnly.find(
        (c) =>
          c.record.source.path === top.doc.path &&
          listsHostFirewall(c.record.command) &&
          !ruledOut.has(c.record) &&
          !c.otherMode,
      )?.record
    : undefined;
  // A check placed for what the report states keeps its place against the checks placed after it, as the checks of
  // the matched rows and clues do.
  const keepsPlace =
    (...placed: (CommandRecord | undefined)[]) =>
    (record: CommandRecord) =>
      rowBonus.has(record) || clued.has(record) || placed.includes(record);
  if (firewallCheck && !diagnose.some((record) => listsHostFirewall(record.command)))
    givePlace(diagnose, firewallCheck, maxLength, keepsPlace());
  // The report names a CNI whose architecture runbook is among the hits while a runbook about no particular CNI
  // leads (a NodePort, CoreDNS): that runbook's best first check has a place, as the stated symptom's has. Such a CNI
  // builds Services into its own datapath, which the generic runbook's checks never look at.
  const cniHit =
    namedCniRunbook === undefined ? undefined : hits.find((hit) => hit.doc.path === namedCniRunbook);
  // A report saying traffic between nodes fails: the check of the row of that runbook stating the same contrast
  // ("同节点通、跨节点全部不通" → UDP 8472) tests the path between nodes, where its first checks list its pods.
  const crossNodeRow =
    cniHit && saysCrossNodeFails(query)
      ? cniHit.doc.troubleshooting.find((row) => sameNodeWorksOtherFails(row.symptom))
      : undefined;
  const cniCheck =
    cniHit &&
    ((crossNodeRow && rowCheck(crossNodeRow, cniHit.doc)) ??
      namedCniCheck(cniHit.doc, wanted, rowBonus, concepts));
  // The firewall check placed above stays: the report pointed at the node's firewall.
  if (
    cniCheck &&
    (cniHit
      ? !diagnose.some((record) => record.source.path === cniHit.doc.path)
      : !diagnose.includes(cniCheck))
  )
    givePlace(diagnose, cniCheck, maxLength, keepsPlace(firewallCheck));
  // A row stating, as the report does, that traffic within one node fails names its cause outright (the bridge
  // skipping iptables), even in another runbook than the top one: its check has a place, as the stated symptom's
  // has. Measured: the runbook about Services or DNS leads such reports and its own checks filled them. Doing the
  // same for the rows stating the reverse contrast (cross-node fails) added off-topic checks for no hit.
  const contrastRow = rows.find(({ row, sameNodeFails }) => sameNodeFails && !ruledOutRows.has(row));
  const contrastCheck = contrastRow && rowCheck(contrastRow.row, contrastRow.doc);
  if (contrastCheck && !diagnose.includes(contrastCheck) && !otherMode(contrastCheck, contrastRow.doc))
    givePlace(diagnose, contrastCheck, maxLength, keepsPlace());
  // The top runbook's own read-only check a reader picks, when the checks to run hold no such check yet.
  const topRunbookRead = (reads: (command: string) => boolean) =>
    diagnose.some((record) => reads(record.command))
      ? undefined
      : readOnly.find(
          (c) =>
            c.record.source.path === top.doc.path &&
            reads(c.record.command) &&
            !ruledOut.has(c.record) &&
            !c.otherMode,
        )?.record;
  // The report says a name inside the cluster fails to resolve, or fails where its address works (`name-not-address.ts`):
  // the top runbook's read of the client pod's resolv.conf (the search domains a short name needs) has a place, as the
  // stated symptom's has; it takes the place of the lowest-ranked check no matched row or clue names, never a matched
  // row's own check.
  const resolvConfCheck =
    clusterNameUnresolved(query) || statesNameNotAddress(query)
      ? topRunbookRead(readsPodResolvConf)
      : undefined;
  if (resolvConfCheck) givePlace(diagnose, resolvConfCheck, maxLength, keepsPlace(firewallCheck, cniCheck));
  // The report says a name inside the cluster fails to resolve: the top runbook's lookup of a Service's name from a pod
  // has a place too, unless the answer already looks up such a name or one pod's (`service-lookup.ts`).
  const serviceLookupCheck =
    clusterNameUnresolved(query) && !diagnose.some((record) => looksUpPodName(record.command))
      ? topRunbookRead(looksUpServiceName)
      : undefined;
  if (serviceLookupCheck)
    givePlace(diagnose, serviceLookupCheck, maxLength, keepsPlace(firewallCheck, cniCheck, resolvConfCheck));
  // The report's client failed to connect to a Service: the top runbook's read of that Service's endpoints has a
  // place, as the stated symptom's has (a Service with no ready endpoint is the likeliest cause of any such error).
  const endpointsCheck = serviceConnectionFails(query) ? topRunbookRead(readsServiceEndpoints) : undefined;
  if (endpointsCheck)
    givePlace(
      diagnose,
      endpointsCheck,
      maxLength,
      keepsPlace(firewallCheck, cniCheck, resolvConfCheck, serviceLookupCheck),
    );
  // The report names one pod's own DNS name (a StatefulSet peer's): the top runbook's lookup of a pod's name has a
  // place, as the stated symptom's has. It asks DNS for the record the report's peers failed to find, where the lookup
  // of the Service name (ranked first of the lookups, the pod's lookup counting as its variant) shows only the records
  // that exist.
  const podLookupCheck = podNameNamed ? topRunbookRead(looksUpPodName) : undefined;
  if (podLookupCheck)
    givePlace(
      diagnose,
      podLookupCheck,
      maxLength,
      keepsPlace(firewallCheck, cniCheck, resolvConfCheck, endpointsCheck),
    );
  // The report's client says its HTTP request got no answer: the top runbook's probe sending such a request on its
  // path has a place, as the stated symptom's has (`repeat-request.ts`). Not a probe only self-access rows name: that
  // one is left out below, and the check it displaced would be lost for nothing.
  const requestCheck = requestUnanswered(query)
    ? topRunbookRead(
        (command) => repeatsRequest(command) && ![...selfOnly].some((record) => record.command === command),
      )
    : undefined;
  if (requestCheck)
    givePlace(
      diagnose,
      requestCheck,
      maxLength,
      keepsPlace(firewallCheck, cniCheck, resolvConfCheck, endpointsCheck, podLookupCheck),
    );
  // The runbook the answer cites first has a check among those to run: in a contested answer the close runbooks'
  // checks, matching the report's words, may take every place, and the answer then tests none of the causes of the
  // runbook it leads with. Its check of a matched row (a likely cause it states) takes the place of the lowest-ranked
  // check no matched row or clue names; with no matched row, its best-ranked check does.
  const ownCheck = diagnose.some((record) => record.source.path === top.doc.path)
    ? undefined
    : topRunbookCheck(readOnly, top.doc, rowBonus, ruledOut);
  if (ownCheck) givePlace(diagnose, ownCheck, maxLength, keepsPlace());
  // Fixes only for the likely causes the top runbook states: per such row, the state-changing command whose context
  // best matches what the row says to do (its fix cell) and the question.
  const chosenFixes: CommandRecord[] = [];
  // Which runbook fits is uncertain or in doubt: no state-changing command from one that may be the wrong one.
  const maxFixes = contested || inDoubt ? 0 : options.maxFixes;
  for (const { row, doc, score } of rows) {
    if (chosenFixes.length >= maxFixes) break;
    // A row that shares a word or two with the question is a guess, not a cause the runbook states: no fix for it.
    if (doc !== top.doc || score < WEAK_ROW) continue;
    const remedy = wantedTerms([...termsWithConcepts(`${row.fix} ${row.cause}`, concepts)]);
    // A fix cell that names what to run or change (`subnet.env`, `FLANNEL_MTU`, `cni0`) is only answered by a
    // command touching one of those: one that merely shares words ("重建 pod") changes something else.
    const named = namedInFix(row.fix);
    const byTerm = commandsByTerm(doc, concepts);
    let pick: { record: CommandRecord; score: number } | undefined;
    for (const c of fixes) {
      if (c.record.source.path !== doc.path || chosenFixes.includes(c.record)) continue;
      const command = commandKey(c.record).toLowerCase();
      if (named.length > 0 && !named.some((name) => command.includes(name))) continue;
      // A setting the user says they already have is not the fix.
      if (alreadyInPlace(query, c.record.command)) continue;
      const overlap = sharedWeight(
        0,
        remedy,
        contextTerms(c.record, doc, concepts),
        (term, weight) => weight * specificity(byTerm.get(term)?.length ?? 0, doc.commands.length),
      );
      const score = overlap + c.score * 0.25;
      if (overlap >= 2 && (!pick || score > pick.score)) pick = { record: c.record, score };
    }
    if (pick) chosenFixes.push(pick.record);
  }
  // A check of an add-on the report never names is left out when it comes from another runbook, or from the top one
  // while that may be the wrong one (unnamed-add-on.ts). Only the same read of the report's own object takes its place
  // (below): measured, the next-ranked checks were as far off, and one brought a fill the report did not single out.
  const unsuspected = (record: CommandRecord) =>
    (record.source.path !== top.doc.path || closeRunnerUp) && checksUnnamedAddOn(record.command, query);
  // A left-out add-on check reading an object of that add-on (the DNS Service's endpoints) has its place taken by the
  // top runbook's same read of the report's own object (`kubectl get endpointslices … <service-name>`), when that
  // runbook has one: the report gives no reason to suspect the add-on, but the read it would do is still the check.
  const generic = diagnose.map((record) =>
    unsuspected(record) ? (genericFormOf(record, readOnly, top.doc, diagnose, query) ?? record) : record,
  );
  // Which runbook fits is uncertain: a close runbook's check of a row matching the report is left out, and its place
  // is not filled (close-runbook-rows.ts); the report's CNI's checks and the one placed for its node contrast stay.
  // The row matching the report best of all the retrieved runbooks' rows states its likeliest cause, whichever runbook.
  const bestRow = rows[0];
  const bestRowChecks = new Set(
    bestRow ? bestRow.row.commands.map((c) => commandByText(bestRow.doc, c)) : [],
  );
  const hedge = (record: CommandRecord) =>
    closeRunbookRowCheck(
      {
        fromTopRunbook: record.source.path === top.doc.path,
        namedByMatchedRow: rowBonus.has(record),
        placedForReport: record === cniCheck || record === contrastCheck,
        // A CNI's runbooks sit in its folder (`calico/bgp-ipip.md`), as the searcher's glossary scopes them.
        ofReportCni: reportCni !== undefined && record.source.path.startsWith(`${reportCni}/`),
        ofBestRow: bestRowChecks.has(record),
      },
      contested,
    );
  const checks = generic.filter((record) => !unsuspected(record) && !selfOnly.has(record) && !hedge(record));
  // Which runbook fits is in doubt: the top one's generic checks that only filled a short answer are left out, unless
  // the answer would carry no check (doubt-padding.ts). Measured: 4 fewer off-topic commands, no hit lost.
  // A check the top runbook names word for word too is cited from it (`sameCheckOf`): the answer cites the runbook
  // it follows, not a second one for the same command.
  return [...withoutDoubtPadding(checks, padded, closeRunnerUp || inDoubt), ...chosenFixes].map(
    (record) => sameCheckOf(record, top.doc) ?? record,
  );
}
