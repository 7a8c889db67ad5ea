import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import { type AnswerMetrics, directHit } from '../../src/eval/answer-metrics.js';
import { wrappedValueQuestions } from '../../src/eval/frames.js';
import { pastedReports } from '../../src/eval/paste-frames.js';
import { parseQuestions } from '../../src/eval/questions.js';
import { type EvalReport, runEval } from '../../src/eval/run-eval.js';
import { ingestKb } from '../../src/index/ingest-kb.js';
import { listKbFiles } from '../../src/index/kb-files.js';
import { openSearcher } from '../../src/index/open-searcher.js';
import type { Searcher } from '../../src/retrieve/types.js';

/** The retrieval quality gate, vectors disabled as in this environment: the issue's targets. */
const FLOOR = { hit_at_1: 0.85, hit_at_3: 0.95, mrr: 0.9, abstain_precision: 0.9, abstain_recall: 0.8 };
const root = resolve(import.meta.dirname, '../..');
/**
 * Answer-level gates (src/eval/answer-metrics.ts): honest levels a little under this session's figures, so a
 * regression fails and noise does not. Wrong fills and out-of-scope answers are held at their targets.
 */
const ANSWER_FLOOR = {
  // 0.874 before a close runbook whose troubleshooting row states the symptom could lead the answer: 0.907.
  first_cited_right: 0.9,
  // 0.873 before a check's variants counted less and the floor came from the runner-up when a row states the
  // cause: 0.894.
  command_hit: 0.88,
  direct_hit: 0.88,
  out_of_scope_abstained: 1,
};
const ANSWER_CEILING = {
  // 0.108 measured once commands of a contested runbook were capped and a fact question's answer followed the
  // runbook stating the value (0.132 before); 0.089 once a runbook stating the symptom in a row could lead.
  off_topic_share: 0.095,
  wrong_fills: 0,
  // 0 once confidence is taken from every runbook the answer draws on (close runbooks), not the first one alone.
  false_abstentions: 0,
  commands_per_answer: 8,
};

/**
 * Several gate blocks read the same set's report: each KB is indexed once and each set run once (the runs are
 * deterministic and the tests only read them). The index directories go when the file's tests are done.
 */
const indexes = new Map<string, Promise<{ indexDir: string; searcher: Searcher }>>();
const runs = new Map<string, ReturnType<typeof runSet>>();
afterAll(async () => {
  for (const index of indexes.values()) await rm((await index).indexDir, { recursive: true, force: true });
});

function indexOf(kbDir: string) {
  let index = indexes.get(kbDir);
  if (!index) {
    index = (async () => {
      const indexDir = await mkdtemp(join(tmpdir(), 'netkb-eval-'));
      await ingestKb({ kbDir, indexDir, embedder: null, vectorsDisabledReason: 'eval without vectors' });
      return { indexDir, searcher: await openSearcher(indexDir, { embedder: null }) };
    })();
    indexes.set(kbDir, index);
  }
  return index;
}

async function runSet(kbDir: string, questionsFile: string) {
  const questions = parseQuestions(questionsFile, await readFile(questionsFile, 'utf8'));
  const kbFiles = new Set(await listKbFiles(kbDir));
  const { searcher } = await indexOf(kbDir);
  return { questions, kbFiles, report: await runEval(searcher, questions) };
}

function evaluate(kbDir: string, questionsFile: string) {
  const key = `${kbDir}\0${questionsFile}`;
  let run = runs.get(key);
  if (!run) {
    run = runSet(kbDir, questionsFile);
    runs.set(key, run);
  }
  return run;
}

/** The tuning and audit sets (the held-out ones are never read here); a fresh set shares no source with them. */
const TUNING_SETS = [
  'questions.yaml',
  'seeds-questions.yaml',
  'reports.yaml',
  'facts.yaml',
  'reports2.yaml',
  'reports3.yaml',
  'reports4.yaml',
  'reports5.yaml',
  'reports6.yaml',
  'facts2.yaml',
  'fills.yaml',
  'facts3.yaml',
  'fills2.yaml',
];
/**
 * Tuning sets built later, each for one kind of answer (fills in pasted listings, pasted output, values asked
 * inside reports, scope): checked for freshness with all the others and gated in their own blocks, not in the
 * summed blocks over TUNING_SETS, whose figures were measured before them.
 */
const LATER_TUNING_SETS = [
  'fills3.yaml',
  'logs.yaml',
  'facts4.yaml',
  'scope.yaml',
  'reports8.yaml',
  'fills4.yaml',
  'checks.yaml',
  'doubt.yaml',
  'facts5.yaml',
  'fills5.yaml',
  'reports10.yaml',
  'scope2.yaml',
  'facts6.yaml',
  'scope3.yaml',
  'reports11.yaml',
  'reports12.yaml',
  'scope4.yaml',
  'reports13.yaml',
  'fills6.yaml',
  'reports14.yaml',
  'scope5.yaml',
  'facts7.yaml',
  'reports15.yaml',
  'facts8.yaml',
  'reports16.yaml',
  'reports17.yaml',
  'reports18.yaml',
  'reports19.yaml',
  'reports20.yaml',
  'reports21.yaml',
  'reports22.yaml',
  'reports23.yaml',
  'reports24.yaml',
  'reports25.yaml',
  'reports26.yaml',
  'reports27.yaml',
  'reports28.yaml',
  'reports29.yaml',
  'reports30.yaml',
  'reports31.yaml',
  'reports32.yaml',
  'reports33.yaml',
  'reports34.yaml',
  'reports35.yaml',
  'reports36.yaml',
  'reports37.yaml',
];
/** Gate sets: fresh real questions that check rules tuned on the sets above generalise; nobody tunes on them. */
const GATE_SETS = ['reports7.yaml', 'reports9.yaml'];
const otherSets = (set: string) =>
  [...TUNING_SETS, ...LATER_TUNING_SETS, ...GATE_SETS].filter((other) => other !== set);
/** The KB a tuning set is asked against: the seed pages for their own set, the bundled kb/ for the others. */
const kbOf = (set: string) =>
  set === 'seeds-questions.yaml' ? resolve(root, '../shared/seeds') : join(root, 'kb');

/**
 * 50+ questions (or `minQuestions`), each citing its own public GitHub thread (any http(s) page with `anyHost`), none
 * of them a source of the `others` sets, every labelled runbook in the KB.
 */
async function expectFreshRealSet(
  run: Pick<Awaited<ReturnType<typeof evaluate>>, 'questions' | 'kbFiles'>,
  others: string[],
  { minQuestions = 50, anyHost = false } = {},
): Promise<void> {
  expect(run.questions.length).toBeGreaterThanOrEqual(minQuestions);
  const sources = new Set<string | undefined>();
  for (const set of others) {
    const file = join(root, 'tests/eval', set);
    for (const q of parseQuestions(set, await readFile(file, 'utf8'))) sources.add(q.source);
  }
  const seen = new Set<string | undefined>();
  for (const q of run.questions) {
    expect(q.source ?? '').toMatch(anyHost ? /^https?:\/\/[^/\s]+\/\S+$/ : /^https:\/\/github\.com\//);
    expect(sources.has(q.source)).toBe(false);
    expect(seen.has(q.source)).toBe(false);
    seen.add(q.source);
    for (const doc of q.docs) expect(run.kbFiles).toContain(doc);
  }
}

/**
 * A set's answer gates: floors, the off-topic ceiling, wrong fills (none unless said), false abstentions and the
 * out-of-scope questions abstained (all unless said). A gate left out is not measured by that set.
 */
function expectAnswerGates(
  answers: AnswerMetrics,
  gates: {
    firstCited: number;
    commandHit?: number;
    directHit?: number;
    offTopic: number;
    wrongFills?: number;
    falseAbstentions: number;
    outOfScope?: number;
  },
): void {
  expect(answers.first_cited_right).toBeGreaterThanOrEqual(gates.firstCited);
  if (gates.commandHit !== undefined) expect(answers.command_hit).toBeGreaterThanOrEqual(gates.commandHit);
  if (gates.directHit !== undefined) expect(answers.direct_hit).toBeGreaterThanOrEqual(gates.directHit);
  expect(answers.off_topic_share).toBeLessThanOrEqual(gates.offTopic);
  expect(answers.wrong_fills).toBeLessThanOrEqual(gates.wrongFills ?? 0);
  expect(answers.false_abstentions).toBeLessThanOrEqual(gates.falseAbstentions);
  expect(answers.out_of_scope_abstained).toBeGreaterThanOrEqual(gates.outOfScope ?? 1);
}

const bestSingleHit1 = (report: EvalReport) =>
  Math.max(...(['trigger', 'lexical', 'vector'] as const).map((mode) => report.modes[mode]?.hit_at_1 ?? 0));

describe('eval on the bundled KB (tests/eval/questions.yaml)', () => {
  let run: Awaited<ReturnType<typeof evaluate>>;
  beforeAll(async () => {
    run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/questions.yaml'));
  });

  it('is a valid eval set: 80+ questions, 10+ abstain, every doc path in the KB', () => {
    expect(run.questions.length).toBeGreaterThanOrEqual(80);
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(10);
    for (const q of run.questions) for (const doc of q.docs) expect(run.kbFiles).toContain(doc);
  });

  it('keeps the fused pipeline at or above the targets', () => {
    const fused = run.report.modes.fused;
    for (const [metric, floor] of Object.entries(FLOOR)) {
      expect(fused?.[metric as keyof typeof FLOOR], metric).toBeGreaterThanOrEqual(floor);
    }
    // Latency is not bounded here (this file shares the machine with the whole suite): `netkb eval` prints p50/p95
    // per mode and `npm run bench` measures it.
  });

  it('beats the best single retriever on hit@1 by 5 points', () => {
    expect(run.report.modes.fused?.hit_at_1 ?? 0).toBeGreaterThanOrEqual(bestSingleHit1(run.report) + 0.05);
  });

  it('keeps the answers at or above the answer-level gates (labelled commands, facts, names)', () => {
    const answers = run.report.answers;
    expect(answers.command_questions).toBeGreaterThanOrEqual(100);
    expect(answers.fact_questions).toBeGreaterThanOrEqual(8);
    for (const [metric, floor] of Object.entries(ANSWER_FLOOR)) {
      expect(answers[metric as keyof typeof ANSWER_FLOOR], metric).toBeGreaterThanOrEqual(floor);
    }
    for (const [metric, ceiling] of Object.entries(ANSWER_CEILING)) {
      expect(answers[metric as keyof typeof ANSWER_CEILING], metric).toBeLessThanOrEqual(ceiling);
    }
  });
});

describe('eval on the seed pages nobody tuned for (tests/eval/seeds-questions.yaml)', () => {
  it('beats the best single retriever on hit@1 by 5 points', async () => {
    const run = await evaluate(
      resolve(root, '../shared/seeds'),
      join(root, 'tests/eval/seeds-questions.yaml'),
    );
    expect(run.questions.length).toBeGreaterThanOrEqual(25);
    expect(run.report.modes.fused?.hit_at_1 ?? 0).toBeGreaterThanOrEqual(
      bestSingleHit1(run.report) + 0.05 - 1e-9,
    );
    const answers = run.report.answers;
    expect(answers.first_cited_right).toBeGreaterThanOrEqual(0.9);
    expect(answers.direct_hit).toBeGreaterThanOrEqual(0.66);
    // 0.075 measured (0.122 before other runbooks' commands had to match the question well on their own and a
    // fact question's answer followed the runbook stating the value); 0.081 with glossary concepts in command choice.
    expect(answers.off_topic_share).toBeLessThanOrEqual(0.085);
    expect(answers.wrong_fills).toBe(0);
    expect(answers.out_of_scope_abstained).toBe(1);
  });
});

describe('eval on real tracker reports (tests/eval/reports.yaml)', () => {
  it('answers long, English-heavy reports at the levels measured when they were added', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports.yaml'));
    // A tuning set of real reports: 40+ questions, each citing the public thread it comes from.
    expect(run.questions.length).toBeGreaterThanOrEqual(40);
    for (const q of run.questions) expect(q.source ?? '').toMatch(/^https:\/\/github\.com\//);
    for (const q of run.questions) for (const doc of q.docs) expect(run.kbFiles).toContain(doc);
    const answers = run.report.answers;
    // Measured with the long-report routing and the command choice together: first-cited 0.939 (0.837 before),
    // command hit 0.913, off-topic 0.036 (0.106 before), one false abstention (3 before); a 15-word body makes a
    // headline (was 20): first-cited 0.959, off-topic 0.021. Glossary concepts in command choice: off-topic 0.041
    // (three more commands of related runbooks: tunl0 for a Calico IP-in-IP MTU report), traded for command hit
    // +0.014 on questions.yaml, +0.08 on reports3.yaml, +0.023 on reports4.yaml. A check's variants counting less
    // and the floor from the runner-up when a row states the cause: command hit 0.957, off-topic 0.023.
    // Relabelled 2026-12-04 (Kube-OVN custom-VPC NAT gateway / EIP reports out of scope, code unchanged): first-cited 0.959 -> 0.958, command hit 0.935 -> 0.956, out-of-scope abstained 1 (3) -> 0.75 (4). Declining
    // Kube-OVN VPC NAT gateway / EIP / custom-VPC border reports where no runbook explains them: 1 (4).
    expectAnswerGates(answers, {
      firstCited: 0.95,
      commandHit: 0.93,
      directHit: 1,
      offTopic: 0.045,
      falseAbstentions: 1,
    });
  });
});

describe('eval on real questions that ask for a value (tests/eval/facts.yaml)', () => {
  it('states the asked value first, at the levels measured when the set was added', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/facts.yaml'));
    // A tuning set of real questions: 25+ ask for a value or setting, each citing the public thread it comes from.
    expect(run.questions.filter((q) => q.text !== undefined).length).toBeGreaterThanOrEqual(25);
    for (const q of run.questions) expect(q.source ?? '').toMatch(/^https:\/\//);
    for (const q of run.questions) for (const doc of q.docs) expect(run.kbFiles).toContain(doc);
    const answers = run.report.answers;
    // Measured with the long-report routing merged: first-cited 0.914 (0.8 before the fact-question work), direct
    // hit 0.808 (0.308 before), command hit 1, off-topic 0.083 (the routing answers three questions the fact work
    // left without commands, from a wrong first doc), wrong fills 0. A top runbook stating no value of the asked
    // kind leaves room to runbooks down to 0.6 of its score: first-cited 0.943, direct hit 0.846, off-topic 0.06.
    expect(answers.first_cited_right).toBeGreaterThanOrEqual(0.94);
    // A setting asked by its form (environment variable, flag) and a default asked only in a question: 0.885.
    expect(answers.direct_hit).toBeGreaterThanOrEqual(0.88);
    expect(answers.command_hit).toBeGreaterThanOrEqual(1);
    expect(answers.off_topic_share).toBeLessThanOrEqual(0.065);
    expect(answers.wrong_fills).toBe(0);
  });
});

describe('eval on a second set of real tracker reports (tests/eval/reports2.yaml)', () => {
  it('routes long reports to the failing path at the levels measured when the set was added', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports2.yaml'));
    // 40+ questions, each citing its public thread, none of them a thread of reports.yaml.
    expect(run.questions.length).toBeGreaterThanOrEqual(40);
    const first = parseQuestions(
      'reports.yaml',
      await readFile(join(root, 'tests/eval/reports.yaml'), 'utf8'),
    ).map((q) => q.source);
    for (const q of run.questions) {
      expect(q.source ?? '').toMatch(/^https:\/\/github\.com\//);
      expect(first).not.toContain(q.source);
      for (const doc of q.docs) expect(run.kbFiles).toContain(doc);
    }
    const answers = run.report.answers;
    // Measured with the headline, body-only CNI and word-variant routing: first cited 0.878, command hit 0.857;
    // with the DNS-failure glossary groups: first cited 0.898, off-topic 0.112; with a runbook stating the symptom
    // in a row leading a close call: command hit 0.878, off-topic 0.1; with confidence from the close runbooks and
    // doc coverage weighed 0.6: first cited 0.918, command hit 0.898, no false abstention.
    expect(answers.first_cited_right).toBeGreaterThanOrEqual(0.91);
    expect(answers.command_hit).toBeGreaterThanOrEqual(0.89);
    expect(answers.off_topic_share).toBeLessThanOrEqual(0.105);
    expect(answers.wrong_fills).toBe(0);
    expect(answers.false_abstentions).toBe(0);
    expect(answers.out_of_scope_abstained).toBe(1);
  });
});

describe('eval on a third set of real tracker reports (tests/eval/reports3.yaml)', () => {
  it('answers reports and value questions at the levels measured once it was tuned on', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports3.yaml'));
    // 50+ questions, each citing its public thread, none of them a thread of the other tuning sets.
    await expectFreshRealSet(run, otherSets('reports3.yaml'));
    const answers = run.report.answers;
    // Labelled and committed before netkb answered it: first-cited 0.865, command hit 0.838, direct hit 0.333,
    // off-topic 0.137, 2 wrong fills, out-of-scope 0.8. Tuned (settings asked by name, "by default" as setup,
    // fills, ruled-out clauses, exit codes out of scope): 0.885, 0.838, 0.8, 0.126, 0, 1. "Only on the same node"
    // as the working scope and glossary concepts in command choice: 0.923, 0.973, 0.8, 0.088. Confidence from the
    // close runbooks, doc coverage weighed 0.6, a key: /path span states a path: 0.942, 0.973, 0.933, 0.07. How to
    // check a named value asks for it: direct hit 1.
    expectAnswerGates(answers, {
      firstCited: 0.94,
      commandHit: 0.97,
      directHit: 0.99,
      offTopic: 0.075,
      falseAbstentions: 0,
    });
  });
});

describe('eval on a fourth set of real tracker reports (tests/eval/reports4.yaml)', () => {
  it('answers reports and value questions at least at the levels measured when it was added', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports4.yaml'));
    // 50+ questions, each citing its public thread, none of them a thread of the other tuning sets.
    await expectFreshRealSet(run, otherSets('reports4.yaml'));
    // The mix the set was built for: value questions, out-of-scope questions and Chinese reports.
    expect(run.questions.filter((q) => q.text !== undefined).length).toBeGreaterThanOrEqual(8);
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(6);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(10);
    const answers = run.report.answers;
    // Labelled and committed before netkb answered it; measured once right after: first-cited 0.784, command hit
    // 0.698, direct hit 0.625, off-topic 0.142, 3 wrong fills, 2 false abstentions, every out-of-scope question
    // abstained. Tuned (a CNI the question names scopes it, fills, glossary concepts in command and line choice):
    // 0.824, 0.767, 0.625, 0.105, 0 wrong fills, 1 false abstention; a mode or method asked is a setting, "how many" a
    // number: direct hit 0.875. Glossary: "outside world" / 外部网络 mean 外网, and Canal is Flannel's datapath:
    // first-cited 0.843, off-topic 0.068; two answers that cited another CNI's runbook (Kube-OVN underlay for a
    // Canal cluster, the Kube-OVN join network for firewalld blocking egress) now abstain: 3 false abstentions.
    // A close runbook whose troubleshooting row states the symptom leads: first-cited 0.863, off-topic 0.059.
    // Confidence from the close runbooks, doc coverage weighed 0.6, the setting-question rules: first-cited 0.882,
    // direct hit 1, off-topic 0.053. MetalLB as a BGP speaker lifts the MetalLB runbook for a report about MetalLB's
    // speaker failing to bind port 8080 (labelled with the hostNetwork runbook): that answer no longer draws the
    // hostNetwork runbook's `ss -lntup` check, command hit 0.744 (reports6 gained one, the sum over the sets is equal).
    expectAnswerGates(answers, {
      firstCited: 0.88,
      commandHit: 0.74,
      directHit: 1,
      offTopic: 0.06,
      falseAbstentions: 3,
    });
  });
});

describe('eval on a fifth set of real tracker reports (tests/eval/reports5.yaml)', () => {
  it('answers reports and value questions at least at the levels measured when it was added', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports5.yaml'));
    // 50+ questions, each citing its public thread, none of them a thread of the other tuning sets.
    await expectFreshRealSet(run, otherSets('reports5.yaml'));
    // The mix the set was built for: value questions, out-of-scope questions and Chinese reports.
    expect(run.questions.filter((q) => q.text !== undefined).length).toBeGreaterThanOrEqual(8);
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(6);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(10);
    // Labelled and committed before netkb answered it; measured once right after: fused hit@1 0.824, first-cited
    // 0.824, command hit 0.837, direct hit 0.625 (5 of 8), off-topic 0.127, 3 wrong fills, 1 false abstention, 5 of 7
    // out-of-scope questions abstained. Tuned on its misses (releases and `arp -n` never fill; a default asks only
    // in a question; a setting asked by name or form; a comment with its command states a setting): first-cited
    // 0.843, direct hit 1 (8 of 8), off-topic 0.116, 0 wrong fills, 6 of 7 out-of-scope questions abstained. Gates
    // sit a little under those figures, so a regression fails; the answered out-of-scope question is an open miss.
    // Confidence from the close runbooks and doc coverage weighed 0.6 (tuned on the other sets; this one was the
    // check): first-cited 0.863, command hit 0.86, off-topic 0.114, no false abstention.
    expect(run.report.modes.fused?.hit_at_1 ?? 0).toBeGreaterThanOrEqual(0.8);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.86,
      commandHit: 0.85,
      directHit: 1,
      offTopic: 0.12,
      falseAbstentions: 0,
      outOfScope: 0.85,
    });
  });
});

describe('eval on a sixth set of real tracker reports (tests/eval/reports6.yaml)', () => {
  it('answers reports and value questions at least at the levels measured when it was added', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports6.yaml'));
    // 50+ questions, each citing its public thread, none of them a thread of the other tuning sets.
    await expectFreshRealSet(run, otherSets('reports6.yaml'));
    // The mix the set was built for: value questions, out-of-scope questions and Chinese Kube-OVN reports.
    expect(run.questions.filter((q) => q.text !== undefined).length).toBeGreaterThanOrEqual(6);
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(5);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(8);
    // Labelled and committed before netkb answered it; measured once right after: fused hit@1 0.765, first-cited
    // 0.706, command hit 0.6, direct hit 0.5 (3 of 6), off-topic 0.26, 1 wrong fill, 2 false abstentions, 3 of 5
    // out-of-scope questions abstained. Tuned on its misses (a bare "control-plane" is a role, not a node name;
    // certificate questions naming only kubelet/apiserver are outside networking; a detailed report of the named
    // CNI whose runbook leads is answered just under the threshold): first-cited 0.725, command hit 0.622, off-topic
    // 0.255, 0 wrong fills, 1 false abstention, 4 of 5 out-of-scope questions abstained. Gates sit a little under
    // those figures; the open misses are Kube-OVN reports led by the join-network runbook, MetalLB BGP read as
    // Calico BGP, a value question answered from a neighbouring row, and a k3s etcd restore answered.
    // A check's variants counting less (a Kube-OVN report got three `kubectl ko trace … tcp`): command hit 0.644.
    // The line chosen by the setting asked by name, the option's owner weighed less: direct hit 0.833 (5 of 6).
    expect(run.report.modes.fused?.hit_at_1 ?? 0).toBeGreaterThanOrEqual(0.74);
    // Relabelled 2026-12-04 (Kube-OVN custom-VPC NAT gateway / EIP reports out of scope, code unchanged): first-cited 0.863 -> 0.896,
    // command hit 0.778 -> 0.81, wrong fills 0 -> 2 (names of answered reports no longer labelled), out-of-scope
    // abstained 1 (5) -> 0.625 (8). Declining Kube-OVN VPC NAT gateway / EIP / custom-VPC border reports where no
    // runbook explains them: 0 wrong fills, 8 of 8 out-of-scope declined.
    expectAnswerGates(run.report.answers, {
      firstCited: 0.7,
      commandHit: 0.62,
      directHit: 0.8,
      offTopic: 0.27,
      falseAbstentions: 1,
      outOfScope: 0.87,
    });
  });
});

describe('eval on real value questions worded unlike the tuning set (tests/eval/facts2.yaml)', () => {
  it('answers them with the value at least at the level measured after tuning on it', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/facts2.yaml'));
    // 35+ value questions from public trackers and Q&A pages (not only GitHub), none of them a source of the other
    // tuning sets, every labelled runbook in the KB, about a quarter in Chinese.
    await expectFreshRealSet(run, otherSets('facts2.yaml'), { minQuestions: 35, anyHost: true });
    expect(run.questions.every((q) => q.text !== undefined)).toBe(true);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(9);
    // Labelled and committed before netkb answered it; measured once right after: fused hit@1 0.861, first-cited
    // 0.833, direct hit 0.417 (15 of 36), 1 wrong fill, 1 false abstention. Tuned on its misses (asking forms, the
    // kinds and shapes of values, a Chinese asking clause apart from its premise; facts.yaml and the report sets
    // unchanged): first-cited 0.917, direct hit 0.778 (28 of 36). Gates sit a little under those figures; the
    // wrong fill (a namespace the question names filled into a command) and the abstention are open misses. A
    // table row whose key the question names, a change naming no value left out beside a value asked: direct hit
    // 0.806 (29 of 36).
    expect(run.report.modes.fused?.hit_at_1 ?? 0).toBeGreaterThanOrEqual(0.83);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.88,
      directHit: 0.8,
      offTopic: 0.11,
      wrongFills: 1,
      falseAbstentions: 1,
    });
  });
});

describe('placeholder fills on name-rich real reports (tests/eval/fills.yaml)', () => {
  it('fills only names, addresses and ports the reports present, without filling nothing', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/fills.yaml'));
    // 50+ reports, each citing its public thread, none of them a thread of another (non-held-out) set.
    await expectFreshRealSet(run, otherSets('fills.yaml'));
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(10);
    expect(run.questions.filter((q) => (q.names ?? []).length > 0).length).toBeGreaterThanOrEqual(40);
    // Labelled and committed before netkb answered it; measured once right after: 0 wrong fills of 43. Two of those
    // were right by the metric only (a log's `subnet.go:318]` as `<port>`, a lease `kube-system/k8s-ovs-worker` as
    // `<pod>`); the rules that dropped them (log lines, MAC pairs, times, kind prefixes, kube-proxy service refs,
    // leases, hyphenated phrases, multus nics) left 41 fills, all right (40 with the command rules merged since: 43 at
    // that main before them, the three dropped being the two above and a MAC pair as `<port>`). Wrong fills stay at 0
    // and the fills near 40, so precision is not bought by filling nothing (37 since one of two ports written, ovn's
    // `DatabaseNorthboundPortDefault:6641` beside `...:6642`, no longer fills `<port>`: fills4.yaml).
    // Relabelled 2026-12-04 (Kube-OVN custom-VPC NAT gateway / EIP reports out of scope, code unchanged): 5 fills of
    // those reports, answered while labelled out of scope, are no longer among labelled names: wrong fills 0 -> 5.
    // Declining Kube-OVN VPC NAT gateway / EIP reports where no runbook explains them: 0 again (of 37). A command
    // after a `[root@host dir]#` prompt read as pasted output: one answer carries one off-topic command less, and its
    // fill (36). 35 since a pod run without a namespace flag (`kubectl exec -ti busybox -- nslookup`) no longer takes
    // kube-system, the namespace of the kube-dns Service beside it, as its own (fills6.yaml): a fill wrong by role
    // dropped. 31 since fills read as the objects the report names (fill-objects.test.ts): a `kubectl describe` dump
    // of a finished Job pod (`Status: Succeeded`) no longer fills `<pod>`, `<namespace>` and `<pod-ip>` with that pod's
    // (3, labelled names but no object of a helloworld-go connection refused), nor cilium status' `[enp0s4 10.4.1.6`
    // `<target-ip>` with an interface's own address (1); `<pod>` of a kube-flannel-ds report is its failing
    // kube-flannel-ds pod, no longer the first failing coredns row (same count).
    const answers = run.report.answers;
    expect(answers.wrong_fills).toBe(0);
    expect(answers.fills).toBeGreaterThanOrEqual(31);
  });
});

describe('confidence that matches the question on the report sets (reports4, reports6, fills)', () => {
  // Before: out-of-scope abstained 1, 0.8 (a k3s cluster restore answered) and 0 (multus and k8s-ovs reports
  // answered from the Kube-OVN runbooks sharing their words); false abstentions 3, 1 and 4. After declining a
  // network plugin no runbook names, a headline about another trade, and reading past routine kubelet events, and
  // answering a detailed broken-path report just under the threshold: every out-of-scope question abstained;
  // false abstentions 1, 0 and 3 (the open ones are Kube-OVN IP reports far under the threshold or led by a
  // runbook of a CNI they do not name, and the firewalld report led by a Kube-OVN runbook).
  // Relabelled 2026-12-04 (Kube-OVN custom-VPC NAT gateway / EIP reports out of scope, code unchanged): out-of-scope
  // abstained reports6 1 (5) -> 0.625 (8), fills 1 (4) -> 0.556 (9). Declining Kube-OVN VPC NAT gateway / EIP /
  // custom-VPC border reports where no runbook explains them: 1 (8) and 1 (9), false abstentions 0 and 2.
  it.each([
    ['reports4.yaml', 1, 1],
    ['reports6.yaml', 0, 1],
    ['fills.yaml', 2, 1],
  ] as const)(
    '%s: at most %i false abstentions, out-of-scope questions declined at least %s',
    async (set, falseAbstentions, outOfScope) => {
      const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval', set));
      expect(run.report.answers.out_of_scope).toBeGreaterThanOrEqual(4);
      expect(run.report.answers.out_of_scope_abstained).toBeGreaterThanOrEqual(outOfScope);
      expect(run.report.answers.false_abstentions).toBeLessThanOrEqual(falseAbstentions);
    },
  );
});

describe('eval on real value questions from Q&A and blog pages (tests/eval/facts3.yaml)', () => {
  it('answers them with the value at least at the level measured after tuning on it', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/facts3.yaml'));
    // 30+ value questions from public Q&A, blog and FAQ pages, none of them a source of the other tuning sets, every
    // labelled runbook in the KB, most of them in Chinese.
    await expectFreshRealSet(run, otherSets('facts3.yaml'), { minQuestions: 30, anyHost: true });
    expect(run.questions.every((q) => q.text !== undefined)).toBe(true);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(10);
    // Labelled and committed before netkb answered it; measured once right after: fused hit@1 0.933, first-cited
    // 0.933, direct hit 0.8 (24 of 30), 1 wrong fill (a namespace the question names, not labelled as a name).
    // Tuned on its misses (Chinese measure-word and "to where" interrogatives, an amount of a named thing as a
    // number, a setting asked by its name, a port bound to the endpoint asked; the other sets unchanged): direct hit
    // 0.967 (29 of 30). The open miss: where CoreDNS forwards names outside the cluster.
    expect(run.report.modes.fused?.hit_at_1 ?? 0).toBeGreaterThanOrEqual(0.9);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.9,
      directHit: 0.95,
      offTopic: 0.1,
      wrongFills: 1,
      falseAbstentions: 0,
    });
  });
});

describe('placeholder fills on a second name-rich audit set from other sources (tests/eval/fills2.yaml)', () => {
  it('fills only names, addresses and ports the reports present', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/fills2.yaml'));
    // 50+ reports, each citing its public thread or page, none of them a source of another (non-held-out) set.
    await expectFreshRealSet(run, otherSets('fills2.yaml'), { anyHost: true });
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(12);
    expect(run.questions.filter((q) => (q.names ?? []).length > 0).length).toBeGreaterThanOrEqual(40);
    // Labelled and committed before netkb answered it; measured once right after: 0 wrong fills of 20 by the metric,
    // but three `<target-ip>` fills wrong by role (one address of a `kubectl get nodes` listing, of BGP datastore peers,
    // of iptables pod comments) and fills that should have happened: `Node: kc0/192.168.11.110`, `kubelet, <node>`,
    // `Linux wd-test-m1 4.13.9-coreos`, `kubectl exec -it box`, a Service IP written twice, and calico-node-xxxxx pods
    // dropped as Calico interfaces. After the rules for them (and UIDs, field keys, route devices): 0 wrong of 23.
    // 20 once two reports cite their labelled runbook first (network policy, NodePort): the pod name and node name
    // filled before were in commands of the wrong runbooks (pod-to-pod, Flannel), counted off-topic. 18 since a port
    // fills only when it is the one port written or the target's (fills4.yaml): `8080` as a NodePort health check and
    // `80` of a report writing 80 and 8080 no longer fill. 16 since a report about a static pod IP is declined (its
    // answer filled two placeholders). 15 since a name followed by a container's fields (`容器 log-agent
    // containerPort: 80`) is that container's, no `<pod>` (`kubectl logs log-agent` finds nothing): fill-objects.test.ts.
    // 13 since no placeholder takes the `/healthz` check's port from an app's NodePort, a CoreDNS pod as the client of
    // an in-pod lookup, or an add-on's namespace beside an exec whose pod stays open (src/answer/in-pod-check.ts,
    // fill-roles.ts): fills wrong by role. 12 since the first-cited runbook's checks are matched without the subshell
    // finding their agent pod: the Flannel route report's `<iface>=eth0` was in a check that gave its place to one
    // more Flannel check; no fill wrong.
    const answers = run.report.answers;
    expect(answers.wrong_fills).toBe(0);
    expect(answers.fills).toBeGreaterThanOrEqual(12);
  });
});

describe('routing reports that name MetalLB BGP and the rest of this round (reports6.yaml, fills.yaml)', () => {
  // MetalLB's speaker and Calico's BIRD are exclusive BGP speakers, a plugin no runbook names is declined, and
  // detailed reports just under the threshold are answered: first-cited reports6 0.725 → 0.765 and fills 0.661 →
  // 0.695 (no tuning set lower). Floors sit a little under those figures.
  it('keeps reports6.yaml at the first-cited level measured after those rules', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports6.yaml'));
    expect(run.report.answers.first_cited_right).toBeGreaterThanOrEqual(0.75);
    expect(run.report.answers.off_topic_share).toBeLessThanOrEqual(0.2);
  });

  it('keeps fills.yaml at the first-cited level measured after those rules', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/fills.yaml'));
    expect(run.report.answers.first_cited_right).toBeGreaterThanOrEqual(0.68);
    expect(run.report.answers.false_abstentions).toBeLessThanOrEqual(3);
  });
});

describe('the checks an answer carries on the report sets (reports4, reports6, fills)', () => {
  // Before (main at 5bf9013, vectors off): command hit 0.814 and 0.667, off-topic 0.021, 0.218 and 0.262. After
  // weighing a long report's body words 0.7 when picking checks, carrying another runbook's check only when it
  // scores at least 0.6 of the best one, and a fix only for a row that shares at least 5 of the question's weighted
  // terms: command hit 0.837 and 0.689, off-topic 0.015, 0.208 and 0.256 (first-cited unchanged on every set). fills
  // labels no command: its gate is the off-topic share.
  it.each([
    // reports4 measured 0.837 on its own and 0.814 merged with the BGP-speaker rule, which lifts the MetalLB
    // runbook for a kubespray port-8080 report labelled with the host-network runbook's `ss -lntup`.
    ['reports4.yaml', 0.81, 0.025],
    ['reports6.yaml', 0.68, 0.215],
    ['fills.yaml', 0, 0.26],
  ] as const)(
    '%s: command hit at least %s, off-topic commands at most %s',
    async (set, commandHit, offTopic) => {
      const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval', set));
      expect(run.report.answers.command_hit).toBeGreaterThanOrEqual(commandHit);
      expect(run.report.answers.off_topic_share).toBeLessThanOrEqual(offTopic);
    },
  );
});

describe('a gate set of fresh real reports nobody tunes on (tests/eval/reports7.yaml)', () => {
  // Only its sources and mix are checked here: it carries no answer gate, so rules are never fitted to its misses.
  it('holds fresh real reports, value questions, out-of-scope questions and Chinese reports', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports7.yaml'));
    // 50+ questions, each citing its public thread or page, none of them a source of another (non-held-out) set.
    await expectFreshRealSet(run, otherSets('reports7.yaml'), { anyHost: true });
    expect(run.questions.filter((q) => q.text !== undefined).length).toBeGreaterThanOrEqual(7);
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(5);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(12);
  });
});

describe('direct answers to value questions on every set that labels them (this round: how a value is asked)', () => {
  // A yes/no question about a value asks for it ("Are there other host ports that need to be open?", 是不是, 要不要),
  // traditional Chinese is read as simplified (預設 as 默认, 哪個, 埠), and a name with "default" in it (default-deny,
  // default-ipv4-ippool) states no default. Measured against main in the same run (vectors off): every tuning set's
  // direct hit, first-cited and the other answer figures unchanged (facts 23 of 26, facts2 29 of 36, facts3 29 of
  // 30, reports6 5 of 6, the others all), and the gate set's aggregate unchanged. Floors at those figures.
  it.each([
    ['kb', 'questions.yaml', 1],
    ['kb', 'reports.yaml', 1],
    ['kb', 'facts.yaml', 0.88],
    ['kb', 'facts2.yaml', 0.8],
    ['kb', 'facts3.yaml', 0.96],
    ['kb', 'reports3.yaml', 1],
    ['kb', 'reports4.yaml', 1],
    ['kb', 'reports5.yaml', 1],
    ['kb', 'reports6.yaml', 0.83],
    ['../shared/seeds', 'seeds-questions.yaml', 1],
  ] as const)('%s/%s: direct hit at least %s', async (kb, set, directHit) => {
    const run = await evaluate(resolve(root, kb), join(root, 'tests/eval', set));
    expect(run.report.answers.direct_hit).toBeGreaterThanOrEqual(directHit);
  });
});

describe('routing by what a report says, not how it says it (questions, reports4, reports5, reports6)', () => {
  // Before (main at 837ccf8, vectors off): first-cited 0.94, 0.941, 0.863 and 0.765, one false abstention on
  // reports4. After reading an article between two glossary terms as a trigger's bare words ("cannot access the
  // outside world"), Calico's and Cilium's policy kinds as network policies, the join-network runbook's API-server
  // trigger without the generic verb "reach", and the ovn0 runbook's node-to-pod trigger without the plugin's name
  // in front: 0.947, 0.961, 0.882 and 0.784, no false abstention on reports4; no tuning set lower, summed command
  // hits +1, off-topic commands 12 fewer; reports7.yaml (the gate set) unchanged.
  it.each([
    ['questions.yaml', 0.945],
    ['reports4.yaml', 0.96],
    ['reports5.yaml', 0.88],
    ['reports6.yaml', 0.78],
  ] as const)('%s: first-cited right at least %s', async (set, firstCited) => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval', set));
    expect(run.report.answers.first_cited_right).toBeGreaterThanOrEqual(firstCited);
  });

  it('answers the reports4.yaml firewalld report (pods cannot access the outside world) instead of abstaining', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports4.yaml'));
    expect(run.report.answers.false_abstentions).toBe(0);
  });
});

describe('commands of answers whose runbook is in doubt, summed over the tuning sets', () => {
  // Off-topic commands come almost all (369 of 398) from answers whose first citation is wrong, and those are
  // most often the answers with a close runner-up and a top runbook explaining little of the question. With no fix
  // in such answers (vectors off): command hits 367 of 414 (unchanged), off-topic commands 398 of 4317 → 370 of 4279
  // (no set more, first-cited unchanged on every set). Gates at those figures, so neither may get worse.
  it('carries no more off-topic commands and no fewer command hits than measured', async () => {
    let hits = 0;
    let offTopic = 0;
    for (const set of TUNING_SETS) {
      const { answers } = (await evaluate(kbOf(set), join(root, 'tests/eval', set))).report;
      hits += Math.round(answers.command_hit * answers.command_questions);
      offTopic += answers.off_topic_commands;
    }
    expect(hits).toBeGreaterThanOrEqual(367);
    expect(offTopic).toBeLessThanOrEqual(370);
  });
});

describe('the symptom-row lead keeps a top runbook a trigger phrase matched (reports6, fills2)', () => {
  // Over the tuning sets (main at 1b35dd4, vectors off) the symptom-row step changed the answer's first citation on
  // 14 questions: 6 from a wrong to a labelled runbook, 3 from a labelled to a wrong one, 5 wrong or right both ways.
  // The 3 it spoiled all had a top runbook matched by one of its trigger phrases; the 6 it fixed none. With the top
  // runbook kept unless the other matched more triggers: reports6 first-cited 0.784 -> 0.804, fills2 0.705 -> 0.75,
  // off-topic commands 8 fewer, no wrong fill; every other tuning set unchanged; reports7.yaml (the gate set) unchanged.
  it.each([
    ['reports6.yaml', 0.8],
    ['fills2.yaml', 0.75],
  ] as const)('%s: first-cited right at least %s', async (set, firstCited) => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval', set));
    expect(run.report.answers.first_cited_right).toBeGreaterThanOrEqual(firstCited);
  });
});

describe('value questions asked inside a report: pasted output, a version line, what was tried (src/eval/frames.ts)', () => {
  // Each value question of the tuning sets (every `text`-labelled one) wrapped in neutral frames, English or
  // Chinese by the question's language: 383 answers. Measured in the same run (vectors off): 278 of 383 (0.726)
  // before (277 on main at 77415bc), 303 (0.791) once a clause asking for a value by an interrogative or a
  // default, searched alone, picks the runbook among the report's top few (src/answer/clause-doc.ts), with every
  // set's unwrapped direct hit unchanged or higher. Floor a little under.
  it('answers the wrapped value questions with the line that states the value', async () => {
    let hits = 0;
    let asked = 0;
    for (const set of TUNING_SETS) {
      const file = join(root, 'tests/eval', set);
      const questions = parseQuestions(file, await readFile(file, 'utf8'));
      const { searcher } = await indexOf(kbOf(set));
      for (const { question } of wrappedValueQuestions(questions)) {
        const { body } = await answerChat(
          { searcher, conversations: new ConversationStore() },
          { message: question.question },
        );
        asked++;
        if (directHit(question, body)) hits++;
      }
    }
    expect(asked).toBeGreaterThanOrEqual(380);
    expect(hits / asked).toBeGreaterThanOrEqual(0.785);
    // 383 answers in one test: a loaded machine takes minutes, which says nothing about the answers.
  }, 300_000);
});

describe('the sixth to forty-third held-out check sets nobody tunes on or looks into (tests/eval/heldout6.yaml to heldout43.yaml)', () => {
  // Read from the file alone, never answered here: only the lead runs them (aggregate "answers:" line only), so no
  // rule is fitted to them. Their sources, labels and mix are checked. Each took GitHub issues only whose number ends
  // in its own digits (the other held-out and gate sets used the other endings); heldout10 took 0-4 while a set built
  // beside it took 5-9, and its sources were checked against every other set, held-out ones included; heldout11 took
  // 0-2 while other sets built beside it took the other endings; heldout12 took 0-4 while a set built beside it took
  // 5-9, and so did heldout13; heldout14 took 5-9; heldout15 took 0-3 while sets built beside it took the other endings;
  // heldout16 took 5-9 while a set built beside it took the other endings and hosts; heldout17 took 0-4 while a set
  // built beside it took the other endings and hosts; heldout18 took 5-9 while a set built beside it took the other
  // endings and hosts; heldout19 took 5-9 while a set built beside it took the other endings and hosts; heldout20 took
  // 0-4 while a set built beside it took the other endings and hosts; heldout21 took 5-9 while a set built beside it
  // took the other endings and hosts; heldout22 took 0-4 while a set built beside it took the other endings and hosts;
  // heldout23 took 5-9 while a set built beside it took the other endings and hosts; heldout24 took 0-4 while a set
  // built beside it took the other endings and hosts; heldout25 took 5-9 while a set built beside it took the other
  // endings and hosts; forum and Q&A posts were allowed for it, but all its fresh sources were GitHub issues; heldout26
  // took 0-4 while a set built beside it took the other endings and hosts; heldout27 took 5-9 while a set built beside it
  // took the other endings and hosts; heldout28 took 0-4 while a set built beside it took the other endings and hosts;
  // heldout29 took 5-9 while a set built beside it took the other endings and hosts; heldout30 took 0-4 while a set
  // built beside it took the other endings and hosts; heldout31 took 5-9 while a set built beside it took the other
  // endings and hosts; heldout32 took 0-4 while a set built beside it took the other endings; heldout33 took 5-9 while
  // a set built beside it took the other endings, and came one short on value questions and on Chinese reports (the
  // Chinese trackers' fresh threads are nearly used up), so it carries 17 out-of-scope reports instead; heldout34 took
  // 0-4 while a set built beside it took the other endings, and lost one of its six value questions when the check
  // found that report repeating another set's question under a new address; heldout35 took 5-9 while a set built beside
  // it took the other endings, and so did heldout36; heldout37 and heldout38 were built side by side from 0-4 (each
  // checked against the other's picks) while the tuners read only 5-9; heldout38 came short (41 reports, 25 broken
  // paths, 10 in Chinese): the fresh 0-4 threads it found were mostly taken or stored without the reporter's words;
  // heldout39 and heldout40 were built side by side from 5-9 while the tuners read only 0-4; heldout39 came short (43
  // reports, 21 broken paths, 3 value questions): the networking trackers' 5-9 threads were nearly all taken, so it
  // carries 19 out-of-scope reports instead; heldout41 took 0-4 while the tuners read only 5-9; heldout42 took 5-9 while
  // the tuners read no threads at all, and came short on Chinese reports (4) and value questions (5): nearly every
  // fresh Chinese networking thread is already in a set; heldout43 took 0-4 while the tuners read no threads, and most
  // of its reports come from application, chart and gateway trackers (the networking trackers' threads are nearly all
  // taken).
  const shortMix: Record<string, { questions?: number; broken?: number; values: number; chinese: number }> = {
    'heldout33.yaml': { values: 5, chinese: 12 },
    'heldout34.yaml': { values: 5, chinese: 13 },
    'heldout38.yaml': { questions: 41, broken: 25, values: 5, chinese: 10 },
    'heldout39.yaml': { questions: 43, broken: 21, values: 3, chinese: 13 },
    'heldout42.yaml': { values: 5, chinese: 4 },
  };
  it.each([
    ['heldout6.yaml', /[579]$/],
    ['heldout7.yaml', /[02]$/],
    ['heldout8.yaml', /[13]$/],
    ['heldout9.yaml', /[45]$/],
    ['heldout10.yaml', /[01234]$/],
    ['heldout11.yaml', /[012]$/],
    ['heldout12.yaml', /[01234]$/],
    ['heldout13.yaml', /[01234]$/],
    ['heldout14.yaml', /[56789]$/],
    ['heldout15.yaml', /[0123]$/],
    ['heldout16.yaml', /[56789]$/],
    ['heldout17.yaml', /[01234]$/],
    ['heldout18.yaml', /[56789]$/],
    ['heldout19.yaml', /[56789]$/],
    ['heldout20.yaml', /[01234]$/],
    ['heldout21.yaml', /[56789]$/],
    ['heldout22.yaml', /[01234]$/],
    ['heldout23.yaml', /[56789]$/],
    ['heldout24.yaml', /[01234]$/],
    ['heldout25.yaml', /[56789]$/],
    ['heldout26.yaml', /[01234]$/],
    ['heldout27.yaml', /[56789]$/],
    ['heldout28.yaml', /[01234]$/],
    ['heldout29.yaml', /[56789]$/],
    ['heldout30.yaml', /[01234]$/],
    ['heldout31.yaml', /[56789]$/],
    ['heldout32.yaml', /[01234]$/],
    ['heldout33.yaml', /[56789]$/],
    ['heldout34.yaml', /[01234]$/],
    ['heldout35.yaml', /[56789]$/],
    ['heldout36.yaml', /[56789]$/],
    ['heldout37.yaml', /[01234]$/],
    ['heldout38.yaml', /[01234]$/],
    ['heldout39.yaml', /[56789]$/],
    ['heldout40.yaml', /[56789]$/],
    ['heldout41.yaml', /[01234]$/],
    ['heldout42.yaml', /[56789]$/],
    ['heldout43.yaml', /[01234]$/],
  ] as const)(
    '%s: holds fresh real reports, value questions, out-of-scope questions and Chinese reports',
    async (set, endings) => {
      const file = join(root, 'tests/eval', set);
      const questions = parseQuestions(file, await readFile(file, 'utf8'));
      const kbFiles = new Set(await listKbFiles(join(root, 'kb')));
      const floors = shortMix[set] ?? { values: 6, chinese: 13 };
      // 45+ questions, each citing its public thread or page, none of them a source of a tuning or gate set.
      await expectFreshRealSet({ questions, kbFiles }, otherSets(set), {
        minQuestions: floors.questions ?? 45,
        anyHost: true,
      });
      expect(questions.filter((q) => q.text !== undefined).length).toBeGreaterThanOrEqual(floors.values);
      expect(questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(6);
      expect(questions.filter((q) => !q.abstain && q.text === undefined).length).toBeGreaterThanOrEqual(
        floors.broken ?? 33,
      );
      expect(questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(
        floors.chinese,
      );
      const issues = questions.map((q) =>
        /^https:\/\/github\.com\/[^/]+\/[^/]+\/issues\/(\d+)$/.exec(q.source ?? ''),
      );
      for (const issue of issues) if (issue) expect(issue[1]).toMatch(endings);
      expect(issues.filter(Boolean).length).toBeGreaterThanOrEqual(30);
    },
  );
});

describe('placeholder fills on a third audit set of pasted listings, describe output and logs (tests/eval/fills3.yaml)', () => {
  it('fills only names, addresses and ports the reports single out', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/fills3.yaml'));
    // 40+ reports, each citing its public thread or page, none of them a source of another (non-held-out) set.
    await expectFreshRealSet(run, otherSets('fills3.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(12);
    expect(run.questions.filter((q) => (q.names ?? []).length > 0).length).toBeGreaterThanOrEqual(40);
    // Labelled and committed before netkb answered it; measured once right after (main at 9253b2c, vectors off): 1
    // wrong fill of 27 by the metric (`1worker` from "3 master 1worker节点"), and by role 8 more: a pod, node or
    // address taken from a listing of running pods or Ready nodes (the first row, not the CrashLoopBackOff one), the
    // node address of `describe`'s `Node: name/ip` as the target, a Weave iptables comment's namespace, an inventory of
    // two node addresses. With the listing, describe, masked-name, count, comment and inventory rules: 0 wrong of 21,
    // every dropped fill wrong or doubtful; the tuning sets' fills unchanged but for four ports (range bounds
    // `30000-32767`, and a Service port 80 written with an endpoint's address while the report's NodePort fails).
    // Two reports of `kubectl logs`/`exec` failing on the API server's way to a kubelet, out of scope, are declined
    // since: their 2 fills went with their answers, 18 remain.
    // 17 since no placeholder takes the `/healthz` check's port from an app's NodePort, a CoreDNS pod as the client of
    // an in-pod lookup, or an add-on's namespace beside an exec whose pod stays open (src/answer/in-pod-check.ts,
    // fill-roles.ts): fills wrong by role. 16 since a report pasting `lookup monitoring-influxdb on 10.254.0.2:53: ...
    // i/o timeout` cites the CoreDNS runbook it is labelled with (failing-lookup.ts): its host → pod answer's fill went.
    const answers = run.report.answers;
    expect(answers.wrong_fills).toBe(0);
    expect(answers.fills).toBeGreaterThanOrEqual(16);
  });
});

describe('reports that paste command output, logs and manifests (tests/eval/logs.yaml, src/eval/paste-frames.ts)', () => {
  // Pasted output that reports no failure (kubectl get pods, start-up logs, ip addr, manifests) is set apart from
  // the report and its words count little; its lines that report a failure stay (src/retrieve/pasted.ts). Measured
  // in the same run (vectors off): logs.yaml first-cited right 0.865 -> 0.946, command hit 0.838 -> 0.892,
  // off-topic commands 0.1 -> 0.027, wrong fills 1 -> 2 (a pod of the pasted listing; its label names only the
  // pods the reporter wrote about), no false abstention; every other tuning set and reports7.yaml unchanged.
  it('holds fresh real reports with pasted output, Chinese ones among them', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/logs.yaml'));
    await expectFreshRealSet(run, otherSets('logs.yaml'), { minQuestions: 35, anyHost: true });
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(10);
    expect(run.questions.filter((q) => q.question.trim().includes('\n')).length).toBeGreaterThanOrEqual(20);
  });

  it('routes them at the levels measured after pasted output counted little', async () => {
    const { answers } = (await evaluate(join(root, 'kb'), join(root, 'tests/eval/logs.yaml'))).report;
    expectAnswerGates(answers, {
      firstCited: 0.94,
      commandHit: 0.89,
      offTopic: 0.03,
      wrongFills: 2,
      falseAbstentions: 0,
    });
  });

  // Each broken-path report of the tuning sets (answerable, no value asked) with one generic paste after it, the
  // pastes in turn: 554 answers. First-cited right 299 of 554 (0.54) before, 468 (0.845) after; folded onto one line
  // (info log records, kubectl headers and ready pods, ip addr, manifests and prompted commands told apart there):
  // 296 (0.534) before, 465 (0.839) after. The same reports unpasted: 490 (0.884). Floors a little under.
  // Relabelled 2026-12-04 (Kube-OVN custom-VPC NAT gateway / EIP reports out of scope, code unchanged): 9 of those
  // reports (reports, reports6, fills) are no longer answerable, 545 answers.
  it.each([
    [false, 0.84],
    [true, 0.835],
  ] as const)(
    'keeps the first citation of reports with a generic paste after them (folded: %s)',
    async (folded, floor) => {
      let right = 0;
      let asked = 0;
      for (const set of TUNING_SETS) {
        const file = join(root, 'tests/eval', set);
        const questions = parseQuestions(file, await readFile(file, 'utf8'));
        const { searcher } = await indexOf(kbOf(set));
        for (const { question } of pastedReports(questions, { folded })) {
          const { body } = await answerChat(
            { searcher, conversations: new ConversationStore() },
            { message: question.question },
          );
          asked++;
          const first = body.abstained ? undefined : body.citations[0]?.path;
          if (first !== undefined && question.docs.includes(first)) right++;
        }
      }
      expect(asked).toBeGreaterThanOrEqual(545);
      expect(right / asked).toBeGreaterThanOrEqual(floor);
    },
    // 545 answers in one test: the default 30 s runs out on a loaded 2-core machine.
    120_000,
  );
});

describe('value questions asked inside real problem reports (tests/eval/facts4.yaml)', () => {
  // 25 real reports and threads (13 in Chinese) that ask for a value the runbooks state somewhere in a longer report
  // or as a title question with its context; labelled and committed before netkb answered them. Measured once right
  // after (main at 9253b2c, vectors off): first-cited 0.96, direct hit 0.56 (14 of 25); wrapped in the report frames
  // of src/eval/frames.ts, 33 of 62. After binding the line to an endpoint or port the asking clause names ("the
  // ready endpoint", "on port 8181"), skipping commands that only read a setting when the clause asks how to set
  // it, giving a default's bonus in full only to a line about what the clause names, and sharing the weight of the
  // words outside the clause when there are many of them: direct hit 0.72 (18 of 25), wrapped 43 of 62, every
  // other set's direct hit and answer figures unchanged, the tuning sets' wrapped questions 306 of 383 (303 before),
  // reports7.yaml (the gate set) unchanged. Then (main at 61ec06c, same run): a default the report states before
  // asking read as its own account, not as what is asked (kube-proxy's mode); a default said not to be ("默认不需要
  // BGP") no default, a sentence saying what the default is ("默认是全互联 node-to-node mesh") over one naming a
  // default beside its value, and a default setting asked by what it does answered by such a sentence; a setting asked
  // by its negation ("要不走 IPIP") answered by the line that sets it off, never by one that sets it on; a yes/no
  // question starting "am I / can I" about a kind of value read as asking it ("Am I tied to certain CIDRs?"): direct
  // hit 0.84 (21 of 25), wrapped 50 of 62, every other set's answer figures unchanged, the tuning sets' wrapped
  // questions 311 of 383 (311 before), reports7.yaml unchanged. Open misses: two asks in one report, "which bridge",
  // a mode asked as the one to switch to ("默认可以改成BGP吗"), the IPIP-off command quoted instead of the table row.
  it('answers them with the value at least at the level measured after tuning on it', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/facts4.yaml'));
    await expectFreshRealSet(run, otherSets('facts4.yaml'), { minQuestions: 25, anyHost: true });
    expect(run.questions.every((q) => q.text !== undefined)).toBe(true);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(12);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.95,
      directHit: 0.84,
      offTopic: 0.03,
      falseAbstentions: 0,
    });
  });

  it('answers them wrapped in the report frames with the line that states the value', async () => {
    const file = join(root, 'tests/eval/facts4.yaml');
    const questions = parseQuestions(file, await readFile(file, 'utf8'));
    const { searcher } = await indexOf(join(root, 'kb'));
    let hits = 0;
    let asked = 0;
    for (const { question } of wrappedValueQuestions(questions)) {
      const { body } = await answerChat(
        { searcher, conversations: new ConversationStore() },
        { message: question.question },
      );
      asked++;
      if (directHit(question, body)) hits++;
    }
    expect(asked).toBeGreaterThanOrEqual(60);
    expect(hits / asked).toBeGreaterThanOrEqual(0.79);
  });
});

describe('scope decisions: out-of-scope questions declined, short in-scope reports answered (scope.yaml, fills2)', () => {
  // scope.yaml: 47 real out-of-scope questions (Kubernetes but not networking, and service-mesh routing) and 15
  // short or vague-looking in-scope reports, labelled before netkb answered them. Measured in the same run (vectors
  // off): main at e16b880 declined 44 of 47 (two kubelet cgroup-driver logs and a four-word question about a pod
  // stuck terminating answered) with 2 false abstentions (a CoreDNS CrashLoopBackOff report declined as another
  // trade); after reading a headline that names only a container state as the whole question's, the kubelet's cgroup
  // driver, the pod lifecycle, scheduling and pod security as other trades, a service account as no Service, and a
  // widely used plugin named once in a runbook command as not covered: all 47 declined, 1 false abstention (a
  // one-line egress question retrieval is not confident about). fills2: out-of-scope abstained 3 of 7 -> 4 of 7.
  // Reading widely used plugins by their bare names declined fills2's Antrea and kube-router reports too (6 of 7),
  // but it declined in-scope reports of clusters that merely run such a plugin: the held-out sets' false
  // abstentions rose by one on four of them, and went back when that rule was dropped.
  it('scope.yaml: every out-of-scope question declined, at most 1 false abstention, sources fresh', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/scope.yaml'));
    await expectFreshRealSet(run, otherSets('scope.yaml'));
    expect(run.report.answers.out_of_scope).toBeGreaterThanOrEqual(47);
    expect(run.report.answers.out_of_scope_abstained).toBe(1);
    expect(run.report.answers.false_abstentions).toBeLessThanOrEqual(1);
  });
  it('fills2.yaml: at least 4 of its 7 out-of-scope questions declined', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/fills2.yaml'));
    expect(run.report.answers.out_of_scope).toBe(7);
    expect(run.report.answers.out_of_scope_abstained).toBeGreaterThanOrEqual(0.571);
  });
});

describe("checks of a question's distinctive clue (reports4, fills3)", () => {
  // A word or concept of what fails that what the retrieved runbooks say of only one or two checks holds
  // (firewalld), or a tool and sub-command the question names (cilium status), gets the top runbook's check of it a
  // place. Measured against main at adf2fdb in the same run (vectors off): command hits summed over the tuning sets
  // 421 -> 424 (reports4 0.837 -> 0.86, fills3 0.5 -> 0.643), off-topic commands, wrong fills, false abstentions
  // and first-cited unchanged on every set, no set filling fewer placeholders; reports7.yaml (the gate set)
  // aggregate command hit up, nothing else changed. A tool counts only when the headline names it: one the body
  // names the reporter has often run already. Floors at the figures measured after.
  it.each([
    ['reports4.yaml', 0.86, 0.025],
    ['fills3.yaml', 0.64, 0.235],
  ] as const)(
    '%s: command hit at least %s, off-topic commands at most %s',
    async (set, commandHit, offTopic) => {
      const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval', set));
      expect(run.report.answers.command_hit).toBeGreaterThanOrEqual(commandHit);
      expect(run.report.answers.off_topic_share).toBeLessThanOrEqual(offTopic);
      expect(run.report.answers.wrong_fills).toBe(0);
    },
  );
});

describe('fresh real reports for routing (tests/eval/reports8.yaml)', () => {
  // 40 broken-path reports over every runbook's topic (21 of the 44 in Chinese) and 4 out-of-scope ones, labelled
  // before netkb answered them. First run (code at c592a92): first-cited 0.875, command hit 0.9, off-topic 0.082.
  // After a spelling fix only corrects typo-like slips (kube-vip is no longer read as kube-sep): first-cited 0.9,
  // command hit 0.925, off-topic 0.057. Floors a little under that.
  it('holds fresh real reports and routes them to the runbook that answers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports8.yaml'));
    await expectFreshRealSet(run, otherSets('reports8.yaml'), { minQuestions: 44, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(4);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(12);
    // Relabelled 2026-12-04 (Kube-OVN custom-VPC NAT gateway / EIP reports out of scope, code unchanged): first-cited
    // 0.9 -> 0.912, command hit 0.95 -> 0.941, out-of-scope abstained 1 (4) -> 0.4 (10). Declining Kube-OVN VPC NAT
    // gateway / EIP / custom-VPC border reports where no runbook explains them: 0.9 (10; a custom VPC's OVN SNAT read
    // from `router vpc1 has nat` alone is answered). Relabelled under the lead's component decision (code unchanged):
    // "Cilium Pod Not Ready" out of scope, no runbook naming cilium-agent's failure; out-of-scope 0.9 (10) -> 0.818 (11).
    // Declining a CNI component failing that no runbook names (uncovered-components.ts): 0.909 (11).
    expectAnswerGates(run.report.answers, {
      firstCited: 0.87,
      commandHit: 0.9,
      offTopic: 0.07,
      wrongFills: 1,
      falseAbstentions: 1,
      outOfScope: 0.85,
    });
  });
});

describe('placeholder fills on ordinary real reports (tests/eval/fills4.yaml)', () => {
  // 41 ordinary reports (12 Chinese), not chosen for fills, labelled with every object name they present before netkb
  // answered them. Measured once (main at c592a92, vectors off): 0 wrong fills of 17 by the metric, but read by hand 3
  // wrong by role and 4 doubtful of 14. A fill now needs evidence of its role: an address the report says works, a
  // range's ends, `0.0.0.0`, a source address written again, an inventory of node addresses or of three or more listed
  // node names, one of several ports none written with the target, and a file's line number fill nothing. After: 0
  // wrong of 11 by the metric, none wrong by role and 2 doubtful by hand; every dropped fill but three was wrong or
  // doubtful, and nothing but the fills changed (see the commit).
  it('fills only names, addresses and ports the reports single out', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/fills4.yaml'));
    await expectFreshRealSet(run, otherSets('fills4.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(12);
    const answers = run.report.answers;
    expect(answers.wrong_fills).toBe(0);
    // 11 on its branch; 8 once merged with the spelling fix (reports8.yaml), which changes which commands answer.
    expect(answers.fills).toBeGreaterThanOrEqual(8);
    expect(answers.first_cited_right).toBeGreaterThanOrEqual(0.6);
  });
});

describe('checks.yaml: command hit when the cited runbook is right', () => {
  // 26 real broken-path reports (4 Chinese), each labelled with the checks that test its likely cause. Measured when
  // added (vectors off, code at 3780bba): first-cited right 0.808, command hit 0.654, off-topic commands 0.107,
  // 1 false abstention. Floors a little under those figures. 25 since one whose source fills4.yaml also took went.
  it('checks.yaml: sources fresh, first-cited and command hit floors, off-topic ceiling', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/checks.yaml'));
    await expectFreshRealSet(run, otherSets('checks.yaml'), { minQuestions: 25, anyHost: true });
    expectAnswerGates(run.report.answers, {
      firstCited: 0.76,
      commandHit: 0.61,
      offTopic: 0.13,
      // 2 since a report placing its pods on other nodes cites its CNI's cross-node runbook (cross-node-pod-path.ts):
      // rke2#6567's "pods in node-3 are not reachable" fills `kubectl get node node-3 …public-ip`, the node the report
      // names as failing; its label lists no names, so the metric counts any fill as wrong. 3 since the first-cited
      // runbook's checks are matched without the subshell finding their agent pod: the IPIP report whose route leaves
      // by `dev ens4v1` gets `tcpdump -i ens4v1 'ip proto 4'`, the report's own NIC, and that label lists no names.
      wrongFills: 3,
      falseAbstentions: 1,
    });
  });
});

describe('answers whose runbook choice is in doubt (doubt.yaml)', () => {
  // 40 real reports, 12 in Chinese: 28 on paths the runbooks cover, 12 on subjects none covers (ingress
  // controllers, service meshes, IPAM, install failures); two webhook timeouts were relabelled in scope later (the API
  // server not reaching the webhook's pod), the figures below predate that. Measured when added (code at c592a92): first-cited
  // 0.769, command hit 0.731, off-topic 0.172 (27/157), 6 of the 14 out-of-scope declined. An answer whose runbook
  // choice is in doubt (doubt.ts) says so, names the close runbook and keeps only the close runbooks' main checks:
  // off-topic 0.167 (26/156), nothing else changed. Floors a little under the figures measured after.
  it('doubt.yaml: sources fresh, first-cited, command hit and off-topic at their floors', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/doubt.yaml'));
    await expectFreshRealSet(run, otherSets('doubt.yaml'), { minQuestions: 40, anyHost: true });
    expectAnswerGates(run.report.answers, {
      firstCited: 0.75,
      commandHit: 0.7,
      offTopic: 0.17,
      wrongFills: 6,
      falseAbstentions: 1,
      outOfScope: 0.42,
    });
  });
});

describe('a second gate set of fresh real reports nobody tunes on (tests/eval/reports9.yaml)', () => {
  // 45 reports labelled before netkb answered them: 37 broken-path reports over every runbook's topic, 3 value
  // questions, 5 out-of-scope ones; 15 in Chinese. Measured once (main at 10b8312, vectors off): first-cited 0.825,
  // command hit 0.811, direct hit 0.667, off-topic 0.104, wrong fills 1, false abstentions 2, out-of-scope abstained 0.
  // Floors a little under that. Nobody tunes on it: read only its aggregate figures.
  it('holds fresh real reports and keeps its answer figures', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports9.yaml'));
    await expectFreshRealSet(run, otherSets('reports9.yaml'), { minQuestions: 45, anyHost: true });
    expect(run.questions.filter((q) => q.text !== undefined).length).toBeGreaterThanOrEqual(3);
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(5);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(14);
    // None of its out-of-scope reports was declined at its first run: no floor for them.
    expectAnswerGates(run.report.answers, {
      firstCited: 0.8,
      commandHit: 0.78,
      directHit: 0.66,
      offTopic: 0.12,
      wrongFills: 1,
      falseAbstentions: 2,
      outOfScope: 0,
    });
  });
});

describe('value questions asked inside real reports it was not fitted to (tests/eval/facts5.yaml)', () => {
  // 31 real reports and posts (13 in Chinese), labelled and committed before netkb answered them. Measured once right
  // after (main at b4f6ac5, vectors off): first-cited 0.935, direct hit 0.806 (25 of 31), 2 false abstentions. After
  // "有如下几个" read as a list and "未指定" as the default asked, a probe named by what it checks (就绪探针) read as
  // asking its endpoint's port, "multi-node" read as no plugin and "CIDR"/"IPAM" as networking: first-cited 1, direct
  // hit 0.935 (29 of 31), no false abstention, every other set's answer figures unchanged but fills4's (first-cited
  // 0.632 to 0.658, 3 false abstentions to 2), reports7.yaml (the gate set) unchanged. Floors a little under.
  it('answers them with the value at least at the level measured after tuning on it', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/facts5.yaml'));
    await expectFreshRealSet(run, otherSets('facts5.yaml'), { minQuestions: 30, anyHost: true });
    expect(run.questions.every((q) => q.text !== undefined)).toBe(true);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(12);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.96,
      directHit: 0.9,
      offTopic: 0.03,
      wrongFills: 2,
      falseAbstentions: 0,
    });
  });
});

describe('placeholder fills on real reports that name many objects (tests/eval/fills5.yaml)', () => {
  // 36 real reports (11 Chinese) chosen because they name many objects: pasted listings, describe dumps, kubelet and
  // CoreDNS logs, shell prompts, env dumps, configs. Labelled with every object name before netkb answered them.
  // Measured once (main at dc12c84, vectors off): 2 wrong fills of 31 by the metric and 5 more wrong by role read by
  // hand (a prompt's working directory, a dotted config key, /etc/hosts, kube-proxy's comment, 0.0.0.0/0). After the
  // fill rules read prompts, config keys, daemon names, kube-proxy comments, dial errors, JSON/YAML fields, Service
  // env variables, Service rows, describe dumps and finished pods: 0 wrong of 30, every other set's answer figures
  // unchanged but for more right fills (fills.yaml, fills3.yaml). Floors a little under.
  it('fills only the names and addresses the reports give, in their roles', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/fills5.yaml'));
    await expectFreshRealSet(run, otherSets('fills5.yaml'), { minQuestions: 36, anyHost: true });
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(11);
    const answers = run.report.answers;
    expect(answers.fills).toBeGreaterThanOrEqual(25);
    // Relabelled 2026-12-04 (a Kube-OVN EIP report out of scope, code unchanged): first-cited 0.588 -> 0.576, wrong
    // fills 0 -> 2 (names of the answered report no longer labelled), out-of-scope abstained 0 (2) -> 0 (3). Declining
    // Kube-OVN VPC NAT gateway / EIP reports where no runbook explains them: 0 wrong fills, 0.333 (3).
    expectAnswerGates(answers, {
      firstCited: 0.55,
      commandHit: 0.6,
      offTopic: 0.28,
      wrongFills: 0,
      falseAbstentions: 6,
      outOfScope: 0.33,
    });
  });
});

describe('must-have checks for real reports it was not fitted to (tests/eval/reports10.yaml)', () => {
  // 23 real reports (4 in Chinese), labelled with their must-have checks and committed before netkb answered them.
  // Measured once right after (code at dc12c84, vectors off): first-cited 0.913, command hit 0.87 (20 of 23),
  // off-topic 12/144. After the rp_filter row and check said a kernel "martian source" line is its drop, and the
  // glossary read LVS as IPVS: first-cited 1, command hit 0.957 (22 of 23), off-topic 0/142; every other set's answer
  // figures unchanged (doubt's fills 6/21 to 6/20, the same wrong ones), reports7 and reports9 (gates) unchanged.
  // After a kube-proxy mode the report states ranked that mode's checks up and the other mode's last: command hit 1
  // (23 of 23), fills 0/4; every other set unchanged but reports5's fills (0/18 to 0/19), the gates unchanged.
  // Floors a little under.
  it('holds fresh real reports and offers their must-have checks', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports10.yaml'));
    await expectFreshRealSet(run, otherSets('reports10.yaml'), { minQuestions: 23, anyHost: true });
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(4);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.95,
      commandHit: 0.95,
      offTopic: 0.03,
      wrongFills: 0,
      falseAbstentions: 0,
    });
  });
});

describe('networking reports no runbook covers beside look-alikes a runbook answers (tests/eval/scope2.yaml)', () => {
  // 36 real reports (12 in Chinese) labelled and committed before netkb answered them: 18 a runbook answers, 18 on a
  // subject no runbook covers though full of networking words. Measured once right after (main at dc12c84, vectors
  // off): first-cited 0.833, command hit 0.778, off-topic 0.059, 3 wrong fills, 1 false abstention, 1 of 18 out-of-scope
  // reports declined. After "with CNI plugin" no longer named a plugin and reports about pod address allocation were
  // declined where no runbook explains it: 0.889, 0.833, 0.056, 3 wrong fills, no false abstention, 3 of 18 declined.
  // (Declining reports about a pod's extra interface too reached 7 of 18, but declined an in-scope held-out report; it
  // was taken back.) Declining Kube-OVN VPC NAT gateway / EIP / custom-VPC border reports where no runbook explains
  // them: 9 of 18 declined, the rest unchanged. Floors a little under.
  it('answers the look-alikes and declines more of the reports no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/scope2.yaml'));
    await expectFreshRealSet(run, otherSets('scope2.yaml'), { minQuestions: 36, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(18);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(12);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.88,
      commandHit: 0.8,
      offTopic: 0.07,
      wrongFills: 3,
      falseAbstentions: 0,
      outOfScope: 0.45,
    });
  });
});

describe('value questions asked inside real problem reports (tests/eval/facts6.yaml)', () => {
  // 26 real reports (8 in Chinese) whose ask for a port, CIDR, MTU/MSS, interface, next hop, timeout or default sits in
  // one sentence among logs and versions, labelled and committed before netkb answered them. Measured once right after
  // (main at 7fcbe85, vectors off): first-cited 0.962, direct hit 0.808, off-topic 0.006, 6 wrong fills, 1 false
  // abstention. After "how long"/多久 asked a time, a relative "which" in a statement stopped asking, the MSS asked an
  // overhead, "what is the valid <setting>" named the setting and a question after pasted output without a full stop
  // became a clause of its own: direct hit 0.923, the rest unchanged. The 6 wrong fills were names the reports give but
  // the first labels left out (kube-system, eth0, a node); with them labelled: 0 wrong fills. Floors a little under.
  // Command hit 0.65 -> 0.75 when a label's placeholder (`tcpdump -i <iface>`) matched the value the answer filled in
  // (`tcpdump -i eth0`): the same answers, measured honestly; floor a little under. 0.75 -> 0.85 when the top
  // runbook's check reading the value its direct answer states got a place (value-check.ts); floor 0.8.
  it('leads the answer with the runbook line that states the asked value', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/facts6.yaml'));
    await expectFreshRealSet(run, otherSets('facts6.yaml'), { minQuestions: 26, anyHost: true });
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(8);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.95,
      commandHit: 0.8,
      directHit: 0.9,
      offTopic: 0.02,
      wrongFills: 0,
      falseAbstentions: 1,
    });
  });
});

describe('reports on subjects no runbook covers beside look-alikes a runbook answers (tests/eval/scope3.yaml)', () => {
  // 39 real reports (10 in Chinese) labelled and committed before netkb answered them: 14 a runbook answers, 25 on a
  // subject no runbook covers (storage, access control, image pulls, certificates, a service mesh, ingress routing
  // rules, cluster set-up, Kube-OVN VPC gateways) though many are full of networking words. Measured once right after
  // (at 63b06a5, vectors off): first-cited 0.857, command hit 0.857, off-topic 0.149, 1 wrong fill, no false
  // abstention, 16 of 25 declined. After reports about a service mesh's proxies and about what an ingress's routing
  // rules answered were declined where no runbook covers them: the same, 0 wrong fills, 18 of 25 declined; and
  // Kube-OVN VPC NAT gateway / custom-VPC reports: 21 of 25. Floors a little under.
  it('answers the look-alikes and declines the reports no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/scope3.yaml'));
    await expectFreshRealSet(run, otherSets('scope3.yaml'), { minQuestions: 39, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(25);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(10);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.85,
      commandHit: 0.85,
      offTopic: 0.16,
      wrongFills: 1,
      falseAbstentions: 0,
      outOfScope: 0.8,
    });
  });
});

describe('misreadings of real reports (tests/eval/reports11.yaml)', () => {
  // 46 real reports (8 in Chinese, 8 asking for a value, 2 no runbook covers), labelled and committed before netkb
  // answered them. Measured once right after (main at 63b06a5, vectors off): first-cited 0.795, command hit 0.659,
  // direct hit 0.375, off-topic 0.136, 2 wrong fills (an image reference read as namespace/pod), 1 false abstention,
  // 0 of 2 out-of-scope declined. After the misreading fixes: direct hit 0.75, 0 wrong fills, the rest unchanged;
  // with the named-field asks, the choices clause and the outside-name DNS checks: first-cited 0.818, command hit
  // 0.705, direct hit 1. Floors a little under. Two Kube-OVN EIP / VPC NAT gateway reports relabelled out of scope
  // (2026-12-04): first-cited 0.81, command hit 0.714, 0 of 4 declined; declining those subjects where no runbook
  // explains them: 2 of 4. An IPVS-only check scoring less for a report showing no trace of IPVS (the default
  // iptables mode's NodePort rules check in its place): command hit 0.762; floor 0.72.
  it('reads the names, values and asks of the reports in their roles', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports11.yaml'));
    await expectFreshRealSet(run, otherSets('reports11.yaml'), { minQuestions: 46, anyHost: true });
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(8);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.8,
      commandHit: 0.72,
      directHit: 0.95,
      offTopic: 0.15,
      wrongFills: 0,
      falseAbstentions: 1,
      outOfScope: 0.5,
    });
  });
});

describe('runbook choice for real reports (tests/eval/reports12.yaml)', () => {
  // 36 real reports (5 in Chinese, 2 asking for a value, 3 no runbook covers) that name one CNI while the failure is on
  // a generic path, or whose path is the CNI's own, labelled and committed before netkb answered them. Measured once
  // right after (main at 4df711d, vectors off): first-cited 0.848, command hit 0.688, direct hit 1, off-topic 0.107,
  // 3 wrong fills, 1 false abstention, 2 of 3 out-of-scope declined. Floors a little under.
  it('cites the runbook of the failing path, not of the CNI the report merely names', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports12.yaml'));
    await expectFreshRealSet(run, otherSets('reports12.yaml'), { minQuestions: 36, anyHost: true });
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(5);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.82,
      commandHit: 0.65,
      directHit: 0.95,
      offTopic: 0.13,
      wrongFills: 3,
      falseAbstentions: 1,
      outOfScope: 0.6,
    });
  });
});

describe('reports on the in-scope / out-of-scope boundary (tests/eval/scope4.yaml)', () => {
  // 40 real reports (12 in Chinese) labelled and committed before netkb answered them: 16 whose failing path a runbook
  // explains (MTU, kube-proxy IPVS and iptables sync, NodePorts, probes from the node, Kube-OVN underlay and ovn0,
  // Calico BGP, Flannel masquerade, NetworkPolicy ipBlock, CoreDNS upstreams) and 24 on subjects no runbook covers
  // though they name CNIs, pods and gateways (Kube-OVN QoS, IPAM, crash-looping components, ovn-central Raft, VPC NAT
  // gateways and EIPs, Calico packaging, Cilium ClusterMesh, Istio, ingress upstreams, CSI, ovnkube readiness).
  // Measured once right after (at 323d3d0, vectors off): first-cited 0.813, command hit 0.813, off-topic 0.033,
  // 2 wrong fills, 2 false abstentions, 12 of 24 declined. Floors a little under.
  // Relabelled under the lead's component decision (a CNI component failing is in scope exactly when a runbook's
  // triggers, signals, headings or rows explain it): four Kube-OVN crash-loop reports (kube-ovn-controller,
  // kube-ovn-cni, ovn-central) moved in scope, ovs-flows.md's signals naming them; 20 and 20. The same code then
  // measures first-cited 0.65, command hit 0.6, off-topic 0.189, 3 false abstentions: floors lowered for the relabel.
  // Declining a CNI component failing that no runbook names (uncovered-components.ts: kube-ovn-pinger, ovnkube):
  // 15 of 20 declined, 0 wrong fills; that floor raised to 0.7.
  it('answers the look-alikes and declines the subjects no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/scope4.yaml'));
    await expectFreshRealSet(run, otherSets('scope4.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(20);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(12);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.62,
      // 0.75 since the dashboard report whose pods time out on 10.96.0.1:443 cites the CoreDNS runbook first (it cited
      // the Kube-OVN join-network one before, just as wrong, whose checks happened to hold a labelled one); 0.6 since
      // the relabel above.
      commandHit: 0.57,
      offTopic: 0.2,
      wrongFills: 2,
      falseAbstentions: 3,
      outOfScope: 0.7,
    });
  });
});

describe('command hits on real reports (tests/eval/reports13.yaml)', () => {
  // 40 real reports (12 in Chinese, 4 asking for a value, 5 no runbook covers), from issue trackers only, labelled and
  // committed before netkb answered them, to study why a report's must-have check is missing or ranked out and why
  // other runbooks' commands pad the answer. Measured once right after (main at 146f9ed, vectors off): first-cited
  // 0.8, command hit 0.839, direct hit 0.5, off-topic 0.111, 1 wrong fill, 2 false abstentions, 3 of 5 out-of-scope
  // declined. Floors a little under the figures after this branch's rules (NodePort-range addresses, 'within node',
  // topology prefixes, kind/kind slashes): first-cited 0.914, command hit 0.903, off-topic 0.072, no wrong fill, no
  // false abstention.
  it('returns the check the report needs without padding from other runbooks', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports13.yaml'));
    await expectFreshRealSet(run, otherSets('reports13.yaml'), { minQuestions: 40 });
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(10);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.88,
      commandHit: 0.87,
      directHit: 0.45,
      offTopic: 0.1,
      wrongFills: 0,
      falseAbstentions: 1,
      outOfScope: 0.6,
    });
  });
});

describe('placeholder fills on real reports with pasted listings (tests/eval/fills6.yaml)', () => {
  // 40 real reports (14 Chinese, 6 no runbook covers) from trackers whose issue numbers end in 0-4, chosen for pasted
  // listings, describe blocks, resolv.conf, logs and ipvsadm tables; labelled with every object name and committed
  // before netkb answered them. Measured once (main at 43faf09, vectors off): first-cited 0.765, command hit 0.615
  // (13), off-topic 0.242, 0 wrong fills of 25 by the metric, 0 false abstentions, 0 of 6 declined. Read by hand, two
  // fills are wrong by role: `<namespace>` := kube-system beside `<pod>` := busybox1, a pod exec'd without -n and absent
  // from the kube-system listing; `<port>` := 80 from an ipvsadm real-server line `-> 10.244.0.4:80` where the
  // virtual server was the NodePort 31481. After the rules that read ipvsadm real servers and a pod run without a
  // namespace flag (src/answer/fill-roles.ts): both left open, 0 wrong of 23, no other figure moved. 22 since a
  // described Service's `Endpoints:` are read as its backends: a NodePort report's `TargetPort` 80 no longer fills
  // `<port>`. Floors a little under.
  it('fills only the names and addresses the reports give, in their roles', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/fills6.yaml'));
    await expectFreshRealSet(run, otherSets('fills6.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(12);
    const answers = run.report.answers;
    // 19, not 20: `tke-auth-api 容器内` names TKE's add-on workload, no pod `kubectl exec` can take (the fill is gone).
    // 18, not 19: a ClusterIP report no longer lists the headless runbook third (narrow-runbook.ts), whose command
    // held one right fill; that runbook was not the one the report needs.
    // 17 since no placeholder takes the `/healthz` check's port from an app's NodePort, a CoreDNS pod as the client of
    // an in-pod lookup, or an add-on's namespace beside an exec whose pod stays open (src/answer/in-pod-check.ts,
    // fill-roles.ts): fills wrong by role. 16 since a report whose failing request goes to a NodePort or ClusterIP no
    // longer takes the other kind's runbook's commands (failing-destination.ts), one of which held a right fill.
    expect(answers.fills).toBeGreaterThanOrEqual(16);
    expectAnswerGates(answers, {
      firstCited: 0.73,
      commandHit: 0.58,
      offTopic: 0.26,
      wrongFills: 0,
      falseAbstentions: 1,
      outOfScope: 0,
    });
  });
});

describe('command hits on real reports (tests/eval/reports14.yaml)', () => {
  // 40 real reports (8 in Chinese, 4 asking for a value, 6 no runbook covers), 39 from issue trackers numbered ...5-9
  // and one web page, labelled and committed before netkb answered them, to study why a report's must-have check is
  // missing or ranked out and why other runbooks' commands pad the answer. Measured once right after (at 7e745a2,
  // vectors off): fused hit@1 0.765, first-cited 0.794, command hit 0.8 (30), direct hit 0 (4), off-topic 0.176,
  // 6 wrong fills of 25, no false abstention, 1 of 6 out-of-scope declined. Floors a little under those figures.
  it('returns the check the report needs without padding from other runbooks', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports14.yaml'));
    await expectFreshRealSet(run, otherSets('reports14.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(8);
    // Wrong fills 0 since the fills read short pod rows and 'in the pod:' (two fixed) and the names the reports
    // write for the objects (kube-system, test, eth0) joined four labels.
    expectAnswerGates(run.report.answers, {
      firstCited: 0.76,
      commandHit: 0.76,
      directHit: 0,
      offTopic: 0.2,
      wrongFills: 0,
      falseAbstentions: 1,
      outOfScope: 0.15,
    });
  });
});

describe('reports on the in-scope / out-of-scope boundary, second set (tests/eval/scope5.yaml)', () => {
  // 40 real reports (12 in Chinese) from trackers whose issue numbers end in 0-4, labelled and committed before netkb
  // answered them: 15 whose failing path a runbook explains (LoadBalancer IP pending, CoreDNS to the API ClusterIP,
  // pods to hosts outside the cluster and SNAT, Flannel and Calico cross-node pods, Services answering only on the
  // pod's node, probes timing out, CoreDNS loops and upstream timeouts, NodePorts unreachable) and 25 on subjects no
  // runbook covers (Linkerd and Istio sidecars and mTLS, ingress rewrites, TLS and Higress routes, calico-node and
  // cilium-agent crash loops, CSI, kubeadm join and expired certificates, cert-manager, host-local IPAM, RBAC,
  // registry x509, installers leaving no CNI, Terway). Measured once right after (at a8d96c8, vectors off):
  // first-cited 0.8, command hit 0.867, off-topic 0.138, 1 wrong fill of 11, 0 false abstentions, 15 of 25 declined.
  // Floors a little under. 21 of 25 declined since Linkerd's proxy log lines, a gateway's routing rules answering 404
  // and the cluster's own set-up failing are declined (clarify.ts, uncovered-subjects.ts): that floor raised to 0.8.
  // Relabelled under the lead's component decision: calico-node crash-looping in scope (24 out of scope); 22 of 24
  // declined once a cilium-agent crash loop no runbook names is (uncovered-components.ts): floor 0.85.
  it('answers the look-alikes and declines the subjects no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/scope5.yaml'));
    await expectFreshRealSet(run, otherSets('scope5.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(24);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(12);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.77,
      commandHit: 0.8,
      offTopic: 0.16,
      wrongFills: 1,
      falseAbstentions: 1,
      outOfScope: 0.85,
    });
  });
});

describe('real value questions as their askers wrote them (tests/eval/facts7.yaml)', () => {
  // 35 real GitHub threads (3 in Chinese) numbered ...4-6, labelled and committed before netkb answered them (1c18ac7):
  // 16 ask a value or documented behaviour a runbook states (VXLAN ports, kube-proxy 10249, ndots, blockSize, NodePort
  // range, CoreDNS cache and forward, DirectRouting, ipipMode, ClusterIP ping, headless A records, externalTrafficPolicy
  // Local, clusterCIDR masquerade), 8 are broken-path reports that read like value questions, 11 ask a value no
  // runbook states. Measured once right after (at 1c18ac7, vectors off): first-cited 0.833, command hit 0.538 (13),
  // direct hit 0.5 (16), off-topic 0.145 (21/145), 0 wrong fills of 6, 0 false abstentions, 2 of 11 declined.
  // Floors a little under.
  it('leads with the runbook line stating the value the asker wants', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/facts7.yaml'));
    await expectFreshRealSet(run, otherSets('facts7.yaml'), { minQuestions: 35, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(11);
    expect(run.questions.filter((q) => q.text !== undefined).length).toBeGreaterThanOrEqual(16);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(3);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.8,
      commandHit: 0.5,
      directHit: 0.45,
      offTopic: 0.17,
      wrongFills: 0,
      falseAbstentions: 1,
      outOfScope: 0.15,
    });
  });
});

describe('real reports from Chinese-speaking trackers (tests/eval/reports15.yaml)', () => {
  // 40 real reports (16 in Chinese, 23 broken paths, 4 asking for a value, 13 no runbook covers) from issue trackers
  // numbered ...7-9 (Kube-OVN, kubeasz, sealos, KubeKey, sealer, Spiderpool, Calico, Flannel, ...), labelled and
  // committed before netkb answered them (at 6ddb2d5). Measured once right after (vectors off): fused hit@1 0.741,
  // first-cited 0.741, command hit 0.783 (23), direct hit 0.25 (4), off-topic 0.191, 5 wrong fills of 18, 1 false
  // abstention, 4 of 13 out-of-scope declined. Floors a little under those figures. Direct hit raised after "Who answers
  // ARP for 169.254.1.1?" was read as asking (branch direct4: 0.5).
  it('answers Chinese and mixed reports from the runbooks and declines what none covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports15.yaml'));
    await expectFreshRealSet(run, otherSets('reports15.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(16);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.72,
      commandHit: 0.76,
      directHit: 0.45,
      offTopic: 0.2,
      wrongFills: 5,
      falseAbstentions: 1,
      outOfScope: 0.3,
    });
  });
});

describe("real value questions with the ask in the asker's words (tests/eval/facts8.yaml)", () => {
  // 40 real GitHub threads (14 in Chinese) numbered ...0-4, labelled and committed before netkb answered them (8b37c30):
  // 23 ask a value or documented behaviour a runbook states (ClusterIP ping, externalTrafficPolicy Local, flannel subnet
  // from podCIDR, DirectRouting, ndots, NetworkPolicy targetPort, flannel and policy, egress masquerade, headless
  // records, clusterCIDR masquerade, kube-proxy-replacement, hostNetwork dnsPolicy, CoreDNS ClusterIP), 10 are
  // broken-path reports that read like value questions, 7 ask a value no runbook states. Measured once right after
  // (at 8b37c30, vectors off): first-cited 0.788, command hit 0.655 (29), direct hit 0.13 (23), off-topic 0.194
  // (37/191), 1 wrong fill of 6, 0 false abstentions, 4 of 7 declined. Floors a little under. Direct hit raised after
  // the asking forms of real threads were read (branch direct4: 0.348).
  it('leads with the runbook line stating the value the asker wants', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/facts8.yaml'));
    await expectFreshRealSet(run, otherSets('facts8.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(7);
    expect(run.questions.filter((q) => q.text !== undefined).length).toBeGreaterThanOrEqual(23);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(14);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.75,
      commandHit: 0.6,
      directHit: 0.3,
      offTopic: 0.22,
      wrongFills: 1,
      falseAbstentions: 1,
      outOfScope: 0.5,
    });
  });
});

describe('real reports in Chinese and English from 25 trackers (tests/eval/reports16.yaml)', () => {
  // 40 real GitHub threads (18 in Chinese): 30 broken paths (Calico routes after a NIC rename, CoreDNS/kube-dns tests
  // after manual installs, NodePort/ClusterIP refused or hanging, IPVS rules not following recreated pods, default-deny
  // INPUT, "has no endpoints" REJECT, NodeLocal DNS timeouts, flannel behind a NATed master, a Cilium deployment losing
  // pod networking, MetalLB L2 after vMotion, Kube-OVN ACLs) and 10 no runbook covers (macvlan/Spiderpool, Rainbond,
  // SuperEdge, FabEdge, OpenYurt Raven, Kube-OVN SwitchLBRule/OvnFip, KubeEdge), labelled and committed before netkb
  // answered them (f4fb823). Measured once right after (vectors off): first-cited 0.767, command hit 0.733 (30),
  // no fact questions, off-topic 0.144 (24/167), 2 wrong fills of 15, 1 false abstention, 4 of 10 declined.
  // Floors a little under those figures.
  it('answers real reports from many trackers and declines what no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports16.yaml'));
    await expectFreshRealSet(run, otherSets('reports16.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(10);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(18);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.74,
      commandHit: 0.7,
      offTopic: 0.16,
      wrongFills: 2,
      falseAbstentions: 1,
      outOfScope: 0.35,
    });
  });
});

describe('real reports and value questions from 26 trackers, numbers ending 5-9 (tests/eval/reports17.yaml)', () => {
  // 40 real GitHub threads (5 in Chinese): 24 broken paths (ClusterIP hairpin with kube-router and microk8s, DNS on
  // Rancher/RKE2/microk8s, minikube NodePort refused, flannel.1 TX drops, missing /run/flannel/subnet.env, MetalLB VIP
  // unreachable from the LAN, a Calico BGP blackhole route for a LoadBalancer IP), 5 value questions (flannel's NIC,
  // ipBlock and node-local traffic, policy on hostNetwork pods, client source IP) and 11 no runbook covers (kube-vip,
  // Antrea, Rancher 1.6 cattle, EdgeMesh, OpenELB, Rancher Desktop, AWS VPC CNI, Kube-OVN, Spiderpool, KubeKey),
  // labelled and committed before netkb answered them (1593682). Measured once right after (vectors off): first-cited
  // 0.862, command hit 0.792 (24), direct hit 0.2 (5), off-topic 0.049 (8/164), 2 wrong fills of 13, 2 false
  // abstentions, 6 of 11 declined. Floors a little under those figures. A how-to headline naming a concept only one
  // runbook triggers on (headline-concept.ts) then answered both client-IP questions: first-cited 0.931, 0 false
  // abstentions; floors raised a little under that.
  it('answers real reports from many trackers and declines what no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports17.yaml'));
    await expectFreshRealSet(run, otherSets('reports17.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(11);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(5);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.9,
      commandHit: 0.75,
      directHit: 0.2,
      offTopic: 0.07,
      wrongFills: 2,
      falseAbstentions: 1,
      outOfScope: 0.5,
    });
  });
});

describe('real reports and value questions from 27 trackers, numbers ending 0-4 (tests/eval/reports18.yaml)', () => {
  // 40 real GitHub threads (5 in Chinese): 26 broken paths (NodePort / LoadBalancer on kind, k3d, minikube, k3s and
  // MetalLB with Pi-hole, externalTrafficPolicy Local, hostNetwork port clashes, DNS failing on remote or Raspberry Pi
  // workers, flannel cross-node paths and out of subnets, Canal rules lost on firewalld reload, Calico on flannel,
  // CoreDNS upstream on KIND + Calico, apiserver proxy to a pod IP), 5 value questions (headless Service and not-ready
  // pods, Calico blocks vs podCIDR, the NodePort range and its flag, flannel subnet size) and 9 no runbook covers
  // (Multus macvlan, OpenYurt, Calico Felix liveness, KubeEdge, ingress-nginx, Kuboard, Docker Desktop ports),
  // labelled and committed before netkb answered them (be752ef). Measured once right after (vectors off): first-cited
  // 0.71, command hit 0.615 (26), direct hit 0.8 (5), off-topic 0.2 (35/175), 1 wrong fill of 13, 2 false
  // abstentions, 4 of 9 declined. Floors a little under those figures.
  it('answers real reports from many trackers and declines what no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports18.yaml'));
    await expectFreshRealSet(run, otherSets('reports18.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(9);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(5);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.68,
      commandHit: 0.58,
      directHit: 0.6,
      offTopic: 0.22,
      wrongFills: 1,
      falseAbstentions: 2,
      outOfScope: 0.4,
    });
  });
});

describe('real reports and value questions from 24 trackers, numbers ending 0-4 (tests/eval/reports19.yaml)', () => {
  // 40 real GitHub threads (1 in Chinese): 28 broken paths (CoreDNS losing the API server or its upstream, pods on
  // one node or every node getting "no route to host" to the kubernetes ClusterIP, calico-node 0/1 on workers, Calico
  // cross-node and NodePort only on the pod's node, flannel nodes without a podCIDR, hairpin and same-node Service
  // access, ndots, stale or missing headless-Service records, kube-proxy IPVS missing kernel modules, OVN-K host routes
  // lost after netplan apply, martian packets), 2 value questions (hostNetwork pod IP, where a kubelet probe runs
  // from) and 10 no runbook covers (kube-router across subnets, kube-vip VIP, kubectl exec/logs to the kubelet port,
  // kubectl to the API server, Docker Desktop and multi-cluster kind, an OpenVPN chart), labelled and committed before
  // netkb answered them (1cbfda7). Measured once right after (vectors off): first-cited 0.7, command hit 0.536 (28),
  // direct hit 0.5 (2), off-topic 0.194 (32/165), 2 wrong fills of 7 (pod names in two out-of-scope reports), 3 false
  // abstentions, 3 of 10 declined. Floors a little under those figures.
  it('answers real reports from many trackers and declines what no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports19.yaml'));
    await expectFreshRealSet(run, otherSets('reports19.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(10);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(1);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.67,
      commandHit: 0.5,
      directHit: 0.45,
      offTopic: 0.22,
      wrongFills: 2,
      falseAbstentions: 3,
      outOfScope: 0.25,
    });
  });
});

describe('real reports and value questions from 29 trackers, numbers ending 5-9 (tests/eval/reports20.yaml)', () => {
  // 40 real GitHub threads (4 in Chinese): 24 broken paths (CoreDNS not Ready, looping on systemd-resolved, losing its
  // upstream or the API server, pods on one node or on new nodes unable to resolve, FQDN search expansion, a Service
  // that was not headless, br_netfilter not loaded, kubelet probes blocked by an ingress NetworkPolicy, timing out or
  // refused, a probe host only cluster DNS knows, jumbo-frame MTU, source IP with externalIPs, Calico/Cilium installs,
  // pod egress), 8 value questions (hostNetwork pod IP equals the node IP, deny-all egress blocks DNS, flannel's /24
  // per node and 10.244.0.0/16, pure-BGP IPPool setting) and 8 no runbook covers (KubeEdge, Multus/macvlan,
  // Spiderpool, OpenYurt, plain Docker egress, Calico VPP), labelled and committed before netkb answered them
  // (6e23c34). Measured once right after (vectors off): first-cited 0.625, command hit 0.625 (24), direct hit 0.125
  // (8), off-topic 0.238 (41/172), 1 wrong fill of 11, 3 false abstentions, 6 of 8 declined. Raised after the rules that
  // followed (0.719, 0.708, 0.5, 35/178, 0 of 12, 2, 6 of 8): floors a little under.
  it('answers real reports from many trackers and declines what no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports20.yaml'));
    await expectFreshRealSet(run, otherSets('reports20.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(8);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(4);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.7,
      commandHit: 0.68,
      directHit: 0.45,
      offTopic: 0.21,
      wrongFills: 0,
      falseAbstentions: 2,
      outOfScope: 0.7,
    });
  });
});

describe('real reports and value questions from 30 trackers, numbers ending 0-4 (tests/eval/reports21.yaml)', () => {
  // 40 real GitHub threads (5 in Chinese): 24 broken paths (NodePort with externalTrafficPolicy Local, IPVS NodePort
  // on a non-eth NIC, a NetworkPolicy breaking a NodePort, Cilium kube-proxy replacement reaching remote nodes or the
  // API server, NodeLocal DNSCache and CoreDNS timeouts, NXDOMAIN in kind, a kubelet clusterDNS that does not match
  // kube-dns, apiserver proxy to a pod timing out, flannel subnet.env and duplicate subnets, pods on a new node,
  // Calico after a restart or with two NICs, hairpin, a Service without a selector, kube-ovn-cni not rolling out),
  // 8 value questions (host-gw needs layer 2, headless Service records, hostNetwork pod IP, IPIP is IP protocol 4,
  // ClusterFirstWithHostNet, the NodePort range, NetworkPolicy and hostNetwork pods, kube-dns 10.96.0.10) and 8 no
  // runbook covers (Multus/macvlan, kube-vip, ovs-cni, plain Docker egress, ingress-nginx, Istio), labelled and
  // committed before netkb answered them (7479bbc). Measured once right after (vectors off): first-cited 0.813,
  // command hit 0.667 (24), direct hit 0.625 (8), off-topic 0.143 (28/196), 1 wrong fill of 5, 1 false abstention,
  // 6 of 8 declined: floors a little under.
  it('answers real reports from many trackers and declines what no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports21.yaml'));
    await expectFreshRealSet(run, otherSets('reports21.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(8);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(5);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.78,
      commandHit: 0.64,
      directHit: 0.6,
      offTopic: 0.16,
      wrongFills: 1,
      falseAbstentions: 1,
      outOfScope: 0.7,
    });
  });
});

describe('real reports and value questions from 30 trackers, numbers ending 5-9 (tests/eval/reports22.yaml)', () => {
  // 40 real GitHub threads (6 in Chinese): 24 broken paths (flannel on the wrong NIC, KubeSphere all-in-one without
  // internet, NodePort from the LAN, Calico tunl0 nopmtudisc, node-to-pod with IPIP and tcp_tw_recycle, UDP flows after
  // a Service is recreated, kube-router reaching 10.96.0.1 after a reboot, NodePort via a VIP with Cilium kube-proxy
  // replacement, pod egress not SNATed, Cilium on RKE2 without iptables, hostPort with network policy, kube-ovn
  // underlay upgrade, Calico on Azure, on k0s and only after restarting calico-node, flannel routes missing, flannel
  // stuck in Init, a missing subnet.env, kube-dns lookups failing or hanging, short names on Docker Desktop, a Cilium
  // upgrade, a MetalLB L2 announcement), 8 value questions (ClusterIP and ping, kube-proxy's default mode, a pod's own
  // DNS name, podSelector and hostNetwork pods, hostNetwork pod IP, flannel's /24, Calico VXLAN on Azure, the NodePort
  // range) and 8 no runbook covers (Docker Swarm, Weave, Antrea br-int, plain Docker, an IPsec VPN container, OpenWrt
  // Docker, 1Panel), labelled and committed before netkb answered them (40031a4). Measured once right after (vectors
  // off): first-cited 0.781, command hit 0.583 (24), direct hit 0.375 (8), off-topic 0.132 (24/182), 4 wrong fills of
  // 7, 2 false abstentions, 2 of 8 declined: floors a little under.
  it('answers real reports from many trackers and declines what no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports22.yaml'));
    await expectFreshRealSet(run, otherSets('reports22.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(8);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(5);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.75,
      commandHit: 0.55,
      directHit: 0.35,
      offTopic: 0.15,
      wrongFills: 4,
      falseAbstentions: 2,
      outOfScope: 0.2,
    });
  });
});

describe('real reports and value questions from 28 trackers, numbers ending 0-4 (tests/eval/reports23.yaml)', () => {
  // 40 real GitHub threads (5 in Chinese): 24 broken paths (kube-proxy without clusterCIDR, IPVS NodePorts after a k3s
  // upgrade, headless Services without ports, Cilium and Calico dual-stack IPv6, ClusterIPs lost in a kubespray upgrade
  // or delayed after an OS upgrade, flannel across Docker hosts, Calico BGP not established, CoreDNS negative caching
  // and timeouts, calico-node not ready, NetworkPolicy not enforced, Cilium toFQDNs drops and cluster-pool, MetalLB L2,
  // a Kube-OVN centralized gateway, publishNotReadyAddresses, StatefulSet DNS on kind, ping6 of a Service name),
  // 8 value questions (ClusterIP and ping, Cilium's default pool, LoadBalancer pending, allow-only policies, ndots,
  // hostNetwork ports, kube-proxy clusterCIDR, not-ready StatefulSet pods in DNS) and 8 no runbook covers
  // (ingress-nginx, Contiv, k3s ServiceLB, plain Docker port publishing, a campus VPN MTU), labelled and committed
  // before netkb answered them (bf63329). Measured once right after (vectors off): first-cited 0.875, command hit
  // 0.708 (24), direct hit 0.375 (8), off-topic 0.051 (10/195), 3 wrong fills of 7, 2 false abstentions, 2 of 8
  // declined: floors a little under.
  it('answers real reports from many trackers and declines what no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports23.yaml'));
    await expectFreshRealSet(run, otherSets('reports23.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(8);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(5);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.82,
      commandHit: 0.65,
      directHit: 0.35,
      offTopic: 0.08,
      wrongFills: 3,
      falseAbstentions: 2,
      outOfScope: 0.2,
    });
  });
});

describe('real reports and value questions from 31 trackers, numbers ending 5-9 (tests/eval/reports24.yaml)', () => {
  // 40 real GitHub threads (6 in Chinese): 24 broken paths (NetworkPolicy not enforced on Weave, OpenShift, Rancher
  // Desktop, Canal and for egress; kube-dns timeouts and refusals, kubelet cluster-dns not matching kube-dns; NodePort
  // and ClusterIP unreachable, kube-proxy iptables-restore failing, IPVS affinity; flannel across nodes and host-local
  // IPs; Calico BGP, VXLAN checksum offload and egress; Cilium pods down; an OVN-Kubernetes cross-host ping),
  // 8 value questions (hostNetwork pod IP, hairpin, the 5 s DNS delay, IPIP overhead, NodePort range, kubelet
  // cluster-dns, egress source IP, ClusterIP and ping) and 8 no runbook covers (Istio, Docker Compose, nerdctl, a
  // docker-builder container, a CNI not installed, plain Docker port publishing), labelled and committed before netkb
  // answered them (26425a0). Measured once right after (vectors off): first-cited 0.719, command hit 0.5 (24), direct
  // hit 0.25 (8), off-topic 0.041 (6/148), 2 wrong fills of 7, 8 false abstentions, 4 of 8 declined: floors a little
  // under.
  it('answers real reports from many trackers and declines what no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports24.yaml'));
    await expectFreshRealSet(run, otherSets('reports24.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(8);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(5);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.66,
      commandHit: 0.45,
      directHit: 0.2,
      offTopic: 0.07,
      wrongFills: 2,
      falseAbstentions: 8,
      outOfScope: 0.45,
    });
  });
});

describe('real reports and value questions from 23 trackers, numbers ending 0-4 (tests/eval/reports25.yaml)', () => {
  // 32 real GitHub threads (5 in Chinese): 17 broken paths (ClusterIP and API-server VIP unreachable, a pod calling
  // its own Service; Calico cross-host drops, policy rules, VXLAN loss and throughput, a host reboot; NetworkPolicy not
  // enforced on EKS; NodePort unreachable from outside; CoreDNS SERVFAIL / loop and CrashLoopBackOff; a pod that cannot
  // reach a LAN host; k3s flannel VXLAN timeouts), 5 value questions (hostNetwork port conflicts, the 5 s DNS delay,
  // VXLAN overhead, egress source IP, bridge-nf-call-iptables) and 10 no runbook covers (ingress-nginx / OSM 502s,
  // Istio resets, plain Docker networking), labelled and committed before netkb answered them (8ddef11). Measured once
  // right after (vectors off): first-cited 0.682, command hit 0.647 (17), direct hit 0.2 (5), off-topic 0.172
  // (20/116), 1 wrong fill of 5, 1 false abstention, 8 of 10 declined: floors a little under.
  it('answers real reports from many trackers and declines what no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports25.yaml'));
    await expectFreshRealSet(run, otherSets('reports25.yaml'), { minQuestions: 32, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(8);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(5);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.62,
      commandHit: 0.58,
      directHit: 0.15,
      offTopic: 0.2,
      wrongFills: 2,
      falseAbstentions: 2,
      outOfScope: 0.7,
    });
  });
});

describe('real reports and value questions from 28 trackers, numbers ending 5-9 (tests/eval/reports26.yaml)', () => {
  // 40 real GitHub threads (3 in Chinese: fresh Chinese threads ran out): 24 broken paths (kube-proxy iptables and
  // conntrack INVALID resets; kube-dns / CoreDNS crash loops, pending, not resolving Services; headless pod records;
  // masquerade, flannel iptables and subnet.env; k3d across servers; Canal FORWARD DROP breaking a NodePort; Calico
  // handing a pod the tunl0 IP; a ClusterIP unreachable on Rancher), 8 value questions (flannel's VXLAN port,
  // LoadBalancer <pending> on bare metal, kubelet clusterDNS, hostNetwork dnsPolicy, the kube-dns selector label) and 8
  // no runbook covers (Istio, Traefik, plain Docker, Multus, port-forward, a CNI not installed), labelled and committed
  // before netkb answered them (2e7efb5). Measured once right after (vectors off): first-cited 0.906, command hit 0.813
  // (32), direct hit 0.375 (8), off-topic 0.027 (5/185), 4 wrong fills of 10, 2 false abstentions, 4 of 8 declined:
  // floors a little under.
  it('answers real reports from many trackers and declines what no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports26.yaml'));
    await expectFreshRealSet(run, otherSets('reports26.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(8);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(3);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.85,
      commandHit: 0.75,
      directHit: 0.3,
      offTopic: 0.06,
      wrongFills: 5,
      falseAbstentions: 3,
      outOfScope: 0.4,
    });
  });
});

describe('real reports and value questions from 26 trackers, numbers ending 0-4 (tests/eval/reports27.yaml)', () => {
  // 40 real GitHub threads (5 in Chinese): 24 broken paths (NodePorts dropped in FORWARD or unreachable on clouds and
  // minikube; Cilium health endpoints, kube-proxy replacement and toFQDN egress policies; CoreDNS failures on kind and
  // after a reset; Calico upgrades, policies and VXLAN CrossSubnet routes; the apiserver Service unreachable, resets
  // answered from the pod IP, kube-proxy iptables-restore and ipvs mode), 8 value questions (hostNetwork dnsPolicy,
  // egress source address, pods carrying the node address, the kube-dns ClusterIP, whether a Service or MetalLB IP
  // answers ping, the default kube-proxy mode, ndots:5) and 8 no runbook covers (Istio, podman, Weave, Antrea, Docker on
  // Windows, WSL2, Docker Compose), labelled and committed before netkb answered them (143b930). Measured once right
  // after (vectors off): first-cited 0.781, command hit 0.563 (32), direct hit 0.25 (8), off-topic 0.157 (29/185), 1
  // wrong fill of 14, 1 false abstention, 1 of 8 declined: floors a little under.
  it('answers real reports from many trackers and declines what no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports27.yaml'));
    await expectFreshRealSet(run, otherSets('reports27.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(8);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(3);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.75,
      commandHit: 0.5,
      directHit: 0.2,
      offTopic: 0.18,
      wrongFills: 2,
      falseAbstentions: 2,
      outOfScope: 0.1,
    });
  });
});

describe('real reports from application and operator trackers, numbers ending 5-9 (tests/eval/reports28.yaml)', () => {
  // 40 real GitHub threads (10 in Chinese), 38 of them from application, platform, chart, operator and CI trackers
  // (Harbor, Nacos, Dubbo, Apollo, XXL-JOB, Seata, RocketMQ, Strimzi, Argo CD, Airflow, Jenkins, GitLab, Rancher,
  // KubeSphere, Keycloak, bitnami charts) where the reporter tells the network symptom in the application's terms: 24
  // broken paths (cluster DNS refusing or timing out, a Service name that does not exist, Services timing out, a
  // NodePort on minikube, a backend listening on localhost only, NetworkPolicies of chart-made policies, StatefulSet
  // pod names behind headless Services, a hostNetwork dnsPolicy, docker-in-docker MTU stalls), 8 value questions (pod
  // IPs from outside the cluster, pod names in DNS, client and egress source addresses, stale client IPs, the NodePort
  // range, a 1450 pod MTU) and 8 no runbook covers (Dubbo and XXL-JOB registration, Seata on Istio and Docker,
  // Harbor on Docker), labelled and committed before netkb answered them (4ad33ee; names completed by the same rule
  // in 32783e0). Measured once after (vectors off): first-cited 0.656, command hit 0.5 (12 of 24), direct hit 0.125
  // (1 of 8), off-topic 0.11 (16/146), 0 wrong fills of 11, 8 false abstentions, 7 of 8 declined: floors a little
  // under.
  it('answers real reports told in application terms and declines what no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports28.yaml'));
    await expectFreshRealSet(run, otherSets('reports28.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(8);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(5);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.6,
      commandHit: 0.45,
      directHit: 0.1,
      offTopic: 0.14,
      wrongFills: 1,
      falseAbstentions: 10,
      outOfScope: 0.75,
    });
  });
});

describe('real reports from application, platform and networking trackers, numbers ending 0-4 (tests/eval/reports29.yaml)', () => {
  // 40 real GitHub threads (6 in Chinese) from 31 trackers, 31 of them application, platform, chart and operator
  // trackers (Argo CD, Harbor, Nacos, Dubbo, Apollo, XXL-JOB, Seata, RocketMQ, Strimzi, Airflow, Jenkins, Rancher,
  // MongoDB, RabbitMQ, bitnami charts) where the reporter tells the network symptom in the application's terms: 24
  // broken paths (Service names that do not exist, Services timing out, cluster DNS failing for agents and jobs,
  // StatefulSet pod names behind headless Services, a pod reaching itself through its Service, canal pods unreachable
  // across nodes, Calico BGP, externalTrafficPolicy Local), 8 value questions (pod IPs from outside the cluster, client
  // source IPs, which Service type gets an external IP, not-ready pods in DNS, the listen address, where a NodePort is
  // exposed, search domains, the NodePort range) and 8 no runbook covers (registration in Dubbo, XXL-JOB, Apollo and
  // Seata, Harbor on Docker, database connection pools), labelled and committed before netkb answered them (4438a81).
  // Measured once after (vectors off): first-cited 0.625, command hit 0.542 (13 of 24), direct hit 0.25 (2 of 8),
  // off-topic 0.083 (11/133), 4 wrong fills of 12, 9 false abstentions, 6 of 8 declined: floors a little under.
  it('answers real reports told in application terms and declines what no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports29.yaml'));
    await expectFreshRealSet(run, otherSets('reports29.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(8);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(5);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.58,
      commandHit: 0.5,
      directHit: 0.2,
      offTopic: 0.12,
      wrongFills: 5,
      falseAbstentions: 11,
      outOfScope: 0.7,
    });
  });
});

describe('real reports from application, chart, operator and networking trackers, numbers ending 5-9 (tests/eval/reports30.yaml)', () => {
  // 40 real GitHub threads (5 in Chinese) from 35 trackers, most of them application, chart and operator trackers
  // (Jenkins, KubeSphere, Rancher, MariaDB and MySQL operators, Strimzi, Airflow, Harbor, Redash, CLP, ZooKeeper and
  // Kafka charts, HAProxy ingress, Consul, RocketMQ, Apollo, Seata, ProxySQL, Kubeapps) where the reporter tells the
  // network symptom in the application's terms: 24 broken paths (cluster DNS, StatefulSet pod names behind headless
  // Services, Services timing out or refusing, NodePort from a desktop host, an external database, client IP behind
  // externalTrafficPolicy Local), 8 value questions (pod DNS names, headless Services and client-side balancing, gRPC
  // over a Service, egress source IP, DNS cache time, real client IP) and 8 no runbook covers, labelled and committed
  // before netkb answered them (b2fe371). Measured once after (vectors off): first-cited 0.656, command hit 0.583
  // (14 of 24), direct hit 0.125 (1 of 8), off-topic 0.18 (29/161), 6 wrong fills of 17, 5 false abstentions, 3 of 8
  // declined: floors a little under.
  it('answers real reports told in application terms and declines what no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports30.yaml'));
    await expectFreshRealSet(run, otherSets('reports30.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(8);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(5);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.6,
      commandHit: 0.5,
      directHit: 0.1,
      // 35 off-topic of 166 since a row's shorthand and its full form are one check shown once (one fewer command).
      offTopic: 0.22,
      wrongFills: 7,
      falseAbstentions: 7,
      outOfScope: 0.3,
    });
  });
});

describe('real reports from application, chart, operator and networking trackers, numbers ending 0-4 (tests/eval/reports31.yaml)', () => {
  // 40 real GitHub threads (5 with Chinese) from 34 trackers, 32 of them application, chart, operator or platform
  // trackers (Rancher, Sentry, Bitnami, Kubeflow, Mattermost, Pulsar, Spark, Loki, Argo Workflows, NetBox,
  // Elasticsearch, Appwrite, RocketMQ, KubeBlocks, Nacos, MySQL operator, authentik, APISIX, Keycloak, Harbor, XXL-JOB,
  // Halo, Airflow, DolphinScheduler) where the reporter tells the network symptom in the application's terms: 24 broken
  // paths (Service names that do not resolve from an app pod, headless and per-pod names, Services without endpoints
  // or that stay dead after their pod is recreated, a webhook timing out on rke2), 8 value questions (pod IPs outside
  // the cluster, search domains across namespaces, node IP as client IP, real client IP, not-ready pods in headless
  // DNS, the NodePort range) and 8 no runbook covers, labelled and committed before netkb answered them (bf41658, two
  // sources swapped in 8f6315c). Measured once after (vectors off): first-cited 0.531, command hit 0.375 (9 of 24),
  // direct hit 0.25 (2 of 8), off-topic 0.248 (32/129), 2 wrong fills of 13, 9 false abstentions, 6 of 8 declined:
  // floors a little under.
  it('answers real reports told in application terms and declines what no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports31.yaml'));
    await expectFreshRealSet(run, otherSets('reports31.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(8);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(5);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.5,
      commandHit: 0.33,
      directHit: 0.2,
      offTopic: 0.28,
      wrongFills: 3,
      falseAbstentions: 11,
      outOfScope: 0.6,
    });
  });
});
describe('real reports from application, chart, operator and networking trackers, numbers ending 5-9 (tests/eval/reports32.yaml)', () => {
  // 41 real GitHub threads (10 with Chinese) from 37 trackers, 30 of them application, chart, operator or platform
  // trackers (Bitnami, Redis, Nacos, Keycloak, ShardingSphere, Couchbase, Scylla, Varnish, sigstore, RocketMQ, Halo,
  // Rainbond, DolphinScheduler) where the reporter tells the network symptom in the application's terms: 25 broken
  // paths (headless and per-pod names, Service names that do not resolve or no longer exist, Services without
  // endpoints, the API server timing out on webhook pods, a deny-all policy blocking kube-dns, cross-node upstream
  // timeouts, an MTU stall, egress to a LAN NodePort and to an intranet overlapping the pod CIDR), 8 value questions
  // and 8 no runbook covers (apps under Docker Compose, bare hosts), labelled and committed before netkb answered
  // them (a97414e). Measured once after (vectors off): first-cited 0.485, command hit 0.4 (10 of 25), direct hit 0
  // (of 8), off-topic 0.369 (52/141), 5 wrong fills of 10, 7 false abstentions, 8 of 8 declined: floors a little under.
  it('answers real reports told in application terms and declines what no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports32.yaml'));
    await expectFreshRealSet(run, otherSets('reports32.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(8);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(10);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.45,
      commandHit: 0.36,
      offTopic: 0.4,
      wrongFills: 6,
      falseAbstentions: 8,
      outOfScope: 1,
    });
  });
});
describe('real reports from application, chart, operator and networking trackers, numbers ending 0-4 (tests/eval/reports33.yaml)', () => {
  // 42 real GitHub threads (11 with Chinese) from 36 trackers, most of them application, chart, operator or platform
  // trackers (Nacos, Airflow, Sentry, RabbitMQ, Redpanda, Strimzi, APISIX, Seata, DolphinScheduler, Rainbond, Halo)
  // where the reporter tells the network symptom in the application's terms: 24 broken paths (headless and per-pod
  // names, Service names that do not resolve, the API server's ClusterIP timing out, a webhook call timing out, pods
  // that cannot reach outside hosts or each other through a load balancer IP), 8 value questions and 10 no runbook
  // covers (apps under Docker Compose or on bare hosts, an app registering its container IP), labelled and committed
  // before netkb answered them (b7056f5). Measured once after (vectors off): first-cited 0.469, command hit 0.5 (12 of
  // 24), direct hit 0 (of 8), off-topic 0.306 (41/134), 3 wrong fills of 11, 8 false abstentions, 9 of 10 declined:
  // floors a little under.
  it('answers real reports told in application terms and declines what no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports33.yaml'));
    await expectFreshRealSet(run, otherSets('reports33.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(10);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(10);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.44,
      commandHit: 0.45,
      offTopic: 0.34,
      wrongFills: 4,
      falseAbstentions: 9,
      outOfScope: 0.9,
    });
  });
});
describe('real reports from application, chart, operator and networking trackers, numbers ending 5-9 (tests/eval/reports34.yaml)', () => {
  // 44 real GitHub threads (10 with Chinese) from 36 trackers, about a quarter of them networking trackers, the rest
  // application, chart and platform trackers (Kafka, Jenkins, APISIX, Nacos, MongoDB, Rancher, DolphinScheduler, Halo)
  // where the reporter tells the network symptom in the application's terms: 24 broken paths (names resolving to a
  // wildcard IP or only sometimes, headless peers, a pod reaching its own Service, NodePort brokers advertising node
  // IPs, egress not masqueraded, a full conntrack table), 8 value questions and 12 no runbook covers (Istio, Docker
  // Compose, Seata under Docker, an egress gateway product), labelled and committed before netkb answered them
  // (6e7f886). Measured once after (vectors off): first-cited 0.656, command hit 0.583 (14 of 24), direct hit 0.5 (4
  // of 8), off-topic 0.154 (24/156), 2 wrong fills of 12, 5 false abstentions, 11 of 12 declined: floors a little under.
  it('answers real reports told in application terms and declines what no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports34.yaml'));
    await expectFreshRealSet(run, otherSets('reports34.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(12);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(10);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.62,
      commandHit: 0.54,
      offTopic: 0.19,
      wrongFills: 3,
      falseAbstentions: 6,
      outOfScope: 0.9,
    });
  });
});
describe('real reports from application, chart, operator and networking trackers, numbers ending 0-4 (tests/eval/reports35.yaml)', () => {
  // 43 real GitHub threads (13 with Chinese) from 31 trackers, about a quarter of them networking trackers, the rest
  // application, chart and platform trackers (Nacos, Kafka, Cassandra, APISIX, Seata, DolphinScheduler, Halo,
  // KubeSphere) where the reporter tells the network symptom in the application's terms: 24 broken paths (headless
  // peers that do not resolve, cluster DNS failing for one app, a ClusterIP with "no route to host", a NodePort answering
  // on one node, egress to the LAN, Calico BIRD routes), 8 value questions and 11 no runbook covers (Docker Compose,
  // nacos gRPC behind an ingress, an Istio sidecar, apps announcing pod IPs), labelled and committed before netkb
  // answered them (d8b233b). Measured once after (vectors off): first-cited 0.719, command hit 0.583 (14 of 24), direct
  // hit 0.125 (1 of 8), off-topic 0.08 (13/162), 2 wrong fills of 4, 6 false abstentions, 8 of 11 declined: floors a
  // little under.
  it('answers real reports told in application terms and declines what no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports35.yaml'));
    await expectFreshRealSet(run, otherSets('reports35.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(11);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(13);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.68,
      commandHit: 0.54,
      offTopic: 0.12,
      wrongFills: 3,
      falseAbstentions: 7,
      outOfScope: 0.7,
    });
  });
});
describe('real reports from application, chart, operator and networking trackers, numbers ending 0-4 (tests/eval/reports36.yaml)', () => {
  // 43 real GitHub threads (10 with Chinese) from 31 trackers, about a third of them networking trackers, the rest
  // application, chart and platform trackers (Nacos, Apollo, Doris, Flink, Pulsar, MinIO, Elasticsearch, RabbitMQ)
  // where the reporter tells the network symptom in the application's terms: 24 broken paths (the API server reaching
  // webhook and aggregated-API Services, Services whose selector matches no pod, headless names, NodePorts, Calico
  // picking the wrong BGP address, egress), 8 value questions and 11 no runbook covers (Docker Compose, apps
  // registering pod IPs in Nacos, brokers reached from outside), labelled and committed before netkb answered them
  // (0043b46). Measured once after (vectors off): first-cited 0.563, command hit 0.5 (12 of 24), direct hit 0.125 (1 of
  // 8), off-topic 0.186 (24/129), 2 wrong fills of 6, 8 false abstentions, 8 of 11 declined: floors a little under.
  it('answers real reports told in application terms and declines what no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports36.yaml'));
    await expectFreshRealSet(run, otherSets('reports36.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(11);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(10);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.52,
      commandHit: 0.45,
      offTopic: 0.22,
      wrongFills: 3,
      falseAbstentions: 9,
      outOfScope: 0.7,
    });
  });
});
describe('real reports from application, chart, operator and platform trackers, numbers ending 5-9 (tests/eval/reports37.yaml)', () => {
  // 40 real GitHub threads (9 with Chinese) from 32 trackers, nearly all application, chart, operator and platform
  // trackers (Kafka, Milvus, ClickHouse Keeper, Redis Sentinel, Keycloak, Loki, Airflow, Prometheus, RKE2) because
  // almost every networking-tracker thread with these endings was already used: 22 broken paths (Services and
  // ingresses that time out or forward to the wrong port, kube-dns names that do not resolve, headless member names,
  // a NodePort, egress refused on 443), 1 value question and 17 no runbook covers (app-level refusals, registries
  // publishing pod IPs, gateway UIs, Docker Compose, Istio sidecars, Pi-hole), labelled and committed before netkb
  // answered them (cf4e5e1). Measured once after (vectors off): first-cited 0.522 (12 of 23), command hit 0.409 (9 of
  // 22), direct hit 0 of 1, off-topic 0.236 (21/89), 1 wrong fill of 3, 7 false abstentions, 9 of 17 declined: floors
  // a little under.
  it('answers real reports told in application terms and declines what no runbook covers', async () => {
    const run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/reports37.yaml'));
    await expectFreshRealSet(run, otherSets('reports37.yaml'), { minQuestions: 40, anyHost: true });
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(17);
    expect(run.questions.filter((q) => /\p{Script=Han}/u.test(q.question)).length).toBeGreaterThanOrEqual(9);
    expectAnswerGates(run.report.answers, {
      firstCited: 0.48,
      commandHit: 0.36,
      offTopic: 0.27,
      wrongFills: 2,
      falseAbstentions: 8,
      outOfScope: 0.47,
    });
  });
});
