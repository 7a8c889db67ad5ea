/**
 * A web console's own sign-in failing or its signed-in session lost: "重新启动k8s集群，存在登录信息失效的情况" (a
 * dashboard's login no longer valid after the cluster restarts), "login failed: invalid credentials", "session
 * expired", "401 Unauthorized", kubectl's "You must be logged in to the server (Unauthorized)". Who may sign in and
 * how long a session lasts are the application's own authentication, which no runbook explains: the request reached
 * the server, which answered it. Not when the report also says a connection failed (refused, reset, timed out,
 * unreachable, 不通, a name that does not resolve, a proxy's 502/503/504) or that signing in to a node over SSH fails:
 * that is a path a runbook may follow. Pure.
 */
import { failedConnection, pastesConnectError } from './failed-connection.js';

/** A sign-in that failed or a session that is no longer valid, in a console's or its user's words. */
const SIGN_IN_FAILED =
  /(?:登录|登陆|登錄|登入)\s*(?:信息|資訊|状态|狀態|态)?\s*(?:失效|过期|過期|失败|失敗)|(?:log\s*-?in|sign\s*-?in)\s+(?:fails?|failed|failing|(?:does\s*n[o']?t|is\s+not)\s+work(?:ing)?|not\s+working)|(?:can'?t|cannot|can\s+not|unable\s+to)\s+(?:log\s*-?in|sign\s*-?in)\b|\bsession\s+(?:has\s+|is\s+)?(?:expired|invalid|lost)\b|\binvalid\s+(?:credentials|username\s+or\s+password)\b|\b401\s+unauthori[sz]ed\b|must\s+be\s+logged\s+in\s+to\s+the\s+server/i;

/** A connection that failed on its way, stated in words the sign-in's own failure does not use. */
const CONNECTION_FAILED =
  /\brefused\b|\breset\b|(?<![\w-])time[sd]?\s*-?outs?(?![\w-])|\btimed\s+out\b|\bunreachable\b|no\s+route|nxdomain|could\s*n[o']?t\s+resolve|\b50[234]\b|不通|超时|超時|拒绝|拒絕|连不上|連不上|连接不上|連接不上/i;

/** Signing in to a node or a host over SSH: the node's own reachability, not an application's sign-in. */
const SHELL_SIGN_IN = /\bssh\b|远程登录|遠程登錄/i;

/** The subject declined, or null. */
export function uncoveredSignInSession(question: string): string | null {
  const text = question.normalize('NFKC');
  if (!SIGN_IN_FAILED.test(text) || SHELL_SIGN_IN.test(text) || CONNECTION_FAILED.test(text)) return null;
  if (failedConnection(text) !== null || pastesConnectError(text)) return null;
  return "an application's own sign-in and session (who may log in, how long a login lasts)";
}
