import { describe, expect, it } from 'vitest';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';
import { proxiedServices } from '../../src/answer/proxied-service.js';

function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('proxiedServices', () => {
  it('reads the Service and namespace of an API server proxy path, both forms', () => {
    expect(
      proxiedServices(
        'http://localhost:8001/api/v1/namespaces/kubernetes-dashboard/services/https:kubernetes-dashboard:/proxy/ returns 503',
      ),
    ).toEqual([expect.objectContaining({ name: 'kubernetes-dashboard', namespace: 'kubernetes-dashboard' })]);
    expect(
      proxiedServices(
        '浏览器访问 http://192.168.1.182:8080/api/v1/proxy/namespaces/kube-system/services/kibana:5601 报错',
      ),
    ).toEqual([expect.objectContaining({ name: 'kibana', namespace: 'kube-system' })]);
  });

  it('does not read a plain API request or cluster-info’s list of proxied Services', () => {
    expect(
      proxiedServices('GET https://10.96.0.1:443/api/v1/namespaces/default/services/kubernetes: timeout'),
    ).toEqual([]);
    expect(
      proxiedServices(
        'kubectl cluster-info: KubeDNS is running at https://10.0.0.1:6443/api/v1/proxy/namespaces/kube-system/services/kube-dns',
      ),
    ).toEqual([]);
  });
});

describe('placeholder fills: a Service reached through the API server proxy', () => {
  it('fills <service-name> with the proxied Service, not a listed one', () => {
    expect(
      fills(
        'Kibana returns 404 at https://<API_SERVER_URL>/api/v1/proxy/namespaces/default/services/kibana:5601\n' +
          'NAME CLUSTER-IP EXTERNAL-IP PORT(S) AGE\n' +
          'svc/elasticsearch 10.0.4.253 23.100.11.242 9200:31517/TCP 1h\n' +
          'svc/kibana 10.0.212.252 40.68.94.216 80:30710/TCP 54m',
      ).get('<service-name>'),
    ).toBe('kibana');
    expect(
      fills(
        'kubectl cluster-info: KubeDNS is running at https://192.168.1.182:6443/api/v1/proxy/namespaces/kube-system/services/kube-dns。' +
          '在浏览器访问 http://192.168.1.182:8080/api/v1/proxy/namespaces/kube-system/services/kubernetes-dashboard/ 后报错：' +
          "Error: 'dial tcp 172.17.0.3:9090: getsockopt: no route to host'",
      ).get('<service-name>'),
    ).toBe('kubernetes-dashboard');
  });

  it('leaves <service-name> open when only an API request names a Service', () => {
    expect(
      fills(
        'calico-node fails: Get https://10.96.0.1:443/api/v1/namespaces/kube-system/services/kube-dns: dial tcp 10.96.0.1:443: i/o timeout',
      ).get('<service-name>'),
    ).toBeUndefined();
  });
});
