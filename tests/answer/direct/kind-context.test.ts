import { describe, expect, it } from 'vitest';
import { type LineContext, placeNamingKind, rowKey } from '../../../src/answer/direct/kind-context.js';
import { kindMask } from '../../../src/answer/direct/value-shapes.js';

const PORT = kindMask(['port']);
const ADDR = kindMask(['addr']);
const MTU = kindMask(['mtu']);

describe('the context of a line names the kind of value it holds', () => {
  it('the column header over the cell holding the value', () => {
    const line: LineContext = {
      quote: '| VXLAN | `vxlanMode: Always` | `vxlan.calico`，UDP 4789 | Felix |',
      header: '| 模式 | IPPool 字段 | 隧道设备 / 协议 | 远端路由由谁写 |',
    };
    expect(placeNamingKind(line, PORT)).toBe('column');
  });

  it('the row key beside the value, in a key/value table', () => {
    const line: LineContext = {
      quote: '| 容器监听地址 | `0.0.0.0:8080` 或 `:::8080`，不能是 `127.0.0.1:8080` |',
      header: '| 检查项 | 正确表现 |',
    };
    expect(placeNamingKind(line, ADDR)).toBe('key');
    expect(rowKey(line)).toBe('容器监听地址');
  });

  it('the heading of the section a sentence is in', () => {
    const line: LineContext = { quote: 'flanneld 默认使用 UDP 8472。', heading: '端口与协议' };
    expect(placeNamingKind(line, PORT)).toBe('heading');
  });

  it('not a troubleshooting row whose fix mentions the value in passing', () => {
    const line: LineContext = {
      quote: '| 节点间不通 | 安全组拦截 | `ss -tn` | 放行节点间 TCP 179 |',
      header: '| 症状 | 可能原因 | 检查命令 | 修复 |',
      heading: '常见问题',
    };
    expect(placeNamingKind(line, PORT)).toBeNull();
  });

  it('not a line naming the kind without holding a value of it', () => {
    const line: LineContext = {
      quote: '| 客户端源 IP | 被 SNAT 为节点 IP | 保留 |',
      header: '| 项目 | Cluster | Local |',
    };
    expect(placeNamingKind(line, ADDR)).toBeNull();
  });

  it('not when the doc title names the kind: every line there is about it', () => {
    const line: LineContext = {
      quote: '| IPIP | 20 字节 | 1480 | Calico `tunl0` |',
      header: '| 封装 | 额外开销 | 物理 MTU 1500 时 Pod MTU | 典型 CNI / 设备 |',
      title: 'MTU、封装开销与分片排查',
    };
    expect(placeNamingKind(line, MTU)).toBeNull();
    expect(placeNamingKind({ ...line, title: 'Calico 跨节点通信' }, MTU)).toBe('column');
  });

  it('nothing when no kind is asked', () => {
    expect(placeNamingKind({ quote: 'UDP 8472', heading: '端口' }, 0)).toBeNull();
    expect(rowKey({ quote: 'flanneld 默认使用 UDP 8472。' })).toBe('');
  });
});
