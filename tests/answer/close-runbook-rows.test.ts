import { describe, expect, it } from 'vitest';
import { closeRunbookRowCheck } from '../../src/answer/close-runbook-rows.js';
import { pickCommands } from '../../src/answer/commands.js';
import { DEFAULT_COMPOSE_OPTIONS } from '../../src/answer/compose.js';
import { likelyCauses } from '../../src/answer/rank-rows.js';
import { hitOn, runbook } from './runbook-checks.js';

const mtu = runbook('mtu/mtu-fragmentation.md');
const calico = runbook('calico/bgp-ipip.md');
const tunnelCheck = `${calico.path}: ip -d link show tunl0`;

/** The read-only checks of a report the MTU runbook leads, Calico's runbook scoring `share` of its best hit. */
function checks(report: string, share: number, reportCni?: string): string[] {
  const hits = [hitOn(mtu, '常见问题'), hitOn(calico, '常见问题', share)];
  const rows = likelyCauses(report, hits, DEFAULT_COMPOSE_OPTIONS.maxCauses);
  return pickCommands(report, hits, rows, DEFAULT_COMPOSE_OPTIONS, undefined, undefined, reportCni)
    .filter((c) => c.safety === 'read-only')
    .map((c) => `${c.source.path}: ${c.command}`);
}

const english =
  'Large HTTP responses between pods on different nodes hang while small ones work; the IPIP tunnel MTU is 1480 ' +
  'but the cloud network MTU is 1460.';
const chinese =
  '大包不通、小包正常：IPIP 模式下跨节点 pod 之间传大文件就卡住，隧道 MTU 是 1480，云上网络 MTU 只有 1450';

describe('closeRunbookRowCheck', () => {
  const rowCheck = {
    fromTopRunbook: false,
    namedByMatchedRow: true,
    placedForReport: false,
    ofReportCni: false,
    ofBestRow: false,
  };

  it("leaves out another runbook's check of a matched row when which runbook fits is uncertain", () => {
    expect(closeRunbookRowCheck(rowCheck, true)).toBe(true);
  });

  it("keeps it otherwise, and keeps the top runbook's checks and those of the report's own subject", () => {
    expect(closeRunbookRowCheck(rowCheck, false)).toBe(false);
    expect(closeRunbookRowCheck({ ...rowCheck, fromTopRunbook: true }, true)).toBe(false);
    expect(closeRunbookRowCheck({ ...rowCheck, namedByMatchedRow: false }, true)).toBe(false);
    expect(closeRunbookRowCheck({ ...rowCheck, placedForReport: true }, true)).toBe(false);
    expect(closeRunbookRowCheck({ ...rowCheck, ofReportCni: true }, true)).toBe(false);
    expect(closeRunbookRowCheck({ ...rowCheck, ofBestRow: true }, true)).toBe(false);
    expect(closeRunbookRowCheck({ ...rowCheck, ofBestRow: true }, true)).toBe(false);
  });
});

describe("pickCommands and a close runbook's row check", () => {
  it('leaves it out when the close runbook scores nearly as high and its row is not the best match (Chinese)', () => {
    const picked = checks(chinese, 0.95);
    expect(picked).not.toContain(tunnelCheck);
    // The top runbook's checks stay.
    expect(picked.some((c) => c.startsWith(`${mtu.path}:`))).toBe(true);
  });

  it("keeps it when the close runbook's row is the report's best-matching cause (English)", () => {
    // Calico's large-packets row matches this report best of all the rows: its check tests the likeliest cause.
    expect(checks(english, 0.95)).toContain(tunnelCheck);
  });

  it("keeps it when the report runs the close runbook's CNI (English and Chinese)", () => {
    for (const report of [english, chinese]) expect(checks(report, 0.95, 'calico')).toContain(tunnelCheck);
  });
});
