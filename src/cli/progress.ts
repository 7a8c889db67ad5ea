import cliProgress from 'cli-progress';

/** A progress bar on a TTY, plain "embedded n/total" lines (about every 10%) otherwise; always on stderr. */
export function embedProgress(label: string): {
  update: (done: number, total: number) => void;
  stop: () => void;
} {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {value}/{total} chunks | {eta}s left`,
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total) {
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      },
      stop: () => started && bar.stop(),
    };
  }
  let lastTenth = -1;
  return {
    update(done, total) {
      const tenth = Math.floor((done / Math.max(1, total)) * 10);
      if (tenth !== lastTenth || done === total) process.stderr.write(`${label}: ${done}/${total} chunks\n`);
      lastTenth = tenth;
    },
    stop() {},
  };
}
