/**
 * The requester of an HTTP request log line. Access logs print who asked, not where the report's traffic fails:
 * nginx's and Apache's common log format starts its line with the client (`172.18.188.205 - - [02/Apr/2022:05:36:03
 * +0000] "GET / HTTP/1.1" 200`), uvicorn writes the client and its ephemeral port before the request line (`INFO:
 * 192.168.97.1:57238 - "GET /api/v2/dags HTTP/1.1" 200 OK`), and Tornado (JupyterHub, Jupyter Server) puts it in
 * brackets after the path (`400 POST /hub/spawn/ablekh (ablekh@10.244.1.1) 28.32ms`, `GET /hub/user/admin/
 * (192.168.106.183)`, `(jupyter@::ffff:127.0.0.1)`), as uWSGI does after its counters (`[pid: 126|app: 0|req: 4/22]
 * 172.16.34.1 () {36 vars ...}`). Such an address is a source, and its port the client's own.
 *
 * `before` is the text right before the address, `after` the text right after it (its port included).
 */
const COMMON_LOG_AFTER = /^(?::\d{1,5})?\s+-\s+\S+\s+\[\d{1,2}\/[A-Z][a-z]{2}\/\d{4}/;
const UVICORN_AFTER = /^:\d{1,5}\s+-\s+"(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s/;
/** The start of a line, or a log prefix before the address: a level (`INFO:`) or a container's name (`nginx |`). */
const LINE_START_BEFORE = /(?:^|\n)\s*(?:[>|]\s*)*(?:[\w.-]+\s+\|\s*)?(?:(?:INFO|DEBUG|WARNING|ERROR):\s*)?$/;
const TORNADO_BEFORE = /(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+\/\S*\s+\((?:[^@()\s]*@)?(?:::ffff:)?$/;
/** uWSGI's request line: `[pid: 126|app: 0|req: 4/22] 172.16.34.1 () {36 vars in 428 bytes}`. */
const UWSGI_BEFORE = /\[pid:\s*\d+\|app:\s*-?\d+\|req:\s*[\d-]+\/\d+\]\s*$/;

export function requestLogClient(before: string, after: string): boolean {
  if (TORNADO_BEFORE.test(before)) return after.startsWith(')');
  if (UWSGI_BEFORE.test(before)) return true;
  return (COMMON_LOG_AFTER.test(after) || UVICORN_AFTER.test(after)) && LINE_START_BEFORE.test(before);
}
