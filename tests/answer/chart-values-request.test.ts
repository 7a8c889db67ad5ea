import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uncoveredChartValuesRequest } from '../../src/answer/chart-values-request.js';
import { answerChat } from '../../src/answer/chat.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import { buildFixtureIndex, type FixtureIndex } from './fixture-index.js';

describe("uncoveredChartValuesRequest: a request to set a field of an application's chart, no path failing", () => {
  it.each([
    // Real trinodb/charts#203 (shortened): how to set a field through the chart.
    "Set nodePort on deploy using Helm and Kubernetes. Hi, I couldn't find in the documentation how to configure a nodePort in Service. I would like to fix it and not let kubernetes define it, as I use this port in an ALB Target Group.",
    // Real kubernetes-retired/dashboard#5282 (shortened): a feature request for a chart value.
    'Support loadBalancerIP for service in helm chart. What would you like to be added: I would like the helm charts to support loadBalancerIP spec for the service.',
    // Real tinkerbell/charts#123 (shortened): the body states the chart's own failure, not a path's.
    "Add support for annotations on `loadbalancer` service. Unable to apply custom annotations to the nginx loadBalancer service: they must be present at creation time, otherwise they'll stay in a failed state. Expose annotations for the service in `values.yml`.",
    // Real helm/charts#6980: a verb in the third person after a chart tag.
    '[stable/prestashop] adds `externalTrafficPolicy` configurable chart parameter. This PR exposes the externalTrafficPolicy service parameter.',
    // Real infinispan/infinispan-operator#1170: a dotted values key set on the command line.
    'Docs: Set xsite service expose type = NodePort. if you set service.site.local.expose.type=NodePort then you can configure the exposed port number with service.site.local.expose.nodePort=<portnum>',
    // Constructed: Chinese, how to set a NodePort through the chart's values.
    '如何在 helm chart 的 values.yaml 里设置 nodePort？现在每次安装端口都会变，想固定成 30080。',
  ])('%s → declined', (question) => {
    expect(uncoveredChartValuesRequest(question)).toContain('chart');
  });
  it.each([
    // Real (reports5.yaml, shortened): the chart request fixes a resolution the body says fails.
    'Allow helm chart to specify dnsPolicy. When running Crossplane with hostNetwork: true it is unable to resolve the DNS entries of functions, because the default dnsPolicy falls back to Default.',
    // Real (reports19.yaml, shortened): peers cannot be resolved while not ready.
    '[nats helm] Add publishNotReadyAddresses: true to Headless Service. While the pod is in a non-ready state, DNS remains unresolveable, meaning that JetStream can never discover other pods.',
    // Real neo4j/helm-charts#52 (shortened): the default policy is said not to work through the load balancer.
    'Add support for configuring Service ExternalTrafficPolicy Settings. We deployed a cluster using helm, and the default setting for ExternalTrafficPolicy is not working with exposing bolt as external Loadbalancer.',
    // Constructed: a failure in the first sentence, whatever chart it names.
    'Set up with the helm chart, but the NodePort is not reachable from outside the node.',
    // Constructed: a probe of the path pasted in the body.
    'Allow setting nodePort in values.yaml. After setting it by hand, curl 10.0.0.5:30080 hangs and then times out.',
    // Constructed: Chinese, the path is said to fail.
    '如何在 helm chart 里配置 NodePort？配置后从集群外访问不通。',
    // Constructed: a request that names no chart or values.
    'Set nodePort to a fixed value for the kube-dns Service?',
  ])('%s → left to the runbooks', (question) => {
    expect(uncoveredChartValuesRequest(question)).toBeNull();
  });
});

describe('a chart request in a first answer over the bundled KB', () => {
  let index: FixtureIndex;
  beforeAll(async () => {
    index = await buildFixtureIndex(path.resolve(import.meta.dirname, '../../kb'));
  });
  afterAll(() => index.cleanup());
  const ask = async (message: string) =>
    (await answerChat({ searcher: index.searcher, conversations: new ConversationStore() }, { message }))
      .body;

  it('is declined when it asks how to set the field', async () => {
    const body = await ask(
      'Set nodePort on deploy using Helm. I could not find in the documentation how to configure a nodePort in the Service of this chart.',
    );
    expect(body.abstained).toBe(true);
  });
  it('is answered when it also asks a value a runbook states', async () => {
    const body = await ask(
      'Make the NodePort of the ingress controller configurable in the helm chart. Today a random port is allocated on install. Which port range does a NodePort come from?',
    );
    expect(body.abstained).toBe(false);
    expect(body.answer).toContain('30000-32767');
  });
});
