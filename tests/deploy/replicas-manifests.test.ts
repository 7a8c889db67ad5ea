/**
 * deploy/replicas: every document validates against the Kubernetes API schemas (kubernetes-models), and the
 * wiring that makes two replicas safe holds: 2 replicas, NETKB_DATABASE_URL pointing at the PostgreSQL Service,
 * the Secret key it reads exists, probes on /readyz and /healthz, selectors match.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { Secret, Service } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

const DIR = path.resolve(import.meta.dirname, '../../deploy/replicas');
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  Deployment,
  StatefulSet,
  PodDisruptionBudget,
  Secret,
  Service,
};

// biome-ignore lint/suspicious/noExplicitAny: parsed YAML, walked freely by the assertions below
type Doc = Record<string, any>;

async function documents(): Promise<Doc[]> {
  const kustomization = (await import('yaml')).parse(
    await readFile(path.join(DIR, 'kustomization.yaml'), 'utf8'),
  );
  const all: Doc[] = [];
  for (const file of kustomization.resources as string[]) {
    for (const doc of parseAllDocuments(await readFile(path.join(DIR, file), 'utf8'))) {
      expect(doc.errors).toEqual([]);
      all.push(doc.toJSON());
    }
  }
  return all;
}

describe('deploy/replicas manifests', () => {
  it('every document is a valid Kubernetes object', async () => {
    const docs = await documents();
    expect(docs.map((d) => d.kind).sort()).toEqual(
      ['Deployment', 'PodDisruptionBudget', 'Secret', 'Service', 'Service', 'StatefulSet'].sort(),
    );
    for (const doc of docs) {
      const Model = MODELS[doc.kind];
      expect(Model, doc.kind).toBeDefined();
      if (Model)
        expect(() => new Model(doc as never).validate(), `${doc.kind} ${doc.metadata?.name}`).not.toThrow();
    }
  });

  it('a validation failure is caught (the check can fail)', () => {
    expect(() =>
      new Deployment({ metadata: { name: 'x' }, spec: { replicas: 'two' } } as never).validate(),
    ).toThrow();
  });

  it('two netkb replicas share the PostgreSQL service through NETKB_DATABASE_URL', async () => {
    const docs = await documents();
    const find = (kind: string, name: string) =>
      docs.find((d) => d.kind === kind && d.metadata.name === name);
    const deployment = find('Deployment', 'netkb');
    expect(deployment?.spec.replicas).toBe(2);
    const pod = deployment?.spec.template;
    expect(pod.metadata.labels).toMatchObject(deployment?.spec.selector.matchLabels);
    const container = pod.spec.containers[0];
    const env = Object.fromEntries(container.env.map((e: { name: string }) => [e.name, e]));
    expect(env.NETKB_DATABASE_URL.value).toMatch(
      /^postgres:\/\/netkb:\$\(POSTGRES_PASSWORD\)@netkb-postgres:5432\/netkb$/,
    );
    // $(VAR) expansion only sees variables defined earlier in the list.
    expect(container.env.findIndex((e: { name: string }) => e.name === 'POSTGRES_PASSWORD')).toBeLessThan(
      container.env.findIndex((e: { name: string }) => e.name === 'NETKB_DATABASE_URL'),
    );
    const secretRef = env.POSTGRES_PASSWORD.valueFrom.secretKeyRef;
    expect(find('Secret', secretRef.name)?.stringData).toHaveProperty(secretRef.key);
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    const postgresService = find('Service', 'netkb-postgres');
    const statefulSet = find('StatefulSet', 'netkb-postgres');
    expect(statefulSet?.spec.template.metadata.labels).toMatchObject(postgresService?.spec.selector);
    expect(postgresService?.spec.ports[0].port).toBe(5432);
    const service = find('Service', 'netkb');
    expect(pod.metadata.labels).toMatchObject(service?.spec.selector);
    expect(find('PodDisruptionBudget', 'netkb')?.spec.minAvailable).toBe(1);
  });
});
