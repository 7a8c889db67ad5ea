/**
 * A four-part version glued into a package's or a file's name: Python's `airflow-1.7.1.3-py2.7.egg` in a traceback's
 * path, `netty-all-4.1.5.1.jar`, `agent_1.2.0.4.tar.gz`. It reads as an IPv4 address, but a name runs into it on both
 * sides, which an address written in a report never has.
 */

/** A name's letters then `-` or `_`, right before the dotted number. */
const NAME_BEFORE = /[a-z][a-z0-9]*[-_]$/i;
/** `-py2.7`, `_amd64`, `.jar`, `.Final`: the name goes on right after the dotted number. */
const NAME_AFTER = /^(?:[-_.][a-z])/i;

/** Whether a dotted number between `before` and `after` is a version inside a package's or file's name. */
export function packageVersion(before: string, after: string): boolean {
  return NAME_BEFORE.test(before) && NAME_AFTER.test(after);
}
