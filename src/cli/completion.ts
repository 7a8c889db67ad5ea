/**
 * `netkb completion bash|zsh`: shell completion scripts generated from the commands' usage lines, so a flag
 * added to a usage line is completed without touching this file. Flag arguments: DIR completes directories,
 * FILE files, `a|b|c` those words.
 */
export interface CommandInfo {
  name: string;
  summary: string;
  usage: string;
}

export interface FlagInfo {
  flag: string;
  /** undefined for a boolean flag. */
  argument?: { kind: 'dir' | 'file' | 'word'; words?: string[] };
}

/** `[--kb DIR] [-o text|json|yaml] [--json]` → flags with their argument kinds. */
export function flagsOf(usage: string): FlagInfo[] {
  const flags: FlagInfo[] = [];
  for (const match of usage.matchAll(/(--?[a-z][a-z-]*)(?: ([A-Za-z|]+))?/g)) {
    const [, flag, arg] = match;
    if (!flag || flags.some((f) => f.flag === flag)) continue;
    if (arg === undefined || arg === '' || /^-/.test(arg)) flags.push({ flag });
    else if (arg === 'DIR') flags.push({ flag, argument: { kind: 'dir' } });
    else if (arg === 'FILE') flags.push({ flag, argument: { kind: 'file' } });
    else if (arg.includes('|')) flags.push({ flag, argument: { kind: 'word', words: arg.split('|') } });
    else flags.push({ flag, argument: { kind: 'word' } });
  }
  // `-o` is the short form of --output.
  const short = flags.find((f) => f.flag === '-o');
  if (short?.argument) flags.push({ flag: '--output', argument: short.argument });
  return flags;
}

const SHELL_WORD = /^[A-Za-z0-9_.:|-]+$/;

function quoteWords(words: string[]): string {
  for (const word of words) if (!SHELL_WORD.test(word)) throw new Error(`unsafe completion word '${word}'`);
  return words.join(' ');
}

export function bashCompletion(commands: CommandInfo[]): string {
  const names = commands.map((c) => c.name);
  const commandCases = commands
    .map((c) => `    ${c.name}) opts="${quoteWords([...flagsOf(c.usage).map((f) => f.flag), '--help'])}" ;;`)
    .join('\n');
  const argumentCases = new Map<string, string>();
  for (const command of commands) {
    for (const { flag, argument } of flagsOf(command.usage)) {
      if (!argument || argumentCases.has(flag)) continue;
      const reply =
        argument.kind === 'dir'
          ? 'compgen -d -- "$cur"'
          : argument.kind === 'file'
            ? 'compgen -f -- "$cur"'
            : argument.words
              ? `compgen -W "${quoteWords(argument.words)}" -- "$cur"`
              : '';
      argumentCases.set(
        flag,
        reply === '' ? `    ${flag}) return 0 ;;` : `    ${flag}) COMPREPLY=( $(${reply}) ); return 0 ;;`,
      );
    }
  }
  return `# netkb bash completion. Load with: source <(netkb completion bash)
_netkb() {
  local cur prev cmd opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd="\${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${quoteWords([...names, '--help', '--version'])}" -- "$cur") )
    return 0
  fi
  case "$prev" in
${[...argumentCases.values()].join('\n')}
  esac
  case "$cmd" in
${commandCases}
    completion) opts="bash zsh" ;;
    *) opts="" ;;
  esac
  COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
}
complete -F _netkb netkb
`;
}

export function zshCompletion(commands: CommandInfo[]): string {
  const describe = commands.map((c) => `    '${c.name}:${c.summary.replace(/'/g, '')}'`).join('\n');
  const cases = commands
    .map((c) => {
      const specs = flagsOf(c.usage).map(({ flag, argument }) => {
        if (!argument) return `'${flag}'`;
        const action =
          argument.kind === 'dir'
            ? '_files -/'
            : argument.kind === 'file'
              ? '_files'
              : argument.words
                ? `(${quoteWords(argument.words)})`
                : ' ';
        return `'${flag}=:value:${action}'`;
      });
      return `    ${c.name}) _arguments -s ${[...specs, "'--help'", "'*:question:'"].join(' ')} ;;`;
    })
    .join('\n');
  return `#compdef netkb
# netkb zsh completion. Load with: source <(netkb completion zsh)   (after compinit)
_netkb() {
  local -a commands
  commands=(
${describe}
    'completion:print a shell completion script'
  )
  if (( CURRENT == 2 )); then
    _describe -t commands 'netkb command' commands
    return
  fi
  case $words[2] in
${cases}
    completion) _values 'shell' bash zsh ;;
  esac
}
if [ "$funcstack[1]" = "_netkb" ]; then _netkb "$@"; else compdef _netkb netkb; fi
`;
}
