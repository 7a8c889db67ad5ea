import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import { headlineRow } from '../../src/answer/rank-rows.js';
import type { DocRecord } from '../../src/core/types.js';
import { ingestKb } from '../../src/index/ingest-kb.js';
import { openSearcher } from '../../src/index/open-searcher.js';
import { parseDocument } from '../../src/ingest/document.js';
import type { Searcher } from '../../src/retrieve/types.js';

const KB = path.resolve(import.meta.dirname, '../../kb');
const runbook = (relative: string): DocRecord =>
  parseDocument(relative, readFileSync(path.join(KB, relative), 'utf8'));

/** "Itself" in both languages as one concept, as a glossary group would make it. */
const itself = (text: string) => (/itself|自己|hairpin/i.test(text) ? ['g-self'] : []);
const HAIRPIN_ROW = 'Pod 通过自己的 Service 访问自己超时';

describe("the row a long report's headline names", () => {
  const clusterip = runbook('service/clusterip-troubleshooting.md');
  const body =
    ' To reproduce, create a pod running a simple HTTP server with python -m SimpleHTTPServer on containerPort ' +
    '8000 and a ClusterIP service web-test on port 8000 in namespace default. I was able to curl it from another ' +
    'pod and from the node, and the endpoints list the pod IP.';

  it('is the row sharing clearly the most of the headline, in English and in Chinese', () => {
    expect(
      headlineRow(`Can't reach my own service from the pod itself.${body}`, clusterip, itself)?.symptom,
    ).toBe(HAIRPIN_ROW);
    const chinese =
      'Pod 通过 Service 访问自己一直超时。集群用 kubeadm 部署，CNI 是 flannel，Service 类型是 ClusterIP，' +
      '从别的 Pod 和节点上访问都正常，Endpoints 里也有这个 Pod 的地址，ping ClusterIP 不通，curl 后端 Pod IP 正常。';
    expect(headlineRow(chinese, clusterip, itself)?.symptom).toBe(HAIRPIN_ROW);
  });

  it('is none for a short question, a headline naming little, or one naming two rows alike', () => {
    expect(headlineRow("Can't reach my own service from the pod itself", clusterip, itself)).toBeUndefined();
    expect(headlineRow(`[BUG] help needed.${body}`, clusterip, itself)).toBeUndefined();
    // "connection refused" is said of two rows alike (no endpoints; endpoints fine but refused).
    expect(
      headlineRow(`Requests get connection refused every time.${body}`, clusterip, itself),
    ).toBeUndefined();
    expect(headlineRow(`请求总是 connection refused。${body}`, clusterip, itself)).toBeUndefined();
  });
});

describe("on the bundled kb/: the check of the row a report's headline names has a place", () => {
  let tmp: string;
  let searcher: Searcher;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-headline-row-'));
    await ingestKb({ kbDir: KB, indexDir: tmp, embedder: null, vectorsDisabledReason: 'test' });
    searcher = await openSearcher(tmp, { embedder: null, vectorsDisabledReason: 'test' });
  }, 120_000);
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('a report on reaching a service from its own backend pod gets the hairpin check', async () => {
    // A real report (kubernetes/kubernetes#22717, reports5.yaml): over the whole report the body's curl, endpoint
    // and service words rank the hairpin row third and its check tenth, under the cut.
    const message =
      "Can't use service IP from inside the pod that backs the service. To reproduce, create a pod running a simple HTTP server (ReplicationController web-test, python -m SimpleHTTPServer, containerPort 8000) and a ClusterIP service web-test on port 8000 in namespace default. I was able to curl it from another pod: kubectl exec -it another-pod -- curl -v web-test:8000 returns HTTP 200. From inside the web-test pod itself the same curl does not work.";
    const { body } = await answerChat({ searcher, conversations: new ConversationStore() }, { message });
    expect(body.citations[0]?.path).toBe('service/clusterip-troubleshooting.md');
    const commands = body.commands.map((c) => c.command);
    expect(commands).toContainEqual(expect.stringContaining('hairpin_mode'));
    expect(commands.length).toBeLessThanOrEqual(8);
  });
});
