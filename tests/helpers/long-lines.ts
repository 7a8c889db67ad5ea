/**
 * Very long single-line messages (up to the 2,000 characters the routes accept) built to provoke pathological
 * slowdowns in tokenizing, placeholder and command matching: app.test.ts checks each gets a valid answer, and
 * `npm run bench:budget` prints how long they take.
 */
export const LONG_LINES: readonly string[] = [
  `pod ${'a-'.repeat(998)}`,
  `-n ${'a.'.repeat(998)}`,
  '1.'.repeat(1000),
  ':'.repeat(2000),
  `node-${'1'.repeat(1995)}`,
  `${'pod '.repeat(499)}x`,
  `svc/${'ab-'.repeat(665)}`,
  '10.0.0.1:'.repeat(222),
  `${'x'.repeat(1999)}\n`,
  'geneve 隧道不通 '.repeat(181),
].map((line) => line.slice(0, 2000));
