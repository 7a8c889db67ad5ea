import { describe, expect, it } from 'vitest';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';
import { releasePrefixed } from '../../src/answer/release-prefixed.js';

function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('releasePrefixed', () => {
  it('sees the installed `<release>-<name>` written as a Service, its Endpoints, a dialled host or a DNS name', () => {
    expect(releasePrefixed('endpoints/test-clp-results-cache <empty>', 'results-cache')).toBe(true);
    expect(releasePrefixed('kubectl get svc/prod-web -o yaml', 'web')).toBe(true);
    expect(releasePrefixed('dial tcp my-release-redis:6379: i/o timeout', 'redis')).toBe(true);
    expect(releasePrefixed('nslookup my-release-redis.cache.svc 失败', 'redis')).toBe(true);
  });

  it('sees no other object with a longer name', () => {
    expect(releasePrefixed('ingress-nginx cannot route to service nginx', 'nginx')).toBe(false);
    expect(releasePrefixed('the results-cache-init sidecar crash-loops', 'results-cache')).toBe(false);
    expect(releasePrefixed('pod/my-web-7d4b9c8f6d-x2kqz is Running', 'web')).toBe(false);
    expect(releasePrefixed('redis:6379 times out', 'redis')).toBe(false);
  });
});

describe('a chart’s short Service name beside the installed one fills nothing', () => {
  it('leaves `<service-name>` open for the chart’s name', () => {
    const helm =
      'The `results-cache-init` sidecar connects through the `results-cache` Service before any endpoints exist: endpoints/test-clp-results-cache <empty>, ServerSelectionTimeoutError: test-clp-results-cache:27017 Connection refused';
    expect(fills(helm).get('<service-name>')).toBeUndefined();
    expect(fills('kubectl get svc web returns nothing but svc/prod-web exists').get('<service-name>')).toBe(
      'prod-web',
    );
  });

  it('fills the Service when no prefixed form is written', () => {
    expect(
      fills(
        'The `results-cache` Service has no endpoints: kubectl get endpoints results-cache shows <none>',
      ).get('<service-name>'),
    ).toBe('results-cache');
    expect(fills('服务 `order-api` 超时，curl order-api:8080 不通').get('<service-name>')).toBe('order-api');
  });
});
