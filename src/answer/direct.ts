/**
 * Direct answers: when the question asks for a value (which port, what CIDR or MTU, which interface, the default
 * next hop; 哪个、多少、是什么、默认), the line of the runbook that states it: a prose sentence, a table row or a
 * line of a text block, quoted exactly. Pure.
 *
 * The parts: direct/asking.ts reads what is asked, direct/value-shapes.ts says what a value of each kind looks like,
 * direct/lines.ts cuts a chunk into quotable lines, direct/words.ts matches words across forms and languages, and
 * direct/pick-line.ts picks and cites the line.
 */
export { askedSettings, type FactAsk, factAsk, leadAsk, onlyOneForm } from './direct/asking.js';
export {
  CONFIDENT_FACT,
  confidentFact,
  type DirectQuote,
  directAnswer,
} from './direct/pick-line.js';
export { hasKindWords, kindMask, statesSetting, type ValueKind } from './direct/value-shapes.js';
export { wordForms } from './direct/words.js';
