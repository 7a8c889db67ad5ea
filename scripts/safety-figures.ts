/**
 * Safety label counts over KB directories, before (the old pattern list) and after (the classifier), plus a
 * sample of `unknown` commands to read by hand. Usage: tsx scripts/safety-figures.ts DIR... [--sample N]
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from '../src/ingest/document.js';
import { classifyCommand } from '../src/ingest/safety.js';

/** The classifier before issue 18: a list of mutating patterns, everything else read-only. */
const OLD_MUTATING: RegExp[] = [
  /\bkubectl(?:-ko)?\s+(?:-[-\w=./]+\s+(?:[\w.-]+\s+)?)*(?:delete|apply|patch|edit|scale|drain|cordon|uncordon|label|annotate|create|replace|taint|expose|run|set|debug)(?=\s|$)/,
  /\bkubectl\s+(?:-[-\w=./]+\s+(?:[\w.-]+\s+)?)*rollout\s+(?:restart|undo|pause|resume)(?=\s|$)/,
  /\bip\s+(?:-\S+\s+)*(?:link|l|addr|address|a|route|r|rule|neigh|neighbor|n|netns|tunnel|maddr|xfrm)\s+(?:set|add|del|delete|flush|replace|change|append)\b/,
  /\b(?:ip6?tables|ebtables|arptables)(?:-legacy|-nft)?\s+(?:.*\s)?(?:-[AIDRFXNPZE]|--(?:append|insert|delete|replace|flush|delete-chain|new-chain|policy|zero))\b/,
  /\b(?:ip6?tables|ebtables)-restore\b/,
  /\bnft\s+(?:add|delete|flush|insert|replace|create|-f)\b/,
  /\bipset\s+(?:add|del|create|destroy|flush|swap|restore)\b/,
  /\bsysctl\s+(?:.*\s)?(?:-w\b|\S+=\S*)/,
  /\bethtool\s+(?:.*\s)?-[KGLsACN]\b/,
  /\bovs-vsctl\s+(?:.*\s)?(?:set|add|del|remove|clear|create|destroy|add-br|add-port|add-bond|del-br|del-port|set-manager|set-controller|del-controller|emer-reset)\b/,
  /\bovs-ofctl\s+(?:.*\s)?(?:add-flows?|del-flows|mod-flows|replace-flows|mod-port|add-group|del-groups|mod-group|add-meter|del-meters)\b/,
  /\bovs-appctl\s+(?:.*\s)?(?:dpctl\/(?:add|del|mod|flush)-\S*|fdb\/flush|vlog\/set)\b/,
  /\b(?:ovn-nbctl|ovn-sbctl|nbctl|sbctl)\s+(?:.*\s)?(?:[\w-]+-(?:add|del)|set|create|destroy|clear|remove|add)\b/,
  /\bsystemctl\s+(?:.*\s)?(?:restart|stop|start|reload|disable|enable|kill|mask|daemon-reload)\b/,
  /\bservice\s+\S+\s+(?:restart|stop|start|reload)\b/,
  /\bconntrack\s+(?:.*\s)?(?:-[DFIU]|--(?:delete|flush|create|update))\b/,
  /\bipvsadm\s+(?:.*\s)?(?:-[AEDCaedRX]|--(?:add-service|edit-service|delete-service|clear|add-server|edit-server|delete-server|restore))\b/,
  /\btc\s+(?:qdisc|class|filter)\s+(?:add|del|change|replace)\b/,
  /\bbridge\s+(?:fdb|vlan|link|mdb)\s+(?:add|del|replace|append|set)\b/,
  /\barp\s+(?:.*\s)?-[ds]\b/,
  /\broute\s+(?:add|del)\b/,
  /\b(?:calicoctl|cilium)\s+(?:.*\s)?(?:apply|create|delete|replace|patch|install|uninstall|upgrade|label)\b/,
  /\bhelm\s+(?:install|upgrade|uninstall|delete|rollback)\b/,
  /\b(?:crictl|docker|nerdctl)\s+(?:rm|rmi|stop|kill|restart|run)\b/,
  /\b(?:modprobe|rmmod|insmod|reboot|shutdown|kill|killall|pkill|rm|mv|dd|mkfs|swapoff)\b/,
  /(?:^|\s)\d?>>?\s*(?!&)(?!\/dev\/null)[^\s>]/,
  /\btee\b/,
];

function oldLabel(command: string): string {
  return OLD_MUTATING.some((pattern) => pattern.test(command)) ? 'mutating' : 'read-only';
}

async function markdownFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.mdx?$/i.test(entry.name)) out.push(path.join(entry.parentPath, entry.name));
  }
  return out.sort();
}

const args = process.argv.slice(2);
const sampleAt = args.indexOf('--sample');
const sampleSize = sampleAt >= 0 ? Number(args[sampleAt + 1]) : 0;
const showDemoted = args.includes('--demoted');
const dirs = args.filter((arg, i) => !arg.startsWith('--') && (sampleAt < 0 || i !== sampleAt + 1));
const demotedList: string[] = [];
const unknowns: { dir: string; command: string; reason: string }[] = [];
const rows: string[] = [
  '| corpus | commands | before: read-only / mutating | after: read-only / mutating / unknown | read-only → mutating / unknown | mutating → read-only |',
  '|---|---|---|---|---|---|',
];
for (const dir of dirs) {
  const before = { 'read-only': 0, mutating: 0 };
  const after = { 'read-only': 0, mutating: 0, unknown: 0 };
  let demoted = 0;
  let toMutating = 0;
  let promoted = 0;
  let total = 0;
  const started = performance.now();
  for (const file of await markdownFiles(dir)) {
    const source = await readFile(file, 'utf8');
    const doc = parseDocument(path.relative(dir, file), source);
    for (const record of doc.commands) {
      total++;
      const old = oldLabel(record.command) as 'read-only' | 'mutating';
      before[old]++;
      after[record.safety]++;
      if (old === 'read-only' && record.safety !== 'read-only') {
        demoted++;
        if (record.safety === 'mutating') toMutating++;
        demotedList.push(
          `[${path.basename(dir)}] ${record.safety}: ${record.command.split('\n')[0]} — ${record.safetyReason}`,
        );
      }
      if (old === 'mutating' && record.safety === 'read-only') promoted++;
      if (record.safety === 'unknown') {
        unknowns.push({
          dir: path.basename(dir),
          command: record.command,
          reason: classifyCommand(record.command).reason,
        });
      }
    }
  }
  const ms = Math.round(performance.now() - started);
  rows.push(
    `| ${path.basename(dir)} | ${total} | ${before['read-only']} / ${before.mutating} | ${after['read-only']} / ${after.mutating} / ${after.unknown} | ${toMutating} / ${demoted - toMutating} | ${promoted} | (${ms} ms)`,
  );
}
console.log(rows.join('\n'));
if (showDemoted) console.log(`\nread-only before, not after:\n${demotedList.join('\n')}`);
if (sampleSize > 0) {
  // A deterministic spread over all unknown commands: every k-th one.
  const step = Math.max(1, Math.floor(unknowns.length / sampleSize));
  console.log(`\n${unknowns.length} unknown in all; every ${step}th:`);
  for (let i = 0; i < unknowns.length && i / step < sampleSize; i += step) {
    const u = unknowns[i];
    if (u) console.log(`- [${u.dir}] ${JSON.stringify(u.command.slice(0, 160))} — ${u.reason}`);
  }
}
