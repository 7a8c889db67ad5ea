/**
 * The NOTES a Helm chart prints after `helm install`, pasted with the install's output: `helm create`'s template says
 * `echo "Visit http://127.0.0.1:8080 to use your application"` and `kubectl port-forward $POD_NAME 8080:$CONTAINER_PORT`.
 * Their address and ports are the chart's instructions, the same in every report: when the report names a port of its
 * own (`cannot reach prometheus-server:9090`), that one is where the traffic fails. A report that only follows the
 * NOTES ("then the browser says connection refused") keeps their port.
 */

/** The line that tells the reader where to browse once port-forwarded. */
const VISIT_LINE = /^[^\n]*\bto use your application\b[^\n]*$/gim;
/** A port-forward of a shell variable's pod (`$POD_NAME`), as a chart's NOTES print it: group 2 is the port mapping. */
const TEMPLATE_PORT_FORWARD =
  /(port-forward\s+(?:(?:-n|--namespace)[\s=]\S+\s+)?\$\{?\w+\}?\s+)(\d{2,5}:\S+)/gi;
/** A port the report writes itself: after a host (`svc:9090`, `10.0.0.5:30080`) or the word (`port 9090`, `端口 9090`). */
const OWN_PORT = /(?:[a-z0-9\])]:\d{2,5}(?![\d.])|(?<![a-z])port\s+\d{2,5}(?!\d)|端口\s*\d{2,5}(?!\d))/i;

/**
 * `text` with the address and ports of a chart's NOTES blanked out (same length, so offsets stay), when the rest of
 * the report writes a port of its own; otherwise `text` itself.
 */
export function withoutChartNotes(text: string): string {
  const blanked = text
    .replace(VISIT_LINE, (line) => ' '.repeat(line.length))
    .replace(
      TEMPLATE_PORT_FORWARD,
      (_all, command: string, ports: string) => command + ' '.repeat(ports.length),
    );
  return blanked !== text && OWN_PORT.test(blanked) ? blanked : text;
}
