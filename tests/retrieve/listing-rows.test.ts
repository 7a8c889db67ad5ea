import { describe, expect, it } from 'vitest';
import { NODE_ROW, POD_ROW, rowStart, SERVICE_ROW } from '../../src/retrieve/listing-rows.js';

describe('kubectl listing rows, one definition for retrieval and fills', () => {
  it('reads a pod row with its NAMESPACE cell, restarts "ago" and -o wide columns', () => {
    const text =
      'kube-flannel   kube-flannel-ds-7pxql            0/1     CrashLoopBackOff   9 (80s ago)     44m   10.0.0.5   node1   <none>   <none>';
    const [row] = [...text.matchAll(POD_ROW)];
    expect(row?.groups).toMatchObject({
      namespace: 'kube-flannel',
      name: 'kube-flannel-ds-7pxql',
      ready: '0',
      total: '1',
      status: 'CrashLoopBackOff',
    });
    expect(row && rowStart(row)).toBe(text.indexOf('kube-flannel-ds'));
    expect(row?.[0].endsWith('<none>')).toBe(true);
  });

  it('takes no header column for a NAMESPACE cell', () => {
    const text =
      'NAME READY STATUS RESTARTS AGE IP NODE\nhostnames-2923313648-840kr 1/1 Running 0 6m 10.96.0.6 k8s-2';
    const [row] = [...text.matchAll(POD_ROW)];
    expect(row?.groups?.namespace).toBeUndefined();
    expect(row?.groups?.name).toBe('hostnames-2923313648-840kr');
  });

  it('reads node rows (a k3s version suffix too) and Service rows', () => {
    const node = [
      ...'node2 Ready,SchedulingDisabled <none> 11h v1.27.4+k3s1 128.5.49.40'.matchAll(NODE_ROW),
    ][0];
    expect(node?.groups).toMatchObject({ name: 'node2', status: 'Ready', cordoned: ',SchedulingDisabled' });
    expect(node?.[0].endsWith('128.5.49.40')).toBe(true);
    const svc = [
      ...'svc/resource-saas NodePort 10.68.31.247 <none> 8380:25477/TCP，nginx LoadBalancer 10.233.28.24 <pending> 80:30453/TCP'.matchAll(
        SERVICE_ROW,
      ),
    ];
    expect(svc.map((m) => [m.groups?.name, m.groups?.type, m.groups?.external])).toEqual([
      ['resource-saas', 'NodePort', '<none>'],
      ['nginx', 'LoadBalancer', '<pending>'],
    ]);
  });
});
