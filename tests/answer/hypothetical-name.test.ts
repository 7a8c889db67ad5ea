import { describe, expect, it } from 'vitest';
import { supposedName } from '../../src/answer/hypothetical-name.js';
import { extractEntities } from '../../src/answer/placeholders.js';

/** Whether the name `name` (its first place in `text`) is supposed. */
function supposed(text: string, name: string): boolean {
  return supposedName(text, text.indexOf(name));
}

describe('supposedName', () => {
  it('knows the objects a supposing sentence makes up, in English and Chinese', () => {
    expect(supposed('Assume a Service named foo in the Kubernetes namespace bar.', 'foo')).toBe(true);
    expect(supposed('Assume a Service named foo in the Kubernetes namespace bar.', 'bar')).toBe(true);
    expect(supposed('Suppose you have a pod called web-0 behind a headless Service', 'web-0')).toBe(true);
    expect(supposed('假设有一个名为 my-svc 的服务，pod 里查 my-svc', 'my-svc')).toBe(true);
  });

  it('leaves the reporter’s own objects, and a sentence after the supposing one', () => {
    expect(supposed('I have a service named web-api in namespace shop that times out', 'web-api')).toBe(
      false,
    );
    expect(supposed('We assume the service named web-api is fine, but it times out', 'web-api')).toBe(false);
    expect(supposed('Assume a Service named foo. My pod web-0 cannot resolve it', 'web-0')).toBe(false);
    expect(supposed('我的服务名为 my-svc，假设它正常', 'my-svc')).toBe(false);
  });
});

describe('a quoted documentation example names no object to fill', () => {
  it('fills neither the Service nor the namespace the docs suppose', () => {
    const docs =
      'Issue with k8s.io/docs/concepts/services-networking/dns-pod-service/. I think it should be bar.foo since bar is the namespace "Assume a Service named foo in the Kubernetes namespace bar. A Pod running in namespace bar can look up this service by doing a DNS query for foo."';
    expect(extractEntities(docs).services).toEqual([]);
    expect(extractEntities('假设有一个名为 my-svc 的服务，在 default 命名空间').services).toEqual([]);
  });

  it('still fills the objects the reporter names', () => {
    expect(
      extractEntities('I have a service named web-api in namespace shop that times out').services,
    ).toEqual(['web-api']);
    expect(extractEntities('名为 web-0 的 pod 无法访问 redis 服务').pods).toEqual(['web-0']);
  });
});
