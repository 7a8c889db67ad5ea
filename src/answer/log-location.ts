/**
 * Where in its code a log line was written, as a log prefix prints it: a logger or module and a line number after a
 * level or a timestamp. Java's logback (`ERROR com.alibaba.nacos.client.naming:617  - [NA] failed to request`), log4j
 * (`INFO  ContextHandler:781 - Started ...`) and Tornado's prefix (`[E 2019-04-13 07:26:25.314 JupyterHub web:1621]`)
 * write `name:number`, which reads like a host and its port; the number is a line.
 *
 * `before` is the text right before the number (its colon included), `after` the text right after it.
 */
const LEVEL_LOGGER_BEFORE =
  /(?<![a-z])(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|SEVERE)\s+(?:[a-z_$][\w$]*\.)*[A-Za-z_$][\w$]*[:：]$/;
const TORNADO_PREFIX_BEFORE = /\[[DIWEC]\s+\d{2,4}-?\d{2}-?\d{2}\s+[\d:.,]+\s+[\w.-]+\s+[\w.]+[:：]$/;
/** A Java logger's package, named after its owner's reversed domain (`com.alibaba.nacos.client.naming`). */
const JAVA_LOGGER_BEFORE =
  /(?<![\w.-])(?:com|org|io|net|cn|java|javax|sun|jdk)\.[a-z_][\w$]*(?:\.[\w$]+)+[:：]$/;
/** What a log prefix's line number is followed by: the bracket that closes it, or the ` - ` before the message. */
const PREFIX_END_AFTER = /^(?:\]|\s+-\s|\s{2,})/;

export function logLocation(before: string, after: string): boolean {
  if (TORNADO_PREFIX_BEFORE.test(before)) return after.startsWith(']');
  return (
    (LEVEL_LOGGER_BEFORE.test(before) || JAVA_LOGGER_BEFORE.test(before)) && PREFIX_END_AFTER.test(after)
  );
}
