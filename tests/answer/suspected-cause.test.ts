import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clueChecks } from '../../src/answer/commands.js';
import { suspectedCause } from '../../src/answer/suspected-cause.js';
import type { DocRecord } from '../../src/core/types.js';
import { parseDocument } from '../../src/ingest/document.js';

const KB = path.resolve(import.meta.dirname, '../../kb');
const runbook = (relative: string): DocRecord =>
  parseDocument(relative, readFileSync(path.join(KB, relative), 'utf8'));

describe('suspectedCause', () => {
  it('is the sentence stating what the reporter suspects or proposes, in English or Chinese', () => {
    expect(
      suspectedCause(
        'Pods cannot reach the internet after install. Possible solution: modify the CIDR in the ippool file. Unless your CIDR is 192.168.0.0/16 this may not recur.',
      ),
    ).toBe('Possible solution: modify the CIDR in the ippool file.');
    expect(
      suspectedCause(
        'NodePort times out on one node. I suspect the kube-proxy configmap was edited by hand.',
      ),
    ).toBe('I suspect the kube-proxy configmap was edited by hand.');
    expect(
      suspectedCause(
        '不同node上的容器之间ping不通。猜测可能和我在安装之前改过网卡名称（esn192 > eth0）有关。其他节点正常。',
      ),
    ).toBe('猜测可能和我在安装之前改过网卡名称(esn192 > eth0)有关。');
    expect(suspectedCause('DNS 解析超时。可能是 conntrack 表满了导致的。')).toBe(
      '可能是 conntrack 表满了导致的。',
    );
  });

  it('is nothing for a report that only says what fails or what it already checked', () => {
    expect(
      suspectedCause('NodePort 30080 times out from outside the cluster. curl on the node works.'),
    ).toBeUndefined();
    expect(
      suspectedCause(
        'calico 跨节点 pod 不通，同节点正常。我们已经检查过 IPPool 的 ipipMode 和 natOutgoing，看起来都正常。',
      ),
    ).toBeUndefined();
    // "possible" alone is no guess at the cause.
    expect(suspectedCause('Is it possible to keep the client IP with a ClusterIP service?')).toBeUndefined();
  });
});

describe('clueChecks with a suspected cause', () => {
  const calico = runbook('calico/bgp-ipip.md');
  const ippool = 'calicoctl get ippool -o wide';
  const clued = (question: string) =>
    clueChecks(question, [calico])
      .flat()
      .map((c) => c.command);

  it('takes the check reading the object the suspected cause names', () => {
    // The headline names no IPPool; the proposed solution does, and one check reads it.
    expect(
      clued(
        "Calico can't run as I want. Following the official documents, containers cannot reach the internet though " +
          'they reach each other. Possible solution: modify the configuration of CIDR in ippool configuration file. ' +
          'Unless your CIDR is 192.168.0.0/16 this problem may not recur.',
      ),
    ).toContain(ippool);
    expect(
      clued(
        'calico 安装后 pod 无法访问外网。pod 之间可以互通，节点可以上网。怀疑是 ippool 的 CIDR 和节点网段重叠了。',
      ),
    ).toContain(ippool);
  });

  it('takes no check for an object the report only says it checked', () => {
    expect(
      clued(
        'calico 安装后 pod 无法访问外网。pod 之间可以互通，节点可以上网。我们已经检查过 ippool 的 CIDR，和节点网段没有重叠。',
      ),
    ).not.toContain(ippool);
  });
});
