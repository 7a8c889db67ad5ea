/**
 * Whether the runbook an answer leads with may be the wrong one, and what the answer does about it. Pure.
 *
 * Measured over the tuning sets (vectors off): 388 of the 418 off-topic commands of answered reports came from the
 * 80 answers whose first citation was wrong, about five each, nearly all from the (wrong) top runbook. Such answers
 * are the ones where another runbook scored close to the top one while the top runbook's text holds little of what
 * the report names (`routingInDoubt`, commands.ts). An answer in doubt says so, points at the close runbook, and
 * gives only the main checks of the two: a wrong guess then costs a few commands, not a page of them.
 */
import type { DocRecord } from '../core/types.js';
import type { FusedHit } from '../retrieve/types.js';
import { closeDocs } from './close-docs.js';
import { type RoutingMeasures, routingInDoubt, routingMeasures } from './commands.js';
import type { Lang } from './labels.js';
import { checkTerms } from './rank-rows.js';
import type { Concepts } from './types.js';

/**
 * At most this many checks, from the close runbooks, in an answer whose runbook choice is in doubt. Measured over the
 * tuning sets (vectors off): keeping only the top runbook's checks, at most 4, from commands.ts's doubt threshold
 * (0.6) took off-topic commands from 391 to 334 but command hits from 424 to 410 (in 4 doubtful answers the labelled
 * check came from another close runbook, 3 of them with the wrong runbook first); with the thresholds here, 6
 * checks, no command hit is lost and 401 -> 395 off-topic; 5 checks gave 378 but one fewer on-topic command.
 */
export const DOUBT_COMMANDS = 6;
/**
 * The runner-up's best hit scores at least this share of the top hit's. commands.ts (`routingInDoubt`) calls the
 * routing doubtful from 0.6 on and then only leaves out fixes; cutting checks as well from 0.6 or 0.7 cost more
 * command hits over the tuning sets than it removed off-topic commands.
 */
const CLOSE_SHARE = 0.8;
/**
 * A runbook past the runner-up keeps its checks in a doubtful answer when its best hit scores at least this share of
 * the top hit's (over the tuning sets one such third runbook held the only labelled check of its answer).
 */
const NEAR_SHARE = 0.85;

export interface Doubt extends RoutingMeasures {
  /** The runbooks whose checks a doubtful answer keeps: the top one, the runner-up and any scoring near the top. */
  close: DocRecord[];
}

/**
 * The doubt about the top runbook, or null when there is none: another runbook's best hit scores close to the top
 * hit and the top runbook explains little of the report (commands.ts `routingInDoubt`, the same test that keeps a
 * doubtful answer from suggesting fixes). A trigger phrase of the top runbook that the report matches settles it.
 */
export function doubtOf(query: string, hits: readonly FusedHit[], concepts?: Concepts): Doubt | null {
  const measured = doubtMeasures(query, hits, concepts);
  return measured && measured.share >= CLOSE_SHARE && routingInDoubt(measured.share, measured.explained)
    ? measured
    : null;
}

/**
 * The runner-up, its share of the top hit's score and the share of the report the top runbook explains; null when
 * there is no runner-up or a trigger phrase of the top runbook matched (the report names its subject).
 */
export function doubtMeasures(query: string, hits: readonly FusedHit[], concepts?: Concepts): Doubt | null {
  const top = hits[0];
  if (!top || hits.some((hit) => hit.doc === top.doc && hit.matchedTriggers.length > 0)) return null;
  const measures = routingMeasures(checkTerms(query, concepts), hits, concepts);
  if (!measures) return null;
  // The runner-up and any other runbook scoring nearly as high as the top one (`NEAR_SHARE`).
  const close = [...new Set([top.doc, measures.runnerUp.doc, ...closeDocs(hits, NEAR_SHARE)])];
  return { ...measures, close };
}

/**
 * The checks an answer in doubt keeps: the close runbooks' (the top one's among them), in their order, at most
 * `DOUBT_COMMANDS`; a runbook scoring well under the top one is noise when even the top one is in question.
 */
export function doubtfulChecks<R extends { source: { path: string } }>(
  picked: readonly R[],
  doubt: Doubt,
): R[] {
  const kept = new Set(doubt.close.map((doc) => doc.path));
  return picked.filter((record) => kept.has(record.source.path)).slice(0, DOUBT_COMMANDS);
}

/** The line an answer in doubt carries: the runbook it may rather be, as a pointer to its best section. */
export function doubtLine(lang: Lang, runnerUpPointer: string): string {
  return lang === 'zh'
    ? `**不确定是否是这份手册**：报告与下面这份几乎同样吻合，下列只列出两份手册的主要检查，请先对照：\n\n${runnerUpPointer}`
    : `**Not sure this is the right runbook**: the report fits this one nearly as well, so the checks below are only the main ones of both; compare first:\n\n${runnerUpPointer}`;
}
