import { describe, expect, it } from 'vitest';
import { NEGATED } from '../../../src/answer/direct/asking.js';
import { contradictsClause, subjectWords, whySubjectShared } from '../../../src/answer/direct/why-subject.js';
import { variantsOf } from '../../../src/answer/direct/words.js';
import { termsRead, termsWithConcepts } from '../../../src/answer/rank-rows.js';

/** What the line shares with the why clause's subject, in a runbook titled `title`. */
function shared(why: string, line: string, title = '') {
  return whySubjectShared(termsRead(why), termsWithConcepts(line, undefined), variantsOf, termsRead(title));
}

describe('subjectWords', () => {
  it('keeps the words naming a thing, not those every runbook line shares', () => {
    const words = subjectWords(
      termsRead('Why do pods that are not ready yet not show up behind the headless Service'),
    );
    expect(words).toContain('ready');
    expect(words).toContain('headless');
    expect(words).not.toContain('pods');
    expect(words).not.toContain('service');
  });
});

describe('whySubjectShared', () => {
  it('finds the rule line about the subject, with the title completing it', () => {
    expect(
      shared(
        'Why do pods that are not ready yet not show up behind the headless Service',
        '只有 Ready 端点出现在 DNS 中，除非 Service 设置了 `publishNotReadyAddresses: true`。',
        'Headless Service 与 StatefulSet DNS',
      ),
    ).toEqual({ inLine: 2, beyondTitle: 2 });
    expect(
      shared(
        'Why must Calico use VXLAN rather than IPIP on Azure',
        "| IPIP 模式跨节点不通，BGP 正常 | 云安全组/防火墙不放行 IP 协议 4（Azure 不支持 IPIP） | `tcpdump -i <iface> -nn 'ip proto 4'` | 放行 IPIP 协议 |",
      ),
    ).not.toBeNull();
  });

  it('reads a Chinese clause against an English-worded line and the other way round', () => {
    expect(
      shared(
        'Why does a lookup of an external name get the search domains appended',
        '应用调用 resolver，名字中点数少于 5 时先依次拼接 search 域：`default.svc.cluster.local`，最后才查原始名字。',
      ),
    ).not.toBeNull();
    expect(
      shared(
        '为什么 ClusterIP ping 不通',
        '| `ping` ClusterIP 不通，但 curl 正常 | 虚拟地址，不会响应 ping |',
      ),
    ).not.toBeNull();
  });

  it('does not take a line sharing only generic words or one subject word', () => {
    expect(
      shared(
        'Why do pods on the node not get traffic from the service',
        'Pod 流量经过节点上的 Service 规则转发。',
      ),
    ).toBeNull();
    expect(
      shared(
        'Why must Calico use VXLAN rather than IPIP on Azure',
        '| IPIP | 20 字节 | 1480 | `tunl0`（IP 协议 4） |',
      ),
    ).toBeNull();
    expect(shared('为什么 Pod 重启后 IP 会变化', '| hostPort 冲突 | 同一节点端口被占用 |')).toBeNull();
  });

  it('reads "IPIP mode fails" as about IPIP', () => {
    expect(
      shared(
        'Why would Calico IPIP mode fail on Azure',
        'BGP/IPIP 模式下这条路由来自 BIRD 从 node2 学到的 BGP 通告；',
      ),
    ).toBeNull();
  });

  it('lets the title complete the share, never make the subject alone', () => {
    expect(
      shared(
        'Why must Calico use VXLAN rather than IPIP on Azure',
        '| BGP 邻居 | 179 端口 |',
        'Calico BGP 与 IPIP',
      ),
    ).toBeNull();
  });
});

const NEG = NEGATED;

describe('contradictsClause', () => {
  it('finds a negated line against a clause saying it happens', () => {
    expect(
      contradictsClause(
        'Why does a ClusterIP answer ping under IPVS',
        '虚拟地址，不会响应 ping。',
        true,
        NEG,
      ),
    ).toBe(true);
  });

  it('finds a line saying the opposite of what the clause states', () => {
    expect(
      contradictsClause(
        '为什么这个 ClusterIP 能 ping 通',
        '| `ping` ClusterIP 不通，但 curl 正常 | 虚拟地址 |',
        false,
        NEG,
      ),
    ).toBe(true);
  });

  it('takes a line agreeing with the clause, or one the clause says nothing of', () => {
    expect(
      contradictsClause(
        '为什么 ClusterIP ping 不通',
        '| `ping` ClusterIP 不通，但 curl 正常 | 虚拟地址 |',
        false,
        NEG,
      ),
    ).toBe(false);
    expect(
      contradictsClause(
        'Why must Calico use VXLAN rather than IPIP on Azure',
        '| IPIP 模式跨节点不通 | 云安全组不放行 IP 协议 4（Azure 不支持 IPIP） |',
        true,
        NEG,
      ),
    ).toBe(false);
  });
});
