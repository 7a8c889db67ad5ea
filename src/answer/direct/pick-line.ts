/**
 * Line choice: among the lines of the retrieved runbooks that hold a value of the asked kind, the one that states
 * it (sharing most of the asking words), quoted exactly with its source lines. Pure.
 */
import { escapeRegExp } from '../../core/escape-reg-exp.js';
import { rememberRecent } from '../../core/recent.js';
import type { Chunk, DocRecord } from '../../core/types.js';
import { type PerConcepts, rememberedFor, terms, termsRead, termsWithConcepts } from '../rank-rows.js';
import { reweighted, sharedWeight, wantedTerms } from '../shared-weight.js';
import type { Concepts } from '../types.js';
import {
  askedSettings,
  asksHowToChange,
  asksToObtain,
  asksWhatReturns,
  type FactAsk,
  factAsk,
  NEGATED,
  ownerTerms,
  settingsAskedByName,
  settingsNamedAround,
  subjectAsked,
} from './asking.js';
import { asksAboutPendingExternalIp, statesExternalIpPending } from './external-ip-pending.js';
import { fieldsOfFlags } from './flag-field.js';
import { aboutOtherCase, comparesCases, givenValues, namesGivenValue, otherValues } from './given-value.js';
import { type Candidate, candidatesOf } from './lines.js';
import { namesSettingAsked, settingNamesAsked, statesAValue } from './named-setting.js';
import { asksPodName, statesPodName } from './pod-name.js';
import { purposeRowThing, thingsNamed } from './purpose-ask.js';
import { asksUnderReadiness, statesReadinessRule } from './ready-condition.js';
import { givesReason } from './reason-line.js';
import { withoutRejected } from './rejected-choice.js';
import { namesAddressByRole } from './role-address.js';
import { namesRequested, statesRule } from './setting-request.js';
import {
  asksSourceFate,
  explainsRewrittenSource,
  rewriteRuleAsked,
  rewritesSource,
  ruleOnSource,
  seesSourceRewritten,
  statesRewriteRule,
} from './source-rewrite.js';
import { statesDefault } from './states-default.js';
import { asksForMode, rowOfMode, setsToMode, targetModes } from './target-mode.js';
import {
  DEFAULT_WORDS,
  hasKindWords,
  KIND_BIT,
  KINDS,
  kindMask,
  kindWordsOf,
  namesInterface,
  namesPortField,
  SHELL_SPAN,
  statesSetting,
  VALUE_PATTERNS,
  type ValueKind,
  valueText,
} from './value-shapes.js';
import { contradictsClause, type SubjectShare, whySubjectShared } from './why-subject.js';
import { describesSymptom, joinedTimeout, symptomCell } from './why-symptom.js';
import { camelTerms, variantsOf, withTranslations, wordForms } from './words.js';
import { answersYesNo, yesNoSubject } from './yes-no.js';

/**
 * "Which dnsPolicy should it use", "which dnsPolicy does it need", "which sysctl has to be set", "应该改为多少": the
 * line that says what to set.
 */
const SHOULD_ASK =
  /\bshould\b|\b(?:valid|correct|right|proper|recommended)\b|\bneeds?\b|\bmust\b|\b(?:have|has) to\b|应该|應該|应当|應當|建议|建議|需要|必须|必須|改为多少|改成多少/i;
const PRESCRIBES = /设置|設置|设为|設為|改为|改為|改成|改用|建议|建議|需要|必须|必須|\bset\b|\buse\b/i;
/** A default said not to be: "默认不需要 BGP", "默认没有", "not enabled by default", "disabled by default". */
const NEGATED_DEFAULT =
  /(?:默认|默認)(?:不|没|沒|未|无|無|关闭|關閉|禁用)|\b(?:not|never|disabled|off)\b[^.;,]{0,20}\bby default\b|\bby default\b[^.;,]{0,10}\b(?:not|never|disabled|off)\b/gi;
/** A line saying a behaviour is by design: "属正常现象", "属预期行为", "this is expected", "by design". */
const BY_DESIGN =
  /属正常|屬正常|正常现象|正常現象|属预期|屬預期|预期行为|預期行為|符合预期|符合預期|\bby design\b|\b(?:is|are) (?:expected|normal)\b/i;
/** A line saying one thing equals another: "Pod IP 等于节点 IP", "is the same as the node IP". */
const STATES_SAME = /等于|等於|相同|一样|一樣|同一个|同一個|\bsame as\b|\bequals?\b|\bidentical\b/i;
/** What giving the reason adds to a line explaining a rewritten source (measured: the rows naming the effect lead by 1-2). */
const REASON_BONUS = 2;
/** Up to this many terms outside the asking clause weigh in full; more share that weight. */
const AROUND_TERMS = 8;
/** Port-like numbers of a text (not the parts of an address). */
const NUMBERS = /(?<![\d.])\d{2,5}(?![\d.])/g;

/** A setting asked for by its form, and the form: an environment variable (`IP_AUTODETECTION_METHOD`), a flag. */
const SETTING_FORMS: ReadonlyArray<[asked: RegExp, form: RegExp]> = [
  [/\b(?:environment|env) var(?:iable)?s?\b|环境变量|環境變數/i, /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/],
  [/\b(?:command[- ]line )?flags?\b|命令行参数|命令行參數/i, /(?<![\w-])--[a-z][a-z0-9-]+/],
  // "Which label must the CoreDNS pods carry": a label, its key with its value (`k8s-app=kube-dns`), not a command
  // selecting by one.
  [/\blabels?\b|标签|標籤/i, /`[\w./-]+=[\w.-]*`/],
  // "Which sysctl has to be set": a kernel key (`net.bridge.bridge-nf-call-iptables`, `net.ipv4.ip_forward`).
  [
    /\bsysctls?\b|\bkernel param(?:eter)?s?\b|内核参数|內核參數/i,
    /(?<![\w.-])(?:net|kernel|vm|fs)\.[a-z0-9_-]+(?:\.[a-z0-9_-]+)+/,
  ],
];

/** Whether every term of a row's key is one of the question's. */
function keyNamed(key: string, question: ReadonlyMap<string, number>): boolean {
  const keyTerms = [...termsRead(key).keys()];
  return keyTerms.length > 0 && keyTerms.every((term) => question.has(term));
}

/** Per candidate line: the terms and glossary concepts of its context (the same for every question). */
const contextTermCache: PerConcepts<ReadonlyMap<string, number>> = new WeakMap();

function contextTermsOf(candidate: Candidate, concepts: Concepts | undefined): ReadonlyMap<string, number> {
  return rememberedFor(contextTermCache, candidate, concepts, () =>
    termsWithConcepts(candidate.context, concepts),
  );
}

export interface DirectQuote {
  chunk: Chunk;
  /** The source lines the quote spans (a wrapped sentence spans two). */
  line: number;
  endLine: number;
  quote: string;
  /** How well the line matches the asking words (2.5 is the least that counts; see `directAnswer`). */
  score: number;
}

/**
 * The line that states the asked value: it must hold a value of an asked kind; among those, the one sharing
 * most of the question's words (with its table header and headings), preferring one that says "default" when
 * the question asks for the default, prose and table rows over text blocks, and the first doc.
 */
export function directAnswer(
  question: string,
  docs: readonly DocRecord[],
  ask: FactAsk,
  concepts?: Concepts,
): DirectQuote | null {
  // One answer asks twice with the same docs (which doc leads, then the answer itself): the second is a look-up.
  const key = `${ask.kinds.join(',')}\u0000${ask.wantsDefault}\u0000${ask.focus}\u0000${question}`;
  const last = lastDirect;
  if (last && last.key === key && last.concepts === concepts && sameDocs(last.docs, docs)) return last.found;
  const found = findDirect(question, docs, ask, concepts);
  lastDirect = { key, docs: [...docs], concepts, found };
  return found;
}

let lastDirect: {
  key: string;
  docs: readonly DocRecord[];
  concepts: Concepts | undefined;
  found: DirectQuote | null;
} | null = null;

function sameDocs(a: readonly DocRecord[], b: readonly DocRecord[]): boolean {
  return a.length === b.length && a.every((doc, i) => doc === b[i]);
}

/**
 * The asking clauses' terms, concepts and translations, remembered for the last few per concepts function: one
 * answer looks for the value in a few lists of docs (which doc leads, whether to answer anyway, the answer itself).
 * Not to be changed.
 */
const askingMemo: PerConcepts<(text: string) => ReadonlyMap<string, number>> = new WeakMap();
/** The one key of askingMemo (its value depends on the concepts function only). */
const ASKING = {};

function askingTerms(text: string, concepts: Concepts | undefined): ReadonlyMap<string, number> {
  const remembered = rememberedFor(askingMemo, ASKING, concepts, () =>
    rememberRecent(
      (asking: string) => {
        const found = withTranslations(termsWithConcepts(asking, concepts));
        for (const [term, weight] of camelTerms(asking)) if (!found.has(term)) found.set(term, weight);
        return found;
      },
      {
        size: 4,
        minLength: 0,
      },
    ),
  );
  return remembered(text);
}

function findDirect(
  question: string,
  docs: readonly DocRecord[],
  ask: FactAsk,
  concepts: Concepts | undefined,
): DirectQuote | null {
  // The asking clause's words (and glossary concepts) count fully; the rest of a long report only breaks ties.
  // The alternative a value ask turns down ("instead of its IP") is not what it asks for.
  const focus = askingTerms(ask.why ? ask.focus : withoutRejected(ask.focus), concepts);
  const questionTerms = termsRead(question);
  // The words naming the asked kind ("interface", "端口") are in many lines that hold such a value: they tell
  // lines apart less than the other words of the question.
  const kindWords = kindMask(ask.kinds);
  const valueKinds: ValueKind[] = ask.kinds.filter((kind) => kind !== 'setting' && kind !== 'default');
  const wantsSetting = ask.kinds.includes('setting');
  // "which environment variable", "which flag": only a setting of that form answers.
  const form = wantsSetting ? SETTING_FORMS.find(([asked]) => asked.test(ask.focus))?.[1] : undefined;
  // "Calico 默认用的是哪种 BGP 互联方式", "what mode does it use by default": a default setting asked for by what it
  // does, not by a named value; a sentence that says what is the default ("默认是全互联 node-to-node mesh") states it.
  const wantsFallback =
    ask.kinds.includes('default') || (ask.wantsDefault && wantsSetting && valueKinds.length === 0);
  // Only lines holding a value of an asked kind can be picked.
  let holding = 0;
  for (const kind of valueKinds) holding |= KIND_BIT[kind];
  if (wantsSetting) holding |= KIND_BIT.setting;
  if (wantsFallback) holding |= KIND_BIT.default;
  const portByField = ask.kinds.includes('port') && SERVICE_ASKED.test(ask.focus);
  if (portByField) holding |= PORT_FIELD_BIT;
  // "Which source address do outside services see for pod traffic": an address asked by its role is answered by a
  // line naming the role ("默认按节点 IP 伪装"), as by one writing an address. Not when a setting is asked too: the
  // setting states it.
  const addrByRole = valueKinds.length === 1 && valueKinds[0] === 'addr' && !wantsSetting;
  if (addrByRole) holding |= ROLE_ADDR_BIT;
  // "为什么需要开启 bridge-nf-call-iptables", "What is masqueradeAll for": a line saying what the named setting does
  // ("它让经过 cni0 的二层帧也走 iptables") answers, though it holds no value of the asked kind. It names every name
  // the ask gives ("Why is --cluster-cidr required for kube-proxy": the line about kube-proxy's flag, not another
  // line about kube-proxy).
  const purposeOf = ask.purpose
    ? thingsNamed(ask.focus).map((name) => new RegExp(`(?<![\\w-])${escapeRegExp(name)}(?![\\w-])`, 'i'))
    : [];
  if (purposeOf.length > 0) holding |= PURPOSE_BIT;
  // "How do I run calico in BGP mode?": the row of that mode in a table of modes states the settings selecting it.
  const modes = asksForMode(ask.focus) ? targetModes(ask.focus) : [];
  const requirementAsked = valueKinds.includes('behaviour') && REQUIREMENT_ASKED.test(ask.focus);
  if (requirementAsked) holding |= REQUIRES_BIT;
  // "Which traffic does kube-proxy masquerade", "源地址会不会被改", "what does kube-proxy do with --cluster-cidr": the
  // rule saying when the source is rewritten answers, a diagram line holding no value of the asked kind included.
  // Not an address asked by its role ("which source address do outside services see"): the line naming the role
  // answers that, nor an ask how to keep the client address (obtainAsked below).
  const rewrites = addrByRole ? null : rewriteRuleAsked(ask.focus, wantsSetting);
  if (rewrites) holding |= REWRITE_BIT;
  // A term no line that can be picked has adds to no score (the shared terms are summed in the question's order
  // either way): a long question's terms are weighed only when some such line has them.
  const lineTerms = docs.map((doc) => contextTermsIn(linesHolding(doc, holding), concepts));
  const wanted: Array<[string, number]> = [];
  // "Which resolv.conf option ...", "Which IPPool field ...": the words naming what the setting belongs to are in
  // every line about that file or resource; the rest of the clause says which of its settings is meant.
  const owner = ownerTerms(ask.focus);
  const taken = new Set<string>();
  /** The terms only the rest of the question has (a report's setup, pasted output, what was tried). */
  const aside = new Set<string>();
  const flagFields = fieldsOfFlags(question);
  const want = (written: string, weight: number) => {
    // A word no line has in the form written, in a form some line has ("masquerades" ↔ masquerade), or a flag as the
    // field it sets (`--cluster-dns` ↔ `clusterDNS`).
    const field = flagFields.get(written);
    const term = lineTerms.some((held) => held.has(written))
      ? written
      : [...wordForms(written), ...(field ? [field] : [])].find((form) =>
          lineTerms.some((held) => held.has(form)),
        );
    if (term === undefined || taken.has(term)) return;
    taken.add(term);
    if (!focus.has(written)) aside.add(term);
    wanted.push([
      term,
      (focus.has(written) ? weight : weight * 0.25) *
        (hasKindWords(term, kindWords) || owner.has(written) ? 0.5 : 1),
    ]);
  };
  // The question's terms, then the asking clause's others.
  for (const [term, weight] of questionTerms) want(term, weight);
  for (const [term, weight] of focus) if (!questionTerms.has(term)) want(term, weight);
  for (const [term, weight] of camelTerms(question))
    if (!questionTerms.has(term) && !focus.has(term)) want(term, weight);
  // Only of a setting: "what MTU should the pod get" asks for the value, wherever it is stated.
  const prescribed = wantsSetting && SHOULD_ASK.test(ask.focus);
  // The port the question itself names ("listening on 80 instead of 8080", "the :10249/healthz url").
  const echoed = new Set(ask.kinds.includes('port') ? (question.match(NUMBERS) ?? []) : []);
  const checked = (ask.checked ?? []).map(
    (value) => new RegExp(`(?<![\\w.])${escapeRegExp(value)}(?![\\w.])`),
  );
  // Each word outside the asking clause tells less the more of them there are: a long report's pasted output and
  // what was tried share words with many lines, and should only break ties between the lines the clause picks.
  const dilution = Math.min(1, AROUND_TERMS / Math.max(1, aside.size));
  if (dilution < 1) for (const entry of wanted) if (aside.has(entry[0])) entry[1] *= dilution;
  const wantedOnce = wantedTerms(wanted);
  // A setting line answers "how do I change the MTU" only when it is about the MTU.
  const about = kindMask(valueKinds);
  // "Which kubelet --hairpin-mode value ...": when some line states the setting named, as it is written, with a
  // value, only such lines answer.
  const named = askedSettings(ask.focus);
  // "Which field tells the load balancer ...": the field the report names in a sentence saying the same.
  const around = settingsNamedAround(question, ask).map(
    (name) => new RegExp(`(?<![\\w-])${name}(?![\\w-])`, 'i'),
  );
  // "哪个 dnsPolicy": when some line names the setting asked for by its name, only such lines answer.
  const byName = [
    ...settingsAskedByName(ask.focus),
    ...(ask.requested ?? []),
    ...(ask.kinds.includes('port') ? portFieldsNamed(ask.focus) : []),
  ].map((name) => new RegExp(`(?<![\\w-])${name}(?![\\w-])`, 'i'));
  // "Which port does the ready plugin serve /ready on": when some line binds a port to the endpoint the question
  // names (`:8181/ready`), only such lines answer.
  const endpoints = ask.kinds.includes('port') ? endpointsAsked(question, ask.focus) : [];
  // "CoreDNS 把非集群内的域名请求转发到哪里": when some line names the forwarding with the place it goes to right
  // after it (`forward . /etc/resolv.conf`), only such lines answer.
  const carries = carriesTo(ask);
  const explained = ask.values ?? [];
  // Only when the interface is what is asked: "哪个 MAC 地址" of an interface asks for the address.
  const ifaceOnly = valueKinds.length === 1 && valueKinds[0] === 'iface';
  // "What ndots value do pods get": when some line names the option whose value is asked, only such lines answer.
  const subject = subjectAsked(ask.focus);
  const subjectName = subject ? new RegExp(`(?<![\\w-])${escapeRegExp(subject)}(?![\\w-])`, 'i') : null;
  const changeAsked = asksHowToChange(ask.focus);
  // "Does flannel enforce NetworkPolicy": the line about flannel saying whether it can answers.
  const yesNo = yesNoSubject(ask.focus);
  // "What does a DNS lookup of a headless Service return": when some line says what it returns, only such lines
  // answer (a line about the same Service shares more words, yet says what it lacks).
  const returnAsked = ask.kinds.includes('behaviour') && asksWhatReturns(ask.focus);
  // "Does the headless Service DNS return pods that are not ready?": the readiness rule answers, not what it returns.
  const readinessAsked = ask.kinds.includes('behaviour') && asksUnderReadiness(ask.focus);
  // "What stable address should replica set members use instead of pod IPs?": a pod's own name answers.
  const podNameAsked = ask.kinds.includes('name') && asksPodName(ask.focus);
  // "How can I retrieve real client IP?", "怎么获取客户端真实 IP": only a line saying when the source address is kept
  // ("Local 策略：源 IP 保留") says how it is had; a symptom row naming the client IP ("应用日志里客户端 IP 都是节点
  // IP") or one saying it is lost shares more words, yet answers nothing.
  const obtainAsked = addrByRole && asksToObtain(ask.focus);
  if (obtainAsked) holding = KEEPS_BIT;
  const rewriteAsked = rewrites !== null && !obtainAsked;
  const drawbackAsked = ask.kinds.includes('drawback');
  const unitAsked = ask.kinds.includes('overhead') && UNIT_ASKED.test(ask.focus);
  const offTerms = wantsSetting ? turnedOff(ask.focus) : [];
  const byRole = wantsSetting && !ask.wantsDefault && settingAskedByRole(ask.focus);
  const givenSettings = changeAsked ? [] : settingsGivenWithValue(ask.focus);
  const givenCase = changeAsked ? [] : givenValues(ask.focus);
  // Every line of the docs is read for the other values only when the question gives a setting's value.
  const otherCases =
    givenCase.length === 0
      ? new Set<string>()
      : otherValues(
          docs.flatMap((doc) =>
            doc.chunks.flatMap((chunk) => candidatesOf(chunk).map((candidate) => candidate.quote)),
          ),
          givenCase,
        );
  // "What does externalTrafficPolicy: Local change for the client source IP": a line saying the source is kept or
  // rewritten states the effect, though it writes no address.
  const sourceFateAsked = !obtainAsked && givenCase.length > 0 && asksSourceFate(ask.focus);
  if (sourceFateAsked) holding |= SOURCE_FATE;
  // "why do backend pods see the node IP instead of the client IP", "… logs the node IP instead of the client IP. Is
  // that expected?": the line saying the source is rewritten on the way ("客户端 IP 都是节点 IP：这是 … 的 SNAT 行为")
  // explains it, though it says no "by design".
  const whySource = ask.why === true && !ask.same && seesSourceRewritten(ask.focus);
  if (whySource) holding |= SOURCE_REWRITE_BIT;
  // The asking clause's own words: not those naming the kind of value, nor the word default.
  const ownTerms = [...focus.keys()].filter(
    (term) => !hasKindWords(term, kindWords) && !DEFAULT_WORDS.test(term) && !term.startsWith('\u0001'),
  );
  let best: { candidate: Candidate; score: number } | null = null;
  let stating: { candidate: Candidate; score: number } | null = null;
  let naming: { candidate: Candidate; score: number } | null = null;
  let subjectLine: { candidate: Candidate; score: number } | null = null;
  let returning: { candidate: Candidate; score: number } | null = null;
  let binding: { candidate: Candidate; score: number } | null = null;
  let carrying: { candidate: Candidate; score: number } | null = null;
  // "Which dnsPolicy should hostNetwork pods use": of the lines naming the setting, one that says what to set it to
  // answers, not one describing the value in place ("默认 dnsPolicy: ClusterFirst 在 hostNetwork 下会退化 ...").
  let prescribing: { candidate: Candidate; score: number } | null = null;
  let namedReturning: { candidate: Candidate; score: number } | null = null;
  let answering: { candidate: Candidate; score: number } | null = null;
  let rewriting: { candidate: Candidate; score: number } | null = null;
  // The case given, the source address asked: a row about that case shares more words, yet says nothing of it.
  let fating: { candidate: Candidate; score: number } | null = null;
  // Why the source seen is not the client's: a by-design line about another behaviour shares more words.
  let sourcing: { candidate: Candidate; score: number } | null = null;
  let moding: { candidate: Candidate; score: number } | null = null;
  let purposing: { candidate: Candidate; score: number } | null = null;
  let readying: { candidate: Candidate; score: number } | null = null;
  for (const [rank, doc] of docs.entries()) {
    // Words of the doc's title (the CNI, the topic) are in every line's doc: they barely tell lines apart.
    const title = terms(doc.title);
    const asked = reweighted(wantedOnce, titleWeighted(wanted, title));
    for (const candidate of linesHolding(doc, holding)) {
      const { values, kindWords: quoteKinds } = quoteFacts(candidate);
      // "为什么这个 ClusterIP 能 ping 通？": a line saying it does not ("虚拟地址，不会响应 ping") contradicts what was seen.
      if (ask.affirmed && NEGATED.test(candidate.quote)) continue;
      // "why can't ping svc": only a line saying it is by design explains it; any other is a guess at a diagnosis.
      const explainsSource =
        whySource &&
        (values & SOURCE_REWRITE_BIT) !== 0 &&
        !candidate.settingOnly &&
        explainsRewrittenSource(candidate.quote);
      if (ask.why && !BY_DESIGN.test(candidate.quote) && !explainsSource) continue;
      // "why is the pod IP the same as the node IP": only a line saying one equals the other explains it.
      if (ask.same && !STATES_SAME.test(candidate.quote)) continue;
      // "要不走 IPIP": a line that sets it on (`ipipMode: Always`, `"ipipMode":"CrossSubnet"`) does not say how.
      if (offTerms.some((term) => settingValue(term, candidate.quote) === 'on')) continue;
      // "Which traffic does kube-proxy masquerade based on clusterCIDR": the rule naming the setting asked about.
      const rule = rewriteAsked && (values & REWRITE_BIT) !== 0 && rewrites?.(candidate.quote) === true;
      const purpose =
        purposeOf.length > 0 &&
        (values & PURPOSE_BIT) !== 0 &&
        purposeOf.every((name) => name.test(purposeSubject(candidate)));
      const value =
        valueKinds.some((kind) => (values & KIND_BIT[kind]) !== 0) ||
        (portByField && (values & PORT_FIELD_BIT) !== 0) ||
        (addrByRole && (values & ROLE_ADDR_BIT) !== 0) ||
        (obtainAsked && (values & KEEPS_BIT) !== 0) ||
        (sourceFateAsked && (values & SOURCE_FATE) !== 0) ||
        explainsSource ||
        (requirementAsked && (values & REQUIRES_BIT) !== 0) ||
        purpose ||
        rule;
      if (obtainAsked && (values & KEEPS_BIT) === 0) continue;
      // The value the question asks to explain: only a line that states it answers.
      if (explained.length > 0 && !explained.some((stated) => holdsAddress(candidate.quote, stated)))
        continue;
      // "What is clusterCIDR used for?": a command reading or setting it does not say what it does.
      if (candidate.settingOnly && ask.purpose) continue;
      // A command that changes a setting answers which setting or how to change it, not what the default is.
      if (candidate.settingOnly && ask.wantsDefault) continue;
      // "how to set dnspolicy when use hostnetwork": a command that only reads the setting does not say how to set it.
      if (candidate.settingOnly && !candidate.changes && changeAsked) continue;
      // "chart should support dnsPolicy": only a line naming the field (or a row of a table whose header names it) that
      // states its rule answers; a command reading or setting it states none.
      if (ask.requested && !(statesRule(candidate) && namesRequested(candidate, ask.requested))) continue;
      // "What does externalTrafficPolicy: Local change for the client IP": the command setting what the question
      // gives repeats the question; a line stating the effect answers it. A command setting another setting
      // ("Which dnsPolicy should pods with hostNetwork: true use") may still say what to set.
      if (candidate.settingOnly && givenSettings.some((name) => candidate.quote.toLowerCase().includes(name)))
        continue;
      // "What does externalTrafficPolicy: Local change": a line about the Cluster case answers another question.
      if (aboutOtherCase(candidate.quote, givenCase, otherCases)) continue;
      const setting =
        wantsSetting &&
        (values & KIND_BIT.setting) !== 0 &&
        (about === 0 || (quoteKinds & about) !== 0) &&
        (form === undefined || form.test(candidate.quote));
      const fallback = wantsFallback && (values & KIND_BIT.default) !== 0;
      if (!value && !setting && !fallback) continue;
      // The value itself matches the asked word (`端口` ↔ `TCP 179`); a line with the value and the setting
      // that changes it answers a "how do I change" best.
      let score = sharedWeight(1 + (value && setting ? 1 : 0), asked, contextTermsOf(candidate, concepts));
      // The default of what the asking clause names: "What MTU does tunl0 get by default" is answered by the tunl0
      // row, not by another row that says 默认.
      // A default said not to be ("Felix（默认不需要 BGP）", "not enabled by default") states no default.
      if (ask.wantsDefault && DEFAULT_WORDS.test(candidate.quote.replace(NEGATED_DEFAULT, ' '))) {
        score += ownTerms.some((term) => contextTermsOf(candidate, concepts).has(term)) ? 2 : 1;
        // A sentence saying what the default is ("默认是全互联 node-to-node mesh", "defaults to iptables") over a
        // line that names a default beside its value ("默认 `blockSize: 26`").
        if (statesDefault(candidate.quote)) score += 1;
      }
      if (prescribed && PRESCRIBES.test(candidate.quote)) score += 1.5;
      // "IPIP 封装会多加多少字节", "how many bytes does VXLAN add": the line writing the amount in the unit asked ("加 20
      // 字节外层 IP 头") states it; a row saying what to subtract ("IPIP 需减 20") shares more of a report's words.
      if (unitAsked && UNIT_STATED.test(candidate.quote)) score += UNIT_BONUS;
      // "Is there a flannel setting that uses direct routes within a subnet": a line stating a setting with its value
      // (`DirectRouting: true`) says what to set; one holding only a code-formatted name (`flannel.1`) does not.
      if (setting && byRole && !candidate.settingOnly && assignsSetting(candidate.quote, ask.focus))
        score += SETTING_VALUE_BONUS;
      // "要不走 IPIP，IPPool 应该怎么设置", "how do I turn IPIP off": the line that states it off (`ipipMode: Never`).
      // A command's values are what it is given, not what a line states (see `Candidate.settingOnly`).
      if (!candidate.settingOnly && offTerms.some((term) => settingValue(term, candidate.quote) === 'off'))
        score += 3;
      // "要不走 IPIP，IPPool 应该怎么设置": a line that also turns another mode on (`"vxlanMode":"Always"`) switches to that
      // mode, which the asker did not ask for; the line turning it off alone (`ipipMode: Never`、`vxlanMode: Never`) says
      // how.
      if (offTerms.length > 0 && turnsOnOtherMode(candidate.quote, ask.focus)) score -= 3;
      if (echoed.size > 0 && (candidate.quote.match(NUMBERS) ?? []).some((n) => echoed.has(n))) score += 1.5;
      // "should the pod MTU be 1440 or 1480?": a line stating one of the values checked says which is right.
      if (checked.some((value) => value.test(candidate.quote))) score += CHECKED_BONUS;
      // "Which bridge does flannel put the pods on": a line naming an interface by its kind states which it is.
      if (ifaceOnly && namesInterface(candidate.quote)) score += 1;
      // The line saying the asked address is kept says how it is had, however few other words it shares.
      if (obtainAsked) score += 2;
      // "What does externalTrafficPolicy: Local change for the client source IP": the line saying whether the source
      // is kept or rewritten states the effect asked.
      const fate =
        sourceFateAsked && (values & SOURCE_FATE) !== 0 && !comparesCases(candidate.context, givenCase);
      // Of those, the line naming the case given ("Local 策略：……源 IP 保留") over a row comparing both cases.
      if (fate) score += namesGivenValue(candidate.quote, givenCase) ? 3 : 2;
      // The line saying the source is rewritten explains why it is not the client's, however few words it shares.
      if (explainsSource) score += 2;
      // Of those, the line giving the reason ("……只在集群内可路由……所以……把源地址改成节点 IP") says why; a row naming the
      // same effect says only that it happens.
      if (explainsSource && givesReason(candidate.quote)) score += REASON_BONUS;
      // "What would be a reason not to set that?": the asking clause names nothing but the cost; the line stating a
      // cost of what the report set answers, however few words of the clause it shares.
      if (drawbackAsked && (values & KIND_BIT.drawback) !== 0) score += 2;
      // A pod's own name asked: the line giving a pod's DNS name (`web-0.nginx.default.svc.cluster.local`), not the
      // Service's (`nginx.default.svc.cluster.local`), which shares as many words.
      if (podNameAsked && !candidate.settingOnly && statesPodName(candidate.quote)) score += POD_NAME_BONUS;
      // "What does a headless Service lookup return": a line saying what it returns answers it.
      const returns = returnAsked && RETURNS.test(candidate.quote);
      if (returns) score += 2;
      // A line binding a port to the endpoint asked about (`:8181/ready`) states it, however few words it shares.
      const binds = endpoints.some((endpoint) => endpoint.test(candidate.quote));
      if (binds) score += 2;
      // A line naming the field the report points to states it, however few words of the ask it shares.
      const namesAround = around.some((name) => name.test(candidate.quote));
      if (namesAround) score += 2;
      // "Does a policy selector match pods with host networking": the line naming the field the clause spells out
      // in words (`hostNetwork`) is about the asked subject, however many other words a nearby row shares with
      // the rest of a long report (the setup, the CNI, the pasted rule).
      if (namesSpelledField(candidate.quote, ask.focus)) score += 3;
      // The row whose key the asking clause names (`Vlan`), or less, the rest of the question ("I noticed the
      // bridge didn't apply any vlan tagging").
      // Not the row of what the clause turns off ("不走 IPIP": the IPIP row says how it is on).
      if (candidate.key && !offTerms.includes(candidate.key))
        score += keyNamed(candidate.key, focus) ? 1.5 : keyNamed(candidate.key, questionTerms) ? 0.75 : 0;
      // The rule saying when the source is rewritten states the asked behaviour however few words it shares; in a
      // diagram it is the author's statement, as a sentence is, not output.
      if (rule) score += ruleOnSource(candidate.quote) ? 3 : 2;
      // The line saying what the named setting does states its purpose, however few of the asker's words it shares.
      if (purpose) score += PURPOSE_BONUS;
      // The row of the mode asked for, or a line setting it (`mode: ipvs`), states how to select it; a row of the mode
      // left shares as many words.
      const modeRow = modes.some(
        (mode) =>
          (candidate.header !== undefined && rowOfMode(candidate.header, candidate.quote, mode)) ||
          setsToMode(candidate.quote, mode),
      );
      if (modeRow) score += MODE_ROW_BONUS;
      score *= (rule ? 1 : candidate.weight) * (rank === 0 ? 1 : 0.6);
      if (!best || score > best.score) best = { candidate, score };
      if (named.length > 0 && statesSetting(named, candidate.quote) && (!stating || score > stating.score))
        stating = { candidate, score };
      // A request's field may be named by the header of the table comparing its values ("| 项目 | externalTrafficPolicy:
      // Cluster | externalTrafficPolicy: Local |"): its rows state the rule of each.
      const namedText =
        ask.requested && candidate.header?.trim().startsWith('|')
          ? `${candidate.header} ${candidate.quote}`
          : candidate.quote;
      if (namesAround || byName.some((name) => name.test(namedText))) {
        if (!naming || score > naming.score) naming = { candidate, score };
        if (returns && (!namedReturning || score > namedReturning.score))
          namedReturning = { candidate, score };
        if (prescribed && PRESCRIBES.test(candidate.quote) && (!prescribing || score > prescribing.score))
          prescribing = { candidate, score };
      }
      if (binds && (!binding || score > binding.score)) binding = { candidate, score };
      if (returns && (!returning || score > returning.score)) returning = { candidate, score };
      if (subjectName?.test(candidate.quote) && (!subjectLine || score > subjectLine.score))
        subjectLine = { candidate, score };
      // "Does the headless Service publish records for pods not ready?": in the runbook about headless Services every
      // line is about them; one opening with the subject says nothing of what is asked of it.
      if (
        yesNo &&
        !title.has(yesNo) &&
        answersYesNo(candidate.quote, candidate.key, yesNo) &&
        (!answering || score > answering.score)
      )
        answering = { candidate, score };
      if (carries?.(candidate.quote) && (!carrying || score > carrying.score))
        carrying = { candidate, score };
      if (fate && !candidate.settingOnly && (!fating || score > fating.score)) fating = { candidate, score };
      if (explainsSource && (!sourcing || score > sourcing.score)) sourcing = { candidate, score };
      if (modeRow && (!moding || score > moding.score)) moding = { candidate, score };
      if (purpose && (!purposing || score > purposing.score)) purposing = { candidate, score };
      if (
        readinessAsked &&
        !candidate.settingOnly &&
        statesReadinessRule(candidate.quote, ask.focus) &&
        (!readying || score > readying.score)
      )
        readying = { candidate, score };
      if (rule && !candidate.settingOnly && (!rewriting || score > rewriting.score))
        rewriting = { candidate, score };
    }
  }
  // "Why does the EXTERNAL-IP stay pending?": no line says it is by design, and the troubleshooting row whose symptom
  // says the same names its cause.
  const explaining =
    ask.why && !ask.same && WHY_WORD.test(ask.focus) && (!best || best.score < 2.5)
      ? symptomRow(
          docs,
          ask.focus,
          (title) => reweighted(wantedOnce, titleWeighted(wanted, title)),
          concepts,
          asksAboutPendingExternalIp(question, ask.focus),
        )
      : null;
  // "What is the default nf_conntrack_max": the line naming the sysctl, flag or key as the asker wrote it states its
  // value, though it says no 默认 (a table's 典型值 column); another line saying 默认 is about another setting.
  const settingNames =
    ask.why || ask.purpose || ask.needed || ask.rule || changeAsked
      ? []
      : settingNamesAsked(ask.focus).filter((name) => !givenSettings.includes(name));
  const keyed =
    settingNames.length > 0
      ? lineNamingSetting(
          docs,
          settingNames,
          (title) => reweighted(wantedOnce, titleWeighted(wanted, title)),
          concepts,
        )
      : null;
  if (keyed && (!stating || keyed.score > stating.score)) stating = keyed;
  // A symptom row or a check naming the same setting shares more of a report's words than the rule stating when.
  if (rewriting && rewriting.score >= 2.5) best = rewriting;
  else if (fating && fating.score >= 2.5) best = fating;
  else if (sourcing && sourcing.score >= 2.5) best = sourcing;
  // "怎么把 calico 改成 BGP 模式": of the lines naming settings, the row of the mode asked for.
  else if (moding && moding.score >= 2.5) best = moding;
  // A line saying what the name returns shares more words than the rule on the readiness the clause asks about.
  else if (readying && readying.score >= 2.5) best = readying;
  else if (stating) best = stating;
  else if (prescribing) best = prescribing;
  // "What does the healthCheckNodePort return": of the lines naming it, the one saying what it returns.
  else if (namedReturning) best = namedReturning;
  else if (naming) best = naming;
  // A symptom row naming the component in passing shares more of a report's words than the line about it.
  else if (answering && answering.score >= 2.5) best = answering;
  else if (subjectLine && subjectLine.score >= 2.5) best = subjectLine;
  else if (returning && returning.score >= 2.5) best = returning;
  // A line binding the port named shares too little to stand for the answer on that alone.
  else if (binding && binding.score >= 2.5) best = binding;
  else if (carrying && carrying.score >= 2.5) best = carrying;
  if (explaining && (!best || best.score < 2.5)) best = explaining;
  // "Why do pods that are not ready yet not show up behind the headless Service?": no line says it is by design and
  // no symptom row says the same, yet a line about the clause's own subject states the rule behind it ("只有 Ready
  // 端点出现在 DNS 中").
  if (ask.why && !ask.same && WHY_WORD.test(ask.focus) && (!best || best.score < 2.5)) {
    const ruling = subjectRule(
      docs,
      ask.focus,
      (title) => reweighted(wantedOnce, titleWeighted(wanted, title)),
      concepts,
      ask.affirmed === true,
    );
    if (ruling) best = ruling;
  }
  // A line sharing almost nothing with the question is a value by coincidence.
  if (!best || best.score < 2.5) return null;
  // Only the rule answers which traffic, or when, the source is rewritten.
  if (ask.rule && best !== rewriting) return null;
  // Only the row of the mode asked for, or a line setting it, says how to get there: another line with the mode's
  // words ("host-gw 模式跨子网节点不通 | … | 改用 vxlan") says how to leave it or what it breaks.
  if (modes.length > 0 && best.candidate !== moding?.candidate) return null;
  // "Why did I specify clusterIP for CoreDNS?": only a line saying what the setting does says why it is needed.
  if (ask.needed && best.candidate !== purposing?.candidate) return null;
  const { chunk, line, endLine, quote } = best.candidate;
  return { chunk, line, endLine, quote, score: best.score };
}

/** Words of the doc's title (the CNI, the topic) are in every line's doc: they barely tell lines apart. */
function titleWeighted(
  wanted: ReadonlyArray<[string, number]>,
  title: ReadonlyMap<string, number>,
): Array<[string, number]> {
  return wanted.map(([term, weight]): [string, number] => [term, title.has(term) ? weight * 0.3 : weight]);
}

/**
 * What a close match of a why clause to a symptom row adds: the row names the cause of what the asker sees, however
 * few of a long report's other words it shares (measured: such rows share 3-4).
 */
const WHY_SYMPTOM_BONUS = 4;

/**
 * Only a why clause ("Why does the EXTERNAL-IP stay pending"): "只有部分 Pod 访问超时，这正常吗" asks whether it is by
 * design, and the row's cause says it is not, which that ask leaves to the diagnosis.
 */
const WHY_WORD = /\bwhy\b|为什么|為什麼|为啥|為啥/i;

/** The troubleshooting row whose symptom cell says what the why clause asks about, scored as a direct answer. */
function symptomRow(
  docs: readonly DocRecord[],
  focus: string,
  askedFor: (title: ReadonlyMap<string, number>) => ReturnType<typeof reweighted>,
  concepts: Concepts | undefined,
  externalIpPending: boolean,
): { candidate: Candidate; score: number } | null {
  const clause = joinedTimeout(focus);
  const clauseTerms = termsRead(clause);
  let found: { candidate: Candidate; score: number } | null = null;
  for (const [rank, doc] of docs.entries()) {
    const asked = askedFor(terms(doc.title));
    for (const chunk of doc.chunks)
      for (const candidate of candidatesOf(chunk)) {
        const cell = candidate.header ? symptomCell(candidate.header, candidate.quote) : null;
        if (!cell) continue;
        const cellTerms = termsWithConcepts(cell, concepts);
        // A report pasting a `<pending>` LoadBalancer row seldom words it as the row does: the same symptom is enough.
        const sameSymptom = externalIpPending && statesExternalIpPending(cell);
        if (!sameSymptom && !describesSymptom(clause, clauseTerms, cell, cellTerms, variantsOf)) continue;
        const score =
          (sharedWeight(1, asked, contextTermsOf(candidate, concepts)) + WHY_SYMPTOM_BONUS) *
          (rank === 0 ? 1 : 0.6);
        if (!found || score > found.score) found = { candidate, score };
      }
  }
  return found;
}

/** The line of the retrieved runbooks about the why clause's subject, scored as a direct answer. */
function subjectRule(
  docs: readonly DocRecord[],
  focus: string,
  askedFor: (title: ReadonlyMap<string, number>) => ReturnType<typeof reweighted>,
  concepts: Concepts | undefined,
  affirmed: boolean,
): { candidate: Candidate; score: number } | null {
  const clauseTerms = termsRead(joinedTimeout(focus));
  let found: { candidate: Candidate; score: number; shared: SubjectShare } | null = null;
  // Only the runbook the answer leads with: a rule line of another explains the subject as another runbook sees it
  // (measured: taking the others' lines moved first-cited docs).
  const doc = docs[0];
  if (doc) {
    const title = terms(doc.title);
    const asked = askedFor(title);
    for (const chunk of doc.chunks)
      for (const candidate of candidatesOf(chunk)) {
        if (candidate.settingOnly) continue;
        // "为什么这个 ClusterIP 能 ping 通": a line saying it does not (不通) contradicts what was seen.
        if (contradictsClause(focus, candidate.quote, affirmed, NEGATED)) continue;
        const shared = whySubjectShared(
          clauseTerms,
          termsWithConcepts(candidate.quote, concepts),
          variantsOf,
          title,
        );
        if (!shared) continue;
        const score = sharedWeight(1, asked, contextTermsOf(candidate, concepts)) * candidate.weight;
        // The line holding more of the subject's own words is about it (a word of the doc's title is in all its
        // lines); of those, the one sharing more of the question.
        if (!found || closerToSubject(shared, score, found)) found = { candidate, score, shared };
      }
  }
  return found && found.score >= 2.5 ? found : null;
}

/** Whether a line is closer to the why clause's subject than the one found so far. */
function closerToSubject(
  shared: SubjectShare,
  score: number,
  found: { score: number; shared: SubjectShare },
): boolean {
  if (shared.beyondTitle !== found.shared.beyondTitle) return shared.beyondTitle > found.shared.beyondTitle;
  if (shared.inLine !== found.shared.inLine) return shared.inLine > found.shared.inLine;
  return score > found.score;
}

/** What naming the setting asked adds to a line's shared words: the name is the asker's own (measured: 2.5 lifts it). */
const NAMED_SETTING_BONUS = 2.5;

/**
 * The line of the retrieved runbooks that names a setting as the asker wrote it and states a value (a number, or a
 * default), scored as a direct answer. Not a command: `sysctl net.netfilter.nf_conntrack_max` reads the value, it
 * does not state it.
 */
function lineNamingSetting(
  docs: readonly DocRecord[],
  names: readonly string[],
  askedFor: (title: ReadonlyMap<string, number>) => ReturnType<typeof reweighted>,
  concepts: Concepts | undefined,
): { candidate: Candidate; score: number } | null {
  let found: { candidate: Candidate; score: number } | null = null;
  for (const [rank, doc] of docs.entries()) {
    const asked = askedFor(terms(doc.title));
    for (const chunk of doc.chunks)
      for (const candidate of candidatesOf(chunk)) {
        if (candidate.settingOnly || !statesAValue(candidate.quote)) continue;
        if (!namesSettingAsked(candidate.quote, names)) continue;
        const score =
          (sharedWeight(1, asked, contextTermsOf(candidate, concepts)) + NAMED_SETTING_BONUS) *
          candidate.weight *
          (rank === 0 ? 1 : 0.6);
        if (!found || score > found.score) found = { candidate, score };
      }
  }
  return found;
}

/**
 * A setting written with its value: `externalTrafficPolicy: Local`, `ipipMode=Never`, `--masquerade-all=true`,
 * `FLANNEL_IPMASQ=true`, "externalTrafficPolicy 设为 Local", "set externalTrafficPolicy to Local". The name is a field
 * (camelCase), a flag or an environment variable, not a word ("Note: ...", "问题：..."); "maps hostPort to the pod"
 * gives no value.
 */
const SETTING_WITH_VALUE =
  /(?<![\w-])([a-z]+(?:[A-Z][a-z0-9]*)+|--[a-z][a-z0-9-]+|[A-Z][A-Z0-9]*_[A-Z0-9_]+)["'`]?\s*(?:[:=：]|设为|設為|设成|設成|改为|改為|改成|为|為)\s*["'`]?[A-Za-z0-9][\w.-]*/g;
const SET_TO = /\bset(?:ting)?\s+(?:the\s+)?([a-z]+(?:[A-Z][a-z0-9]*)+|--[a-z][a-z0-9-]+)\s+to\s+\w/g;

/**
 * The settings the asking clause gives with a value ("What does externalTrafficPolicy: Local change",
 * "ipipMode=Never 之后跨节点会怎么走" → externalTrafficPolicy, ipipMode): what such a setting does is asked, not how it
 * is set. Lowercased.
 */
export function settingsGivenWithValue(focus: string): string[] {
  const names = [...focus.matchAll(SETTING_WITH_VALUE), ...focus.matchAll(SET_TO)].map((match) =>
    (match[1] ?? '').toLowerCase(),
  );
  return [...new Set(names.filter((name) => name !== ''))];
}

/** An amount of bytes asked for by its unit: "多少字节", "how many bytes". */
const UNIT_ASKED = /字节|字節|位元組|\bbytes?\b/i;
/** An amount written with that unit: "20 字节", "50 bytes". */
const UNIT_STATED = /(?<![\d.])\d{1,4}\s*(?:字节|字節|位元組|bytes?\b)/i;
/** Measured: the unit line trails a row sharing a report's words by up to 2.5. */
const UNIT_BONUS = 3;

/** What a line stating a setting with its value gains on a setting ask (measured: 2 lifts the value line). */
const SETTING_VALUE_BONUS = 2;

/**
 * A setting written with its value in code: `DirectRouting: true`, `ipipMode: CrossSubnet`,
 * `--hairpin-mode=hairpin-veth`, `FLANNEL_IPMASQ=true`. Not a name alone (`flannel.1`, `cni0`), an address with its
 * port (`节点IP:nodePort`), a URL, a label (`k8s-app=kube-dns`), nor a command's arguments (`kubectl logs
 * --tail=200`): a command is what one runs, not what a setting is.
 */
const CODE_SPAN = /`[^`]+`/g;
const ASSIGNMENT =
  /(?:[A-Za-z][\w.-]*["']?:\s+["']?|(?<![\w-])--[a-z][a-z0-9-]+=|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+=)(?!\/\/)([\w./-]+)/g;

/**
 * Whether a line sets a setting the asking clause describes to a value that turns something on or picks a mode:
 * "Is there a flannel setting that uses direct routes" → `DirectRouting: true`. The setting's name or value must
 * share a word with the clause (`CrossSubnet` says nothing of "get NATed"). A setting stated off (`natOutgoing
 * 关闭、--ip-masq=false`) is what a symptom row blames, not what to set (an ask to turn something off has its own
 * rule, `turnedOff`).
 */
export function assignsSetting(quote: string, focus: string): boolean {
  const asked = nameWords(focus);
  for (const span of quote.replace(SHELL_SPAN, ' ').match(CODE_SPAN) ?? [])
    for (const match of span.matchAll(ASSIGNMENT)) {
      const value = match[1] ?? '';
      if (OFF_VALUE.test(value)) continue;
      if (nameWords(match[0]).some((word) => asked.some((other) => sameWord(word, other)))) return true;
    }
  return false;
}

/** The lowercased words of a text or a setting (`DirectRouting` → direct, routing; `ip-masq` → masq), of 3+ letters. */
function nameWords(text: string): string[] {
  return (
    text
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .match(/[a-z]{3,}/g) ?? []
  ).filter((word) => !GENERIC_WORDS.has(word));
}

/** Words that tell no setting apart ("the", a value "true"). */
const GENERIC_WORDS = new Set([
  'the',
  'and',
  'for',
  'true',
  'yes',
  'always',
  'enabled',
  'enable',
  'that',
  'with',
]);

/** One word in two forms: "routes" and "routing" (a shared stem of five letters, or four when both are short). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return common >= 5 || (common >= 4 && Math.min(a.length, b.length) <= 7);
}

/**
 * A setting asked for by what it does, not by its name: "Is there a flannel setting that uses direct routes", "哪个
 * 参数能让 ...". Not "Which externalTrafficPolicy value" (the name is given: the lines naming it are told apart by
 * other rules), nor "how can I change this value" (no setting asked).
 */
const SETTING_WORD =
  /\b(?:settings?|options?|parameters?|params?|flags?|fields?|config(?:uration)? keys?)\b|参数|參數|选项|選項|配置项|配置項|字段|开关|開關/i;
const CAMEL_NAME = /\b[a-z]+[A-Z][A-Za-z]+\b/;

export function settingAskedByRole(focus: string): boolean {
  return SETTING_WORD.test(focus) && !CAMEL_NAME.test(focus);
}

/** A camelCase field a line names (`hostNetwork`, `externalTrafficPolicy`), not a capitalised name (`CoreDNS`). */
const CAMEL_FIELD = /(?<![\w/-])[a-z]+(?:[A-Z][a-z]+)+(?![\w-])/g;

/**
 * Whether a line names a field the clause spells out as consecutive words ("host networking" → `hostNetwork`,
 * "external traffic policy" → `externalTrafficPolicy`) without writing the field itself (a field written as is is
 * matched as a term already). Words joined by punctuation ("resolv.conf") are a name, not the field spelled out.
 */
export function namesSpelledField(quote: string, focus: string): boolean {
  for (const match of quote.matchAll(CAMEL_FIELD)) {
    const parts = match[0]
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(' ');
    if (parts.length < 2 || new RegExp(`(?<![\\w-])${match[0]}(?![\\w-])`, 'i').test(focus)) continue;
    const spelled = new RegExp(
      `(?<![\\w.-])${parts.map((part) => `${part}[a-z]*`).join('\\s+')}(?![\\w.-])`,
      'i',
    );
    if (spelled.test(focus)) return true;
  }
  return false;
}

/**
 * A line saying the source address is kept: "源 IP 保留", "客户端源 IP 地址被保留", "the client IP is preserved". Not "需要
 * 保留源 IP 时设置 ..." (a condition for a setting), nor a row whose cells only sit side by side ("客户端源 IP | ... |
 * 保留").
 */
const KEEPS_ADDRESS =
  /(?:源|客户端|source|client)\s*IP(?:\s*(?:地址|address(?:es)?))?\s*(?:被|(?:is|are|gets?|will be)\s+)?(?:保留|preserved|kept|retained)/i;

/** A line saying what something returns: "作为多条 A/AAAA 记录返回", "returns one A record per pod". */
const RETURNS = /返回|\breturns?\b|\bresolves? to\b|解析(?:为|為|成)/i;

/** Whether a line states the address (or CIDR) as written, not as part of a longer one. */
function holdsAddress(quote: string, value: string): boolean {
  const at = quote.indexOf(value);
  return (
    at >= 0 && !/[\d.]/.test(quote[at - 1] ?? '') && !/^(?:\.?\d|\/\d)/.test(quote.slice(at + value.length))
  );
}

/**
 * The port fields the asking clause names: "which port must the rule allow, the Service port 53 or the pods'
 * targetPort", "放行 Service 的 53 还是 Pod 的 targetPort". The field is what the port is asked of: a line that names it
 * says which port that is.
 */
const PORT_FIELD = /\b[a-z]+Port\b/g;

export function portFieldsNamed(focus: string): string[] {
  return [...new Set(focus.match(PORT_FIELD) ?? [])];
}

/**
 * What the asking clause turns off: "不走 IPIP", "关闭 IPIP", "disable IPIP", "turn IPIP off", "without IPIP", and
 * what it moves from ("从 IPIP 改成纯 BGP", "switch from IPIP to BGP": the mode left is off). Names only (a Latin
 * word), lowercased.
 */
const TURN_OFF =
  /(?:从|從)\s*([A-Za-z][\w-]*)\s*(?:模式)?\s*(?:改成|改为|改為|换成|換成|切换到|切換到|切到|迁移到|遷移到)|\b(?:switch(?:ing)?|migrat(?:e|ing)|mov(?:e|ing)|chang(?:e|ing)) from\s+(?:the\s+)?([A-Za-z][\w-]*)\b|(?:不走|不用|不使用|不要|关闭|關閉|关掉|關掉|禁用|停用|去掉|取消)\s*([A-Za-z][\w-]*)|\b(?:disable|disabling|turn off|turning off|switch off|get rid of|without|stop using)\s+(?:the\s+)?([A-Za-z][\w-]*)|\b(?:turn|switch|set)\s+(?:the\s+)?([A-Za-z][\w-]*)\s+(?:mode\s+)?(?:off|to never|to false)\b/gi;
/** A word no setting is named after: "no way", "without the need". */
const NOT_A_NAME =
  /^(?:the|a|an|way|need|it|this|that|luck|longer|more|idea|matter|one|problem|issue|success)$/i;

export function turnedOff(focus: string): string[] {
  const found = new Set<string>();
  for (const match of focus.matchAll(TURN_OFF)) {
    const name = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5])?.toLowerCase();
    if (name && name.length >= 3 && !NOT_A_NAME.test(name)) found.add(name);
  }
  return [...found];
}

/**
 * What a line sets a setting named after `term` to: off (`ipipMode: Never`, `"ipipMode":"Never"`,
 * `--enable-ipip=false`), on (`ipipMode: Always`), or null when it sets no such setting. Off wins when it sets both.
 */
export function settingValue(term: string, quote: string): 'off' | 'on' | null {
  const escaped = escapeRegExp(term);
  const values = [
    ...quote.matchAll(new RegExp(`(?<![a-z])${escaped}[\\w-]*["'\`]?\\s*[:=]\\s*["'\`]?([\\w-]+)`, 'gi')),
  ].map((match) => match[1] ?? '');
  if (values.length === 0) return null;
  return values.some((value) => OFF_VALUE.test(value)) ? 'off' : 'on';
}

const OFF_VALUE = /^(?:never|false|off|disabled?|none|no)$/i;

/** A mode setting given a value: `vxlanMode: Always`, `"ipipMode":"Never"`. */
const MODE_SETTING = /(?<![\w-])([a-z]+)Mode["'`]?\s*[:=]\s*["'`]?([\w-]+)/gi;

/**
 * Whether a line turns on a mode the asking clause does not name: "不走 IPIP" → `"vxlanMode":"Always"` switches to
 * VXLAN. A mode turned off (`vxlanMode: Never`), or the one the clause names, is not another mode turned on.
 */
export function turnsOnOtherMode(quote: string, focus: string): boolean {
  const named = focus.toLowerCase();
  for (const match of quote.matchAll(MODE_SETTING)) {
    const mode = (match[1] ?? '').toLowerCase();
    if (!OFF_VALUE.test(match[2] ?? '') && !named.includes(mode)) return true;
  }
  return false;
}

/**
 * Verbs that send something somewhere: a question asking where (or to what address, file or device) they send it
 * asks for what follows them in the line that states it ("forward . /etc/resolv.conf", "forward 插件 → 节点
 * /etc/resolv.conf 里的上游 DNS"), not for another value the same runbook states ("kubeadm 默认 ClusterIP 为 10.96.0.10").
 */
const SENDING_VERBS: ReadonlyArray<RegExp> = [
  /\bforward(?:s|ed|ing)?\b|转发|轉發/i,
  /\bredirect(?:s|ed|ing)?\b|重定向/i,
];
/** The kinds of value that are a place something is sent to. */
const PLACE_KINDS: readonly ValueKind[] = ['path', 'addr', 'iface', 'ip'];
/**
 * The clause names where the verb sends ("makes CoreDNS forward back to itself", "forwards to 8.8.8.8", "转发回自身"):
 * the place is given, not asked.
 */
const PLACE_GIVEN =
  /^\s*(?:[\w-]+\s+){0,3}?(?:back\b|itself\b|to\s+(?!where\b|which\b|what\b)[\w.]+)|^[^，,。？?]{0,8}?(?:回|到(?!哪))/i;
/** How far after the verb the place may be (" 插件 → 节点 " lies between). */
const PLACE_AFTER = 24;

/**
 * Whether a line states where the asked verb sends to, or null when the asking clause names no sending verb or asks
 * for no place.
 */
export function carriesTo(ask: FactAsk): ((quote: string) => boolean) | null {
  const places = ask.kinds.filter((kind) => PLACE_KINDS.includes(kind));
  const verb = SENDING_VERBS.find((pattern) => pattern.test(ask.focus));
  if (!verb || places.length === 0) return null;
  const asked = [...ask.focus.matchAll(new RegExp(verb.source, 'gi'))].some(
    (match) => !PLACE_GIVEN.test(ask.focus.slice(match.index + match[0].length)),
  );
  if (!asked) return null;
  const global = new RegExp(verb.source, 'gi');
  return (quote) => {
    for (const match of quote.matchAll(global)) {
      const after = quote.slice(match.index + match[0].length, match.index + match[0].length + PLACE_AFTER);
      if (places.some((kind) => VALUE_PATTERNS[kind].test(valueText(kind, after)))) return true;
    }
    return false;
  };
}

/** A one-segment URL path a question names: "/ready", "/healthz", "/metrics" (not a file path). */
const ENDPOINT = /(?<![\w.:/-])\/([a-z][a-z0-9_-]*)(?![\w./-])/gi;

/**
 * The endpoints the question names whose name the asking clause repeats ("the /health endpoint ... which port does
 * the health plugin listen on"), as patterns of a port bound to them (`:8080/health`).
 */
export function endpointsAsked(question: string, focus: string): RegExp[] {
  const focusWords = termsRead(focus);
  const found = new Set<string>();
  for (const match of question.matchAll(ENDPOINT)) {
    const name = match[1]?.toLowerCase();
    if (name && (focusWords.has(name) || focus.toLowerCase().includes(`/${name}`))) found.add(name);
  }
  // "Which port does the CoreDNS ready endpoint listen on": the endpoint named by a word before "endpoint", "probe".
  for (const match of focus.matchAll(NAMED_ENDPOINT)) {
    const name = (match[1] ?? match[2])?.toLowerCase();
    if (name && !ENDPOINT_WORD.test(name)) found.add(name);
  }
  // "就绪探针", "the readiness probe": the endpoint a probe of that kind checks (`:8181/ready`).
  for (const [word, names] of PROBE_ENDPOINTS)
    if (word.test(focus)) for (const name of names) found.add(name);
  const patterns = [...found].map((name) => new RegExp(`:\\d{2,5}\\/${name}(?![\\w-])`, 'i'));
  // "What does CoreDNS serve on port 8181": the line that binds that port (`:8181/ready`) says what is on it.
  for (const match of focus.matchAll(NAMED_PORT)) {
    const port = match[1] ?? match[2];
    if (port) patterns.push(new RegExp(`:${port}(?!\\d)`));
  }
  return patterns;
}

/**
 * A probe named by what it checks rather than by its endpoint: a readiness probe checks `/ready` (`/readyz`), a
 * liveness probe `/health` (`/healthz`, `/livez`).
 */
const PROBE_ENDPOINTS: ReadonlyArray<[RegExp, readonly string[]]> = [
  [/就绪|就緒|\breadiness\b/i, ['ready', 'readyz']],
  [/存活|\bliveness\b/i, ['health', 'healthz', 'livez']],
];

/** A port the asking clause names as one: "on port 8181", "8181 端口". */
const NAMED_PORT = /\bport\s+(\d{2,5})(?!\d)|(?<![\d.])(\d{2,5})\s*(?:端口|埠)/gi;

/** An endpoint named by its word: "the ready endpoint", "the health probe", "healthz 探针". */
const NAMED_ENDPOINT =
  /\b([a-z][a-z0-9_-]*)\s+(?:endpoints?|probes?|handlers?|urls?|paths?)\b|\b([a-z][a-z0-9_-]*)\s*(?:端点|端點|探针|探針)/gi;
const ENDPOINT_WORD = /^(?:the|a|an|this|that|its|http|https|tcp|udp|readiness|liveness|startup)$/;

/** The bits beside the KIND_BIT ones start after the last kind's: adding a kind moves them, never overlaps them. */
const BESIDE_KINDS = KINDS.length;
/** A line naming a Service's port field (`healthCheckNodePort`): a bit beside the KIND_BIT ones. */
const PORT_FIELD_BIT = 1 << BESIDE_KINDS;
/** A line naming an address by its role (节点 IP, Pod IP, node IP): a bit beside the KIND_BIT ones. */
const ROLE_ADDR_BIT = 1 << (BESIDE_KINDS + 1);
/** A line saying the source address is kept ("源 IP 保留"): a bit beside the KIND_BIT ones. */
const KEEPS_BIT = 1 << (BESIDE_KINDS + 2);
/**
 * A line stating what something requires ("host-gw …要求所有节点二层直连", "requires layer 2"): it answers a
 * behaviour ask about a requirement ("Does host-gw require all nodes on one layer 2 network?", "host-gw 要求节点二层
 * 直连吗"). Only then: a fix row saying what a mode requires shares more of another ask's words, yet answers it not.
 */
const REQUIRES_BIT = 1 << (BESIDE_KINDS + 3);
const STATES_REQUIREMENT = /要求|(?<![\w-])requires?(?![\w-])/i;
const REQUIREMENT_ASKED = /要求|(?<![\w-])require[sd]?(?![\w-])/i;
/** A line saying when the source is rewritten ("源不在 clusterCIDR 时 → KUBE-MARK-MASQ"): a bit beside the KIND_BIT ones. */
const REWRITE_BIT = 1 << (BESIDE_KINDS + 4);
/** A line saying the source is kept or rewritten: the fate of the source address. */
const SOURCE_REWRITE_BIT = 1 << (BESIDE_KINDS + 5);
const SOURCE_FATE = KEEPS_BIT | REWRITE_BIT | SOURCE_REWRITE_BIT;

/**
 * A port asked of a Service ("which port does kube-proxy answer the load balancer's health checks on for a Local
 * service"): the port is one of the Service's fields, which a line can name without a number. A daemon's port
 * (kube-proxy's metrics, CoreDNS's health plugin) is a number.
 */
const SERVICE_ASKED = /\bservices?\b|\bsvc\b|\bload ?balancers?\b|服务|服務|负载均衡|負載均衡/i;

/** A line saying what something lets happen or is for ("它让…", "用于…", "…的前提", "lets", "is used to"). */
const PURPOSE_BIT = 1 << (BESIDE_KINDS + 6);
const STATES_PURPOSE =
  /^(?:它|这|這|此|其)?(?:让|讓|使)|[，,：:；;]\s*(?:它|这|這|此|其)?(?:让|讓|使得)|用于|用於|用来|用來|作用是|的前提|是为了|是為了|\b(?:lets?|allows?|enables?|ensures?|so that|(?:is|are) used (?:to|for)|in order to)\b/i;
/**
 * Measured: the purpose line of a setting shares 0-2 of a short ask's words (the setting is named the sentence
 * before).
 */
const PURPOSE_BONUS = 3;
/** What a line giving a pod's own DNS name gains when a pod's name is asked. */
const POD_NAME_BONUS = 2;

/** As much as a port the question echoes (`echoed`): a value the asker checks is named in the line stating it. */
const CHECKED_BONUS = 1.5;

/** Measured: the row of the mode asked for shares 1-3 of a mode ask's words, the row of the mode left as many. */
const MODE_ROW_BONUS = 3;

/**
 * What a purpose line is about: a purpose table's row is about the thing of its first cell (the row of
 * `KUBE-SERVICES` names KUBE-NODEPORTS in passing); a sentence is about what it and the sentence before it name ("它让…").
 */
function purposeSubject(candidate: Candidate): string {
  const thing = purposeRowThing(candidate.quote, candidate.header);
  return thing ?? `${candidate.quote} ${candidate.antecedent ?? ''}`;
}

/** Per candidate line: which kinds of value it holds and which kinds' words it has (the same for every question). */
const quoteFactCache = new WeakMap<Candidate, { values: number; kindWords: number }>();

function quoteFacts(candidate: Candidate): { values: number; kindWords: number } {
  let facts = quoteFactCache.get(candidate);
  if (!facts) {
    let values = 0;
    for (const kind of KINDS)
      if (VALUE_PATTERNS[kind].test(valueText(kind, candidate.quote))) values |= KIND_BIT[kind];
    if (namesPortField(candidate.quote)) values |= PORT_FIELD_BIT;
    if (namesAddressByRole(candidate.quote)) values |= ROLE_ADDR_BIT;
    if (KEEPS_ADDRESS.test(candidate.quote)) values |= KEEPS_BIT;
    if (STATES_REQUIREMENT.test(candidate.quote)) values |= REQUIRES_BIT;
    if (statesRewriteRule(candidate.quote)) values |= REWRITE_BIT;
    if (rewritesSource(candidate.quote)) values |= SOURCE_REWRITE_BIT;
    if (
      !candidate.settingOnly &&
      candidate.weight === 1 &&
      (STATES_PURPOSE.test(candidate.quote) || purposeRowThing(candidate.quote, candidate.header) !== null)
    )
      values |= PURPOSE_BIT;
    if (candidate.settingOnly) values &= KIND_BIT.setting;
    facts = { values, kindWords: kindWordsOf(candidate.quote) };
    quoteFactCache.set(candidate, facts);
  }
  return facts;
}

/** Per list of candidate lines (one doc's, holding some kinds): the terms of all their contexts. */
const contextTermsCache: PerConcepts<ReadonlySet<string>> = new WeakMap();

function contextTermsIn(lines: readonly Candidate[], concepts: Concepts | undefined): ReadonlySet<string> {
  return rememberedFor(contextTermsCache, lines, concepts, () => {
    const held = new Set<string>();
    for (const line of lines) for (const term of contextTermsOf(line, concepts).keys()) held.add(term);
    return held;
  });
}

/** Per doc and set of kinds (KIND_BIT bits): its candidate lines holding a value of one of them, in order. */
const holdingCache = new WeakMap<DocRecord, Map<number, readonly Candidate[]>>();

function linesHolding(doc: DocRecord, kinds: number): readonly Candidate[] {
  let byKinds = holdingCache.get(doc);
  if (!byKinds) {
    byKinds = new Map();
    holdingCache.set(doc, byKinds);
  }
  let lines = byKinds.get(kinds);
  if (!lines) {
    lines = doc.chunks.flatMap((chunk) =>
      candidatesOf(chunk).filter((candidate) => (quoteFacts(candidate).values & kinds) !== 0),
    );
    byKinds.set(kinds, lines);
  }
  return lines;
}

/**
 * A line this well matched (value of the asked kind, most of the asking words) is the answer even when retrieval
 * as a whole was not confident: a short value question shares few words with any runbook, so its retrieval score
 * is low, yet the line that states the value is unmistakable. Measured on the eval sets: right lines score 7-9,
 * coincidental ones under 6.
 */
export const CONFIDENT_FACT = 6.5;

/** The top runbook's line that answers a fact question confidently, or null. */
export function confidentFact(question: string, doc: DocRecord, concepts?: Concepts): DirectQuote | null {
  const ask = factAsk(question);
  if (!ask) return null;
  const found = directAnswer(question, [doc], ask, concepts);
  return found && found.score >= CONFIDENT_FACT ? found : null;
}
