/**
 * Safety of a shell command, by proof: `read-only` only when every stage (pipeline parts, `&&`/`;` lists,
 * subshells, `$(…)`, loop bodies, wrapped commands) matches a read-only form and nothing writes a file;
 * `mutating` when a stage is a known state change; `unknown` otherwise. Pure: the command is never run.
 */
import type { Node } from 'web-tree-sitter';
import type { Safety } from '../../core/types.js';
import { type CommandForm, matchesMutating, matchesReadOnly, positionals } from './forms.js';
import { MUTATING_FORMS } from './mutating-forms.js';
import { HARMLESS_TARGETS, READ_ONLY_FORMS } from './read-only-forms.js';
import { parseShell } from './shell-syntax.js';
import { literal, type ShellWord, wordOf } from './words.js';
import { splitFindExec, type Unwrapped, unwrap } from './wrappers.js';

export interface SafetyVerdict {
  safety: Safety;
  /** Which stage made the command not read-only, and why; empty when read-only. */
  reason: string;
}

const READ_ONLY: SafetyVerdict = { safety: 'read-only', reason: '' };

/** Nested shells (`sh -c "bash -c '…'"`) deeper than this are not followed. */
const MAX_DEPTH = 6;

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'mksh', 'fish']);
/** `/usr/sbin/ip` is `ip`; `./ip` or `/tmp/x/cat` is not proven to be the system's program. */
const STANDARD_BIN = /^\/(?:usr\/(?:local\/)?)?s?bin\/[^/]+$/;

/** Producers that send nothing (or a bare newline) down a pipe. */
const EMPTY_INPUT = /^(?:echo(?:\s+-n)?|true|:|printf\s+(?:''|""))$/;

const NETWORK_WRITERS = new Set(['nc', 'ncat', 'netcat', 'telnet', 'socat', 'openssl']);
const INTERPRETERS = new Set([
  'python',
  'python2',
  'python3',
  'perl',
  'ruby',
  'node',
  'php',
  'lua',
  'tclsh',
  'pwsh',
]);

/** A word that stands for any value, put where the KB writes `<pod>`, so `<` is not read as a redirection. */
export const PLACEHOLDER_WORD = 'netkb_placeholder';

/**
 * `<pod>`, `<node-ip>`, `<节点名>`: KB placeholders. Not `<<EOF` (heredoc), `<(…)` (process substitution) or
 * `<in>out` (a real redirection pair); `<namespace>_<pod>` is two placeholders.
 */
const PLACEHOLDER = /(?<!<)<([A-Za-z_\u3400-\u9fff][\w.:/\u3400-\u9fff-]*)>(?![A-Za-z0-9])/g;

export function substitutePlaceholders(command: string): string {
  return command.replace(PLACEHOLDER, PLACEHOLDER_WORD);
}

export function classifyCommand(command: string): SafetyVerdict {
  const text = substitutePlaceholders(command);
  const words = simpleWords(text);
  return words ? classifyArgv(words, NO_INPUT, 0) : classifyScript(text, 0);
}

/** The same verdict through the shell parser always (tests check the shortcut against it). */
export function classifyCommandParsed(command: string): SafetyVerdict {
  return classifyScript(substitutePlaceholders(command), 0);
}

/**
 * Most KB commands are one simple command of plain words (`kubectl get pods -A -o wide`): no quotes,
 * expansions, operators, redirections or comments. Their words are the whitespace-separated fields, so they
 * skip the parser (which costs more than the classification itself on first use). Null for anything else.
 */
const SIMPLE_COMMAND = /^[\w./:=,@%+~^*?[\]-]+(?:[ \t]+[\w./:=,@%+~^*?[\]-]+)*$/;
const SHELL_KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'for',
  'while',
  'until',
  'do',
  'done',
  'case',
  'esac',
  'in',
  'function',
  'select',
  'coproc',
  '[[',
  ']]',
]);

export function simpleWords(text: string): ShellWord[] | null {
  const trimmed = text.trim();
  if (!SIMPLE_COMMAND.test(trimmed)) return null;
  const fields = trimmed.split(/[ \t]+/);
  let start = 0;
  // Leading `NAME=value` words are assignments, not the program.
  while (start < fields.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(fields[start] ?? '')) start++;
  if (start < fields.length && SHELL_KEYWORDS.has(fields[start] ?? '')) return null;
  return fields.slice(start).map(literal);
}

/** Where a stage's standard input comes from, for shells that read their program from it. */
interface StageInput {
  afterPipe: boolean;
  /** Source text of the stage piped into this one. */
  pipedFrom?: string;
  heredoc?: { text: string; dynamic: boolean };
  herestring?: ShellWord;
}

/** Computed only for the few programs that care (shells, interpreters, nc): syntax-node access is costly. */
type LazyInput = () => StageInput;

const NO_INPUT: LazyInput = () => ({ afterPipe: false });

/** Forms by program name, so a stage is checked against its own program's forms only. */
function byProgram(forms: readonly CommandForm[]): Map<string, CommandForm[]> {
  const index = new Map<string, CommandForm[]>();
  for (const form of forms) {
    for (const program of form.programs) index.set(program, [...(index.get(program) ?? []), form]);
  }
  return index;
}

const READ_ONLY_BY_PROGRAM = byProgram(READ_ONLY_FORMS);
const MUTATING_BY_PROGRAM = byProgram(MUTATING_FORMS);
const WITH_SUBCOMMANDS = new Set(
  [...READ_ONLY_FORMS, ...MUTATING_FORMS]
    .filter((form) => form.subcommands && form.subcommands.length > 0)
    .flatMap((form) => form.programs),
);

function combine(verdicts: readonly SafetyVerdict[]): SafetyVerdict {
  return (
    verdicts.find((verdict) => verdict.safety === 'mutating') ??
    verdicts.find((verdict) => verdict.safety === 'unknown') ??
    READ_ONLY
  );
}

function classifyScript(text: string, depth: number): SafetyVerdict {
  if (depth > MAX_DEPTH) return { safety: 'unknown', reason: 'shells nested too deep to follow' };
  if (text.trim() === '') return READ_ONLY;
  const tree = parseShell(text);
  if (!tree) return { safety: 'unknown', reason: 'the shell parser gave up' };
  try {
    const root = tree.rootNode;
    if (root.hasError) return { safety: 'unknown', reason: 'not valid shell syntax' };
    const verdicts: SafetyVerdict[] = [];
    walk(root, depth, verdicts);
    return combine(verdicts);
  } finally {
    tree.delete();
  }
}

/** Every command and redirection anywhere in the tree runs: in pipelines, lists, loops, `$(…)`, heredocs. */
function walk(root: Node, depth: number, verdicts: SafetyVerdict[]): void {
  // One native query instead of a JS walk: node objects are costly to create from WebAssembly.
  for (const node of root.descendantsOfType(['command', 'file_redirect'])) {
    if (!node) continue;
    verdicts.push(node.type === 'command' ? classifyCommandNode(node, depth) : classifyRedirect(node));
  }
}

function classifyRedirect(node: Node): SafetyVerdict {
  const operator = node.children.find((child) => child && !child.isNamed)?.type ?? '';
  const target = node.namedChildren
    .filter((child) => child !== null && child.type !== 'file_descriptor')
    .at(-1);
  if (operator === '<' || operator === '<&' || operator === '<&-' || operator === '>&-') return READ_ONLY;
  if (!target) return READ_ONLY;
  const word = wordOf(target);
  // `2>&1`, `>&2`, `<&3`: descriptor duplication.
  if ((operator === '>&' || operator === '<&') && /^(?:\d+|-)$/.test(word.text)) return READ_ONLY;
  if (!word.dynamic && HARMLESS_TARGETS.has(word.text)) return READ_ONLY;
  return { safety: 'mutating', reason: `redirection ${operator} writes ${word.text}` };
}

function stageInput(node: Node): StageInput {
  const stage = node.parent?.type === 'redirected_statement' ? node.parent : node;
  const previous = stage.previousSibling?.type;
  const input: StageInput = { afterPipe: previous === '|' || previous === '|&' };
  if (input.afterPipe) input.pipedFrom = stage.previousNamedSibling?.text ?? '';
  const redirects = [...node.namedChildren, ...(stage === node ? [] : stage.namedChildren)];
  for (const redirect of redirects) {
    if (redirect?.type === 'heredoc_redirect') {
      const body = redirect.namedChildren.find((child) => child?.type === 'heredoc_body');
      const quoted = /['"\\]/.test(
        redirect.namedChildren.find((child) => child?.type === 'heredoc_start')?.text ?? '',
      );
      if (body) {
        input.heredoc = {
          text: body.text,
          dynamic: !quoted && body.namedChildren.some((child) => child?.type !== 'heredoc_content'),
        };
      }
    } else if (redirect?.type === 'herestring_redirect') {
      const value = redirect.namedChildren.find((child) => child !== null);
      if (value) input.herestring = wordOf(value);
    }
  }
  return input;
}

function classifyCommandNode(node: Node, depth: number): SafetyVerdict {
  const name = node.childForFieldName('name');
  if (!name) return READ_ONLY; // only assignments: `A=1`
  const words = [name, ...node.childrenForFieldName('argument')]
    .filter((child) => child !== null)
    .map(wordOf);
  return classifyArgv(words, () => stageInput(node), depth);
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Classifies one stage given as words (program first). */
export function classifyArgv(
  words: readonly ShellWord[],
  lazyInput: LazyInput,
  depth: number,
): SafetyVerdict {
  const first = words[0];
  if (!first) return READ_ONLY;
  if (first.dynamic)
    return { safety: 'unknown', reason: `the program name ${first.text} comes from an expansion` };
  if (first.text.includes('/') && !STANDARD_BIN.test(first.text)) {
    return { safety: 'unknown', reason: `${first.text}: a program outside the system's bin directories` };
  }
  let program = basename(first.text);
  let argv = words.slice(1);
  if (program === 'kubectl-ko') {
    program = 'kubectl';
    argv = [literal('ko'), ...argv];
  }
  // OpenShift's `oc` is kubectl with extra commands; those extras are not in the allowlist, so stay unknown.
  if (program === 'oc') program = 'kubectl';
  const args = argv.map((word) => word.text);

  if (SHELLS.has(program)) return classifyShell(program, argv, lazyInput(), depth);
  if (INTERPRETERS.has(program) && !isReadOnlyForm(program, args)) {
    if (lazyInput().afterPipe && positionals(args).every((word) => word === '-')) {
      return { safety: 'mutating', reason: `${program} runs code piped into it` };
    }
    return { safety: 'unknown', reason: `${program} runs a script or inline code` };
  }

  if (['source', '.', 'eval'].includes(program) && argv.some((word) => DOWNLOAD.test(word.text))) {
    return { safety: 'mutating', reason: `${program} runs a downloaded script` };
  }
  // nc/telnet fed from a pipe or heredoc send that data to a server, which may act on it.
  if (NETWORK_WRITERS.has(program) && (program !== 'openssl' || args[0] === 's_client')) {
    const input = lazyInput();
    // `echo | openssl s_client …` only closes the connection's input.
    const sendsData = input.afterPipe && !EMPTY_INPUT.test(input.pipedFrom ?? '');
    if (sendsData || input.heredoc || input.herestring) {
      return { safety: 'unknown', reason: `${program} sends its input to a server` };
    }
  }

  const unwrapped = unwrap(program, [literal(program), ...argv]);
  if (unwrapped) return classifyUnwrapped(program, unwrapped, lazyInput, depth);

  if (program === 'find') {
    const { own, runs } = splitFindExec(argv);
    const verdicts = runs.map((run) =>
      run.length === 0
        ? { safety: 'unknown' as const, reason: 'find -exec without a command' }
        : classifyArgv(run, NO_INPUT, depth),
    );
    verdicts.push(
      classifyProgram(
        program,
        own.map((word) => word.text),
      ),
    );
    return combine(verdicts);
  }
  return classifyProgram(program, args);
}

function isReadOnlyForm(program: string, args: readonly string[]): boolean {
  return (READ_ONLY_BY_PROGRAM.get(program) ?? []).some((form) => matchesReadOnly(form, program, args));
}

function classifyProgram(program: string, args: readonly string[]): SafetyVerdict {
  if (isReadOnlyForm(program, args)) return READ_ONLY;
  // Name the sub-command too when the program has sub-commands (`kubectl delete`, not `tcpdump any`).
  const sub = positionals(args)[0];
  const what =
    WITH_SUBCOMMANDS.has(program) && sub && /^[a-z][\w-]*$/.test(sub) ? `${program} ${sub}` : program;
  const mutating = (MUTATING_BY_PROGRAM.get(program) ?? []).find((form) =>
    matchesMutating(form, program, args),
  );
  if (mutating) return { safety: 'mutating', reason: `${what}: ${mutating.note}` };
  return { safety: 'unknown', reason: `${what}: not a known read-only form` };
}

function classifyUnwrapped(
  program: string,
  unwrapped: Unwrapped,
  input: LazyInput,
  depth: number,
): SafetyVerdict {
  switch (unwrapped.kind) {
    case 'verdict':
      return { safety: unwrapped.safety, reason: unwrapped.reason };
    case 'argv':
      return classifyArgv(unwrapped.argv, input, depth + 1);
    case 'script':
      if (unwrapped.dynamic)
        return { safety: 'unknown', reason: `${program} runs shell text built from an expansion` };
      return classifyScript(substitutePlaceholders(unwrapped.text), depth + 1);
  }
}

/** A download run as a script (`bash -c "$(curl …)"`, `sh <(wget -O- …)`) is always a change. */
const DOWNLOAD = /\b(?:curl|wget|fetch)\b/;

function dynamicScript(program: string, script: ShellWord): SafetyVerdict {
  if (DOWNLOAD.test(script.text))
    return { safety: 'mutating', reason: `${program} runs a downloaded script` };
  return { safety: 'unknown', reason: `${program} runs shell text built from an expansion` };
}

/** `sh -c '…'` is classified by its text; a shell reading a script from a pipe is never read-only. */
function classifyShell(
  program: string,
  argv: readonly ShellWord[],
  input: StageInput,
  depth: number,
): SafetyVerdict {
  let i = 0;
  let stdin = false;
  while (i < argv.length) {
    const text = argv[i]?.text ?? '';
    if (text === '--') {
      i++;
      break;
    }
    if (!/^[-+]./.test(text)) break;
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(text)) {
      const script = argv[i + 1];
      if (!script) return { safety: 'unknown', reason: `${program} -c without a command` };
      if (script.dynamic) return dynamicScript(program, script);
      return classifyScript(substitutePlaceholders(script.text), depth + 1);
    }
    if (/^-[a-zA-Z]*s[a-zA-Z]*$/.test(text)) stdin = true;
    i += ['-o', '+o', '-O', '+O', '--rcfile', '--init-file'].includes(text) ? 2 : 1;
  }
  const script = argv[i];
  if (script?.dynamic) return dynamicScript(program, script);
  if (script && script.text !== '-' && !stdin) {
    return { safety: 'unknown', reason: `${program} runs the script file ${script.text}` };
  }
  if (input.heredoc) {
    if (input.heredoc.dynamic)
      return { safety: 'unknown', reason: `${program} runs a heredoc built from expansions` };
    return classifyScript(substitutePlaceholders(input.heredoc.text), depth + 1);
  }
  if (input.herestring) {
    if (input.herestring.dynamic)
      return { safety: 'unknown', reason: `${program} runs a string built from expansions` };
    return classifyScript(substitutePlaceholders(input.herestring.text), depth + 1);
  }
  if (input.afterPipe)
    return { safety: 'mutating', reason: `${program} runs whatever is piped into it (… | ${program})` };
  return { safety: 'unknown', reason: `${program} opens an interactive shell` };
}
