import { describe, expect, it } from 'vitest';
import { logOwnEnd } from '../../src/answer/own-end.js';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('logOwnEnd', () => {
  it('reads a log’s local or current host field', () => {
    expect(logOwnEnd('close the connection to remote address[] result: true, local address: ')).toBe(true);
    expect(logOwnEnd('dubbo version: 3.0.10, current host: ')).toBe(true);
    expect(logOwnEnd('channel inactive, localAddress=/')).toBe(true);
  });

  it('leaves remote ends and prose alone', () => {
    expect(logOwnEnd('close the connection to remote address[')).toBe(false);
    expect(logOwnEnd('my local address is ')).toBe(false);
    expect(logOwnEnd('连接 ')).toBe(false);
  });
});

describe('placeholder fills: a log’s own end is neither the target nor a node', () => {
  it('fills the remote end, not the local one', () => {
    const en =
      '[NettyClientSelector_1] INFO RocketmqRemoting - closeChannel: close the connection to remote address[10.244.2.8:10911] result: true, local address: 10.244.1.9:53412';
    expect(fills(en).get('<target-ip>')).toBe('10.244.2.8');
    expect(fills(en).get('<port>')).toBe('10911');
  });

  it('does not read Dubbo’s current host as a node', () => {
    const zh =
      'provider 重新部署后 consumer 一直连老的 ip：[DUBBO] Fail to connect to HeaderExchangeClient [channel=org.apache.dubbo.remoting.transport.netty4.NettyClient [/192.168.1.77:39932 -> /192.168.1.207:20880]], dubbo version: 3.0.3, current host: 192.168.1.77';
    expect(fills(zh).get('<node-ip>')).toBeUndefined();
    expect(fills(zh).get('<target-ip>')).toBe('192.168.1.207');
  });
});
