/**
 * A report whose liveness or readiness probe gives up on an application that is still starting: it says the
 * application takes long to start ("the lakefs pod seems to take more than 30 seconds to startup", "a long boot time
 * … between 1-3 minutes", 启动很慢) and names the probe's timing (initialDelaySeconds, failureThreshold, periodSeconds,
 * a startupProbe, an "initial delay"). The kubelet restarts the container before it listens: the fix is the probe's
 * timing or a startup probe, not a path. Yet the report names probes and pods, so a runbook about probes failing on
 * the node's way to its pods scores high. A report that pastes a path failing (a probe timing out with `i/o
 * timeout` or "context deadline exceeded", a refused connection, no route) is left to the runbooks: there the probe
 * may be what the network breaks. Pure.
 */
import { BROKEN_CONNECTION } from './covered-paths.js';
import { failedConnection } from './failed-connection.js';
import { readReport } from './uncovered-subjects.js';

/**
 * The application said to start slowly: it takes some seconds or minutes to start up or boot, its boot or startup
 * time is long, it starts slowly, it is killed before it finishes starting; in Chinese, 启动慢 or a long 启动时间.
 */
const SLOW_START = new RegExp(
  [
    String.raw`\btak(?:e|es|ing)\s+(?:(?:more\s+than|over|about|around|up\s+to|at\s+least)\s+)?(?:\d+|a\s+few|several|a\s+couple\s+of)\s*(?:-\s*\d+\s*)?(?:s|sec|secs|seconds?|m|mins?|minutes?)\s+(?:(?:for\s+it\s+)?to\s+)?(?:start(?:\s*up)?|boot|become\s+ready|initiali[sz]e)`,
    String.raw`\btak(?:e|es|ing)\s+(?:a\s+)?(?:long(?:er)?|some|too\s+long|a\s+while)(?:\s+time)?\s+(?:(?:for\s+it\s+)?to\s+)?(?:start(?:\s*up)?|boot|become\s+ready|initiali[sz]e)`,
    String.raw`\b(?:long|slow)\s+(?:boot|start(?:\s*up)?|initiali[sz]ation)(?:\s+time)?\b|\b(?:boot|start\s*up|startup)\s+time\b|\bstarts?\s+(?:up\s+)?slowly\b|\bslow[\s-]+start(?:ing)?\b`,
    String.raw`\bbefore\s+(?:it|the\s+\w+)\s+(?:can\s+|could\s+)?(?:finish(?:es|ed)?|complete[sd]?)\s+(?:the\s+|its\s+)?(?:start\s*up|startup|boot|initiali[sz]ation)`,
    String.raw`\bbefore\s+(?:it|the\s+\w+)\s+(?:has\s+)?(?:fully\s+)?(?:start(?:s|ed)?\s+up|starts?\b|started\b|boot(?:s|ed)?\b|(?:is|becomes)\s+ready\b)`,
    '启动(?:很|非常|比较|较)?慢|啟動(?:很|非常|比較|較)?慢|启动时间(?:很|比较|较)?长|啟動時間(?:很|比較|較)?長',
  ].join('|'),
  'i',
);

/** A probe's timing named: its initial delay, period, failure threshold or timeout, or a startup probe. */
const PROBE_TIMING =
  /initialDelaySeconds|failureThreshold|periodSeconds|timeoutSeconds|startupProbe|startup\s+probe|initial\s+delay|failure\s*th?reshold/i;

/**
 * A probe's own timeout setting ("timeoutSeconds: 1", "increase delay or probe timeout", `timeout-seconds`): a setting
 * named, not a connection that timed out, so it is set aside before looking for one.
 */
const PROBE_TIMEOUT_SETTING =
  /timeout[-_\s]?seconds|(?:probe|liveness|readiness|startup)\s+timeouts?|timeouts?\s+(?:of|for|on)\s+(?:the\s+)?(?:liveness|readiness|startup)?\s*probes?/gi;

/** A probe that did not get its answer in time in the kubelet's words, beside BROKEN_CONNECTION's timeouts. */
const PROBE_TIMED_OUT = /deadline\s+exceeded|awaiting\s+headers|\bi\/o\s+timeout|connection\s+reset|\bEOF\b/i;

/**
 * The subject when a report says its application starts slowly, names a probe's timing and pastes no path failing;
 * else null.
 */
export function uncoveredSlowStartProbe(question: string): string | null {
  const { text } = readReport(question);
  if (!SLOW_START.test(text) || !PROBE_TIMING.test(text)) return null;
  const rest = text.replace(PROBE_TIMEOUT_SETTING, ' ');
  if (BROKEN_CONNECTION.test(rest) || PROBE_TIMED_OUT.test(rest) || failedConnection(rest) !== null)
    return null;
  return 'probe timing for an application that starts slowly (a startup probe or a longer initial delay)';
}
