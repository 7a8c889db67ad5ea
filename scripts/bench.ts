/**
 * `npm run bench`: the ingest benchmark (scripts/bench-ingest.ts), the chat benchmark (scripts/bench-chat.ts), the
 * work-budget benchmark (scripts/bench-budget.ts) and the scale benchmark (scripts/bench-scale.ts).
 *
 * Each runs in its own child process, exactly as `npm run bench:ingest` / `npm run bench:chat` would run it: its
 * output goes straight to this terminal, and its exit code is its own (the two set `process.exitCode`, so
 * importing both into one process would mix them up). The chat bench runs even when the ingest bench fails;
 * the exit code is non-zero when either fails.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPTS = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(SCRIPTS, '..');
const BENCHES = ['bench-ingest.ts', 'bench-chat.ts', 'bench-budget.ts', 'bench-scale.ts'];

/** Runs `node --import tsx <script>` (what `tsx <script>` does) and resolves with its exit code. */
function run(script: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(SCRIPTS, script)], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    child.once('error', (error) => {
      process.stderr.write(`bench: could not start ${script}: ${error.message}\n`);
      resolve(1);
    });
    child.once('exit', (code) => resolve(code ?? 1)); // null: killed by a signal
  });
}

const results: Array<{ script: string; code: number }> = [];
for (const script of BENCHES) {
  process.stdout.write(`\n=== ${script} ===\n\n`);
  results.push({ script, code: await run(script) });
}

process.stdout.write('\n=== summary ===\n');
for (const { script, code } of results) {
  process.stdout.write(`${script}: ${code === 0 ? 'ok' : `FAILED (exit code ${code})`}\n`);
}
process.exitCode = results.find((result) => result.code !== 0)?.code ?? 0;
