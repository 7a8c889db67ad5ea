/**
 * Every manifest in deploy/kubernetes is validated against the Kubernetes API schemas with `kubernetes-models`
 * (its compiled JSON-schema validators for Kubernetes 1.27+), then checked for what netkb needs: probes on
 * /readyz and /healthz at the serving port, resources, non-root, the Service and NetworkPolicy selecting the
 * pods, and the Secret the Deployment reads. Those schemas, like the API server's, accept unknown fields, so the
 * fields that matter are asserted by name here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { Secret, Service, ServiceAccount } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

const DIR = path.resolve(import.meta.dirname, '../../deploy/kubernetes');

interface Manifest {
  file: string;
  object: { apiVersion: string; kind: string; metadata: { name: string } } & Record<string, unknown>;
}

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'v1/Service': Service,
  'v1/Secret': Secret,
  'v1/ServiceAccount': ServiceAccount,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

function load(): Manifest[] {
  return readdirSync(DIR)
    .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
    .flatMap((file) =>
      parseAllDocuments(readFileSync(path.join(DIR, file), 'utf8')).map((doc) => {
        expect(doc.errors, file).toEqual([]);
        return { file, object: doc.toJS() as Manifest['object'] };
      }),
    );
}

const manifests = load();
const byKind = (kind: string) => manifests.filter((m) => m.object.kind === kind).map((m) => m.object);

describe('deploy/kubernetes', () => {
  it.each(manifests.map((m) => [m.file, m] as const))(
    '%s validates against the Kubernetes schema',
    (_f, m) => {
      const Model = MODELS[`${m.object.apiVersion}/${m.object.kind}`];
      expect(Model, `no model for ${m.object.apiVersion} ${m.object.kind}`).toBeDefined();
      if (!Model) return;
      expect(() => new Model(m.object as never).validate()).not.toThrow();
    },
  );

  it('the validator rejects a wrong manifest (the check can fail)', () => {
    const broken = structuredClone(byKind('Deployment')[0]) as unknown as {
      spec: { template: { spec: { containers: Array<{ ports: Array<{ containerPort: unknown }> }> } } };
    };
    const port = broken.spec.template.spec.containers[0]?.ports[0];
    if (port) port.containerPort = 'eighty';
    expect(() => new Deployment(broken as never).validate()).toThrow(/containerPort must be integer/);
  });

  it('kustomization lists every manifest', () => {
    const kustomization = parseAllDocuments(
      readFileSync(path.join(DIR, 'kustomization.yaml'), 'utf8'),
    )[0]?.toJS() as {
      resources: string[];
    };
    expect([...kustomization.resources].sort()).toEqual([...new Set(manifests.map((m) => m.file))].sort());
  });

  it('the Deployment probes /readyz and /healthz on the serving port, has resources and runs as non-root', () => {
    const [deployment] = byKind('Deployment') as unknown as Array<InstanceType<typeof Deployment>>;
    const pod = deployment?.spec?.template.spec;
    const netkb = pod?.containers.find((c) => c.name === 'netkb');
    expect(netkb).toBeDefined();
    if (!netkb || !pod) return;
    const args = netkb.args ?? [];
    const port = args[args.indexOf('--port') + 1];
    expect(netkb.ports?.find((p) => p.name === 'http')?.containerPort).toBe(Number(port));
    expect(args[args.indexOf('--host') + 1]).toBe('0.0.0.0');
    expect(netkb.readinessProbe?.httpGet).toMatchObject({ path: '/readyz', port: 'http' });
    expect(netkb.livenessProbe?.httpGet).toMatchObject({ path: '/healthz', port: 'http' });
    expect(netkb.resources?.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    expect(netkb.resources?.limits?.memory).toBeDefined();
    expect(pod.securityContext?.runAsNonRoot).toBe(true);
    expect(netkb.securityContext?.readOnlyRootFilesystem).toBe(true);
    // The index is written to a volume (the root filesystem is read-only).
    const indexDir = args[args.indexOf('--index') + 1] ?? '';
    expect(netkb.volumeMounts?.some((v) => indexDir.startsWith(v.mountPath))).toBe(true);
    // The KB comes from the git-sync volume.
    const kbDir = args[args.indexOf('--kb') + 1] ?? '';
    const kbMount = netkb.volumeMounts?.find((v) => kbDir.startsWith(v.mountPath));
    expect(pod.containers.find((c) => c.name === 'git-sync')?.volumeMounts?.map((v) => v.name)).toContain(
      kbMount?.name,
    );
    // Secrets: the Deployment reads the Secret that is shipped, which holds the API tokens.
    const secretName = netkb.envFrom?.[0]?.secretRef?.name;
    const secret = byKind('Secret').find((s) => s.metadata.name === secretName) as
      | { stringData?: object }
      | undefined;
    expect(Object.keys(secret?.stringData ?? {})).toContain('NETKB_API_TOKENS');
  });

  it('the Service, NetworkPolicy and PodDisruptionBudget select the Deployment pods', () => {
    const [deployment] = byKind('Deployment') as unknown as Array<InstanceType<typeof Deployment>>;
    const labels = deployment?.spec?.template.metadata?.labels ?? {};
    const matches = (selector: Record<string, string> | undefined) =>
      Object.entries(selector ?? {}).every(([key, value]) => labels[key] === value) &&
      Object.keys(selector ?? {}).length > 0;
    const [service] = byKind('Service') as unknown as Array<InstanceType<typeof Service>>;
    expect(matches(service?.spec?.selector)).toBe(true);
    expect(service?.spec?.ports?.[0]?.targetPort).toBe('http');
    const [policy] = byKind('NetworkPolicy') as unknown as Array<InstanceType<typeof NetworkPolicy>>;
    expect(matches(policy?.spec?.podSelector?.matchLabels)).toBe(true);
    expect(policy?.spec?.policyTypes).toEqual(['Ingress', 'Egress']);
    const [budget] = byKind('PodDisruptionBudget') as unknown as Array<
      InstanceType<typeof PodDisruptionBudget>
    >;
    expect(matches(budget?.spec?.selector?.matchLabels)).toBe(true);
  });
});
