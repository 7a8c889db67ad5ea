import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import { statedSymptomRow } from '../../src/answer/stated-symptom.js';
import type { DocRecord } from '../../src/core/types.js';
import { ingestKb } from '../../src/index/ingest-kb.js';
import { openSearcher } from '../../src/index/open-searcher.js';
import { parseDocument } from '../../src/ingest/document.js';
import type { Searcher } from '../../src/retrieve/types.js';

const KB = path.resolve(import.meta.dirname, '../../kb');
const runbook = (relative: string): DocRecord =>
  parseDocument(relative, readFileSync(path.join(KB, relative), 'utf8'));

/** "Itself" and "times out" in both languages as concepts, as glossary groups would make them. */
const itself = (text: string) => [
  ...(/itself|自己|hairpin/i.test(text) ? ['g-self'] : []),
  ...(/times? out|hangs|超时/i.test(text) ? ['g-timeout'] : []),
];
const HAIRPIN_ROW = 'Pod 通过自己的 Service 访问自己超时';

describe('the row whose symptom a report states', () => {
  const clusterip = runbook('service/clusterip-troubleshooting.md');

  it('is the row whose symptom holds clearly the most of the report, in English and in Chinese', () => {
    const english =
      "Pod unable to reach itself through a service. It seems that the networking configuration doesn't allow a " +
      'pod to reach itself through its service: curl my-nginx times out, while curl to the pod name works.';
    expect(statedSymptomRow(english, clusterip, itself)?.symptom).toBe(HAIRPIN_ROW);
    const chinese = 'Pod 通过自己的 Service 访问自己一直超时，从别的 Pod 通过 Service 访问它正常。';
    expect(statedSymptomRow(chinese, clusterip, itself)?.symptom).toBe(HAIRPIN_ROW);
  });

  it('is none when the report states no row, or two rows alike', () => {
    expect(statedSymptomRow('The cluster is slow sometimes, any idea?', clusterip, itself)).toBeUndefined();
    expect(statedSymptomRow('集群有时候很慢，怎么排查？', clusterip, itself)).toBeUndefined();
    // A service that "does not work" is what every row says in its own way: none of them is stated.
    expect(statedSymptomRow('My service does not work from the pod.', clusterip, itself)).toBeUndefined();
    expect(statedSymptomRow('Pod 访问 Service 不通。', clusterip, itself)).toBeUndefined();
  });

  it("is none for a long report whose headline names another problem, however its body's words match a row", () => {
    const body =
      ' Setup: kubeadm v1.27, flannel, three nodes. Every pod is running and the endpoints list the pod IPs. ' +
      'We also saw, earlier, that a pod reaching itself through its own service times out, and that a pod ' +
      'calling itself through the service times out too, but that was fixed last week by the network team.';
    expect(
      statedSymptomRow(`NodePort 30080 is unreachable from outside the cluster.${body}`, clusterip, itself),
    ).toBeUndefined();
    // The same body under a headline stating that very symptom: it is stated.
    expect(
      statedSymptomRow(
        `Pod cannot reach itself through its own service, it times out.${body}`,
        clusterip,
        itself,
      )?.symptom,
    ).toBe(HAIRPIN_ROW);
  });
});

describe('on the bundled kb/: two runbooks scoring close keep the stated symptom row check', () => {
  let tmp: string;
  let searcher: Searcher;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-stated-symptom-'));
    await ingestKb({ kbDir: KB, indexDir: tmp, embedder: null, vectorsDisabledReason: 'test' });
    searcher = await openSearcher(tmp, { embedder: null, vectorsDisabledReason: 'test' });
  }, 120_000);
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('a pod reaching itself through its service gets the hairpin check within four checks', async () => {
    // A real report (canonical/microk8s#858, reports17.yaml): another runbook scores close, only four checks are
    // kept, and the ClusterIP curl, listen and rule checks sharing its words took all four places.
    const message =
      "Pod unable to reach itself through a service. It seems that the networking configuration in microk8s doesn't allow a pod to reach itself through a service. kubectl run my-nginx --image=nginx; kubectl expose deploy my-nginx --port=80; kubectl exec -it deploy/my-nginx -- bash; curl my-nginx # <-- hangs; nslookup my-nginx # DNS works; curl my-nginx-948577f65-c9t5c ## Using the pod name directly works. Seen on v1.15.6 on Ubuntu 19.10.";
    const { body } = await answerChat({ searcher, conversations: new ConversationStore() }, { message });
    expect(body.citations[0]?.path).toBe('service/clusterip-troubleshooting.md');
    const commands = body.commands.map((c) => c.command);
    expect(commands).toContainEqual(expect.stringContaining('hairpin_mode'));
    expect(commands.length).toBeLessThanOrEqual(4);
  });
});
