/**
 * A report's dotted host names and the hosts of its URLs ("k8sbook.default.svc.cluster.local", "https://op.ns.svc:443")
 * are the names it was using, not words for what went wrong: the "svc", "cluster" and "local" inside them say nothing
 * about whether the lookup or the connection failed, nor from which kind of pod. `withoutWrittenNames` blanks them
 * out, so a runbook row is matched on the report's own words for its symptom. Addresses made only of digits stay
 * (a row may name the very address that failed, "走 10.96.0.10 失败"). Pure.
 */

/** A URL's scheme and host (with its port): its path and query stay, they are the request's own words. */
const URL_HOST = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'`<>)/?#]+/gi;
/** A host name of three or more labels, one of which holds a letter (not an IP address or a version). */
const DOTTED = /(?<![\w.-])(?:[a-z0-9*_-]+\.){2,}[a-z0-9_-]+(?::\d+)?(?![\w-])/gi;

export function withoutWrittenNames(text: string): string {
  return text
    .replace(URL_HOST, ' ')
    .replace(DOTTED, (name) =>
      /[a-z]/i.test(name.replace(/:\d+$/, '')) && !/^v?\d+(\.\d+)+/i.test(name) ? ' ' : name,
    );
}
