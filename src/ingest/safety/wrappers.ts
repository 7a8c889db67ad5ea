/**
 * Programs that run another command: `sudo`, `timeout`, `env`, `kubectl exec … --`, `nsenter`, `ip netns exec`,
 * `docker/crictl exec`, `xargs`, `watch`, `ssh`, `sh -c` … `unwrap` says what runs inside, so the classifier
 * judges that command instead of the wrapper. Pure.
 */
import { literal, type ShellWord } from './words.js';

export type Unwrapped =
  /** The wrapped command as words. */
  | { kind: 'argv'; argv: ShellWord[] }
  /** The wrapped command as shell text to parse (`sh -c '…'`, `watch '…'`, `ssh host …`). */
  | { kind: 'script'; text: string; dynamic: boolean }
  /** The wrapper decides on its own (`sudo -i` opens a root shell; `env` alone prints). */
  | { kind: 'verdict'; safety: 'read-only' | 'mutating' | 'unknown'; reason: string };

interface WrapperSpec {
  /** Options that take a separate value. */
  valueOptions: readonly string[];
  /** Positional words between the options and the wrapped command (timeout's duration, the pod, the node). */
  skip: number;
  /** Without a wrapped command. */
  empty: Unwrapped;
  /** Options that make the wrapper itself change state. */
  mutatingOptions?: readonly string[];
  /** The wrapped command is shell text (joined words), not an argv. */
  script?: boolean;
}

const EMPTY_UNKNOWN = (what: string): Unwrapped => ({ kind: 'verdict', safety: 'unknown', reason: what });
const EMPTY_READ_ONLY: Unwrapped = { kind: 'verdict', safety: 'read-only', reason: '' };

/** Wrappers recognised by program name alone. */
const WRAPPERS: Readonly<Record<string, WrapperSpec>> = {
  sudo: {
    valueOptions: [
      '-u',
      '-g',
      '-h',
      '-p',
      '-C',
      '-D',
      '-r',
      '-t',
      '-U',
      '-T',
      '--user',
      '--group',
      '--host',
      '--prompt',
      '--chdir',
    ],
    skip: 0,
    empty: EMPTY_UNKNOWN('sudo without a command opens a root shell'),
    mutatingOptions: ['-e', '--edit'],
  },
  doas: {
    valueOptions: ['-u', '-C'],
    skip: 0,
    empty: EMPTY_UNKNOWN('doas without a command opens a root shell'),
  },
  env: { valueOptions: ['-u', '--unset', '-C', '--chdir'], skip: 0, empty: EMPTY_READ_ONLY },
  timeout: {
    valueOptions: ['-s', '--signal', '-k', '--kill-after'],
    skip: 1,
    empty: EMPTY_UNKNOWN('timeout without a command'),
  },
  nice: { valueOptions: ['-n', '--adjustment'], skip: 0, empty: EMPTY_READ_ONLY },
  stdbuf: {
    valueOptions: ['-i', '-o', '-e', '--input', '--output', '--error'],
    skip: 0,
    empty: EMPTY_UNKNOWN('stdbuf without a command'),
  },
  time: {
    valueOptions: ['-f', '--format'],
    skip: 0,
    empty: EMPTY_READ_ONLY,
    mutatingOptions: ['-o', '--output'],
  },
  xargs: {
    valueOptions: [
      '-I',
      '-n',
      '-L',
      '-P',
      '-d',
      '-s',
      '-E',
      '-a',
      '--arg-file',
      '--max-args',
      '--max-procs',
      '--delimiter',
      '--max-lines',
      '--max-chars',
      '--eof',
      '--replace',
    ],
    skip: 0,
    empty: EMPTY_READ_ONLY,
  },
  watch: {
    valueOptions: ['-n', '--interval', '-q', '--equexit'],
    skip: 0,
    empty: EMPTY_UNKNOWN('watch without a command'),
    script: true,
  },
  nsenter: {
    valueOptions: ['-t', '--target', '-S', '--setuid', '-G', '--setgid'],
    skip: 0,
    empty: EMPTY_UNKNOWN('nsenter without a command opens a shell'),
  },
  chroot: { valueOptions: [], skip: 1, empty: EMPTY_UNKNOWN('chroot without a command opens a shell') },
  ssh: {
    valueOptions: [
      '-i',
      '-p',
      '-l',
      '-o',
      '-J',
      '-F',
      '-b',
      '-c',
      '-D',
      '-E',
      '-L',
      '-R',
      '-W',
      '-w',
      '-S',
      '-m',
      '-O',
      '-Q',
      '-B',
      '-e',
      '-I',
    ],
    skip: 1,
    empty: EMPTY_UNKNOWN('ssh without a command opens a remote shell'),
    script: true,
  },
  exec: { valueOptions: ['-a'], skip: 0, empty: EMPTY_READ_ONLY },
  builtin: { valueOptions: [], skip: 0, empty: EMPTY_READ_ONLY },
  busybox: { valueOptions: [], skip: 0, empty: EMPTY_READ_ONLY },
  unbuffer: { valueOptions: [], skip: 0, empty: EMPTY_UNKNOWN('unbuffer without a command') },
};

/** `docker exec`, `crictl exec` …: options, the container, then the command. */
const CONTAINER_EXEC_VALUE_OPTIONS = [
  '-u',
  '--user',
  '-e',
  '--env',
  '-w',
  '--workdir',
  '--env-file',
  '--detach-keys',
  '--timeout',
  '-r',
  '--runtime-endpoint',
  '-n',
  '--namespace',
];
const KUBECTL_VALUE_OPTIONS = [
  '-n',
  '--namespace',
  '--context',
  '--kubeconfig',
  '--cluster',
  '--user',
  '-s',
  '--server',
  '-c',
  '--container',
  '-f',
  '--filename',
  '--pod-running-timeout',
  '--as',
  '--token',
];
const IP_VALUE_OPTIONS = ['-n', '-netns', '-f', '-family', '-rc', '-l', '-loops'];

/** Kube-OVN plugin commands that run an OVS/OVN tool: `kubectl ko vsctl <node> show` runs `ovs-vsctl show`. */
const KO_TOOLS: Readonly<Record<string, { program: string; node: boolean }>> = {
  nbctl: { program: 'ovn-nbctl', node: false },
  sbctl: { program: 'ovn-sbctl', node: false },
  icnbctl: { program: 'ovn-ic-nbctl', node: false },
  icsbctl: { program: 'ovn-ic-sbctl', node: false },
  vsctl: { program: 'ovs-vsctl', node: true },
  ofctl: { program: 'ovs-ofctl', node: true },
  dpctl: { program: 'ovs-dpctl', node: true },
  appctl: { program: 'ovs-appctl', node: true },
};

function isOption(text: string): boolean {
  return text.startsWith('-') && text !== '-' && text !== '--';
}

/** Index of the first word after the options (and after a `--`), skipping `skip` positional words. */
function commandStart(
  words: readonly ShellWord[],
  from: number,
  valueOptions: readonly string[],
  skip: number,
): number {
  let i = from;
  let skipped = 0;
  while (i < words.length) {
    const text = words[i]?.text ?? '';
    if (text === '--') return skipped >= skip ? i + 1 : i + 1 + (skip - skipped);
    if (isOption(text)) {
      i += valueOptions.includes(text) ? 2 : 1;
      continue;
    }
    if (skipped < skip) {
      skipped++;
      i++;
      continue;
    }
    return i;
  }
  return i;
}

function argvOrScript(spec: WrapperSpec, inner: ShellWord[]): Unwrapped {
  if (spec.script) {
    return {
      kind: 'script',
      text: inner.map((word) => word.text).join(' '),
      dynamic: inner.some((word) => word.dynamic),
    };
  }
  return { kind: 'argv', argv: inner };
}

function hasAnyOption(words: readonly ShellWord[], end: number, options: readonly string[]): boolean {
  return words
    .slice(0, end)
    .some(
      (word) =>
        options.includes(word.text) ||
        options.some((option) => option.startsWith('--') && word.text.startsWith(`${option}=`)),
    );
}

/** What `program args…` runs, or null when it is not a wrapper. `words[0]` is the program. */
export function unwrap(program: string, words: readonly ShellWord[]): Unwrapped | null {
  const texts = words.map((word) => word.text);
  const spec = WRAPPERS[program];
  if (spec) {
    let start = commandStart(words, 1, spec.valueOptions, 0);
    // `env A=1 cmd`, `sudo A=1 cmd`: assignments before the command.
    while (start < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[start]?.text ?? '')) start++;
    if (spec.skip > 0) start = commandStart(words, start, spec.valueOptions, spec.skip);
    if (spec.mutatingOptions && hasAnyOption(words, start, spec.mutatingOptions)) {
      return {
        kind: 'verdict',
        safety: 'mutating',
        reason: `${program} ${spec.mutatingOptions.join('/')} writes a file`,
      };
    }
    if (program === 'env') {
      const split = words.findIndex((word) => word.text === '-S' || word.text === '--split-string');
      if (split > 0 && split < start) {
        const rest = words.slice(split + 1);
        return {
          kind: 'script',
          text: rest.map((word) => word.text).join(' '),
          dynamic: rest.some((word) => word.dynamic),
        };
      }
    }
    if (program === 'watch' && hasAnyOption(words, start, ['-x', '--exec'])) {
      return start >= words.length ? spec.empty : { kind: 'argv', argv: words.slice(start) };
    }
    if (
      program === 'sudo' &&
      start >= words.length &&
      hasAnyOption(words, start, ['-l', '--list', '-v', '-k', '-K', '-V'])
    ) {
      return EMPTY_READ_ONLY;
    }
    return start >= words.length ? spec.empty : argvOrScript(spec, words.slice(start));
  }
  if (program === 'su') {
    const at = texts.findIndex((text) => text === '-c' || text === '--command');
    const script = at > 0 ? words[at + 1] : undefined;
    if (!script) return EMPTY_UNKNOWN('su without -c opens a shell');
    return { kind: 'script', text: script.text, dynamic: script.dynamic };
  }
  if (program === 'kubectl') return unwrapKubectl(words);
  if (['docker', 'nerdctl', 'podman', 'crictl'].includes(program)) {
    const verb = commandStart(words, 1, CONTAINER_EXEC_VALUE_OPTIONS, 0);
    if (texts[verb] !== 'exec') return null;
    const start = commandStart(words, verb + 1, CONTAINER_EXEC_VALUE_OPTIONS, 1);
    return start >= words.length
      ? EMPTY_UNKNOWN(`${program} exec without a command`)
      : { kind: 'argv', argv: words.slice(start) };
  }
  if (program === 'ip') {
    const object = commandStart(words, 1, IP_VALUE_OPTIONS, 0);
    if (texts[object] !== 'netns' || texts[object + 1] !== 'exec') return null;
    // `ip -all netns exec cmd` names no namespace.
    const all = texts.slice(1, object).some((text) => text === '-all' || text === '-a');
    const start = object + 2 + (all ? 0 : 1);
    return start >= words.length
      ? EMPTY_UNKNOWN('ip netns exec without a command')
      : { kind: 'argv', argv: words.slice(start) };
  }
  return null;
}

function unwrapKubectl(words: readonly ShellWord[]): Unwrapped | null {
  const texts = words.map((word) => word.text);
  const verb = commandStart(words, 1, KUBECTL_VALUE_OPTIONS, 0);
  if (texts[verb] === 'exec') {
    const dashes = texts.indexOf('--', verb);
    const start = dashes >= 0 ? dashes + 1 : commandStart(words, verb + 1, KUBECTL_VALUE_OPTIONS, 1);
    return start >= words.length
      ? EMPTY_UNKNOWN('kubectl exec without a command')
      : { kind: 'argv', argv: words.slice(start) };
  }
  if (texts[verb] === 'ko') {
    const tool = KO_TOOLS[texts[verb + 1] ?? ''];
    if (!tool) return null;
    const start = verb + 2 + (tool.node ? 1 : 0);
    return { kind: 'argv', argv: [literal(tool.program), ...words.slice(start)] };
  }
  return null;
}

/** `find … -exec cmd {} \;`: the commands find runs, and find's own words without them. */
export function splitFindExec(words: readonly ShellWord[]): { own: ShellWord[]; runs: ShellWord[][] } {
  const own: ShellWord[] = [];
  const runs: ShellWord[][] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as ShellWord;
    if (['-exec', '-execdir', '-ok', '-okdir'].includes(word.text)) {
      const run: ShellWord[] = [];
      i++;
      while (i < words.length && words[i]?.text !== ';' && words[i]?.text !== '+') {
        run.push(words[i] as ShellWord);
        i++;
      }
      runs.push(run);
      continue;
    }
    own.push(word);
  }
  return { own, runs };
}
