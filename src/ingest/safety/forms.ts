/**
 * A command form: a program, optionally a sub-command path, and option rules. Read-only forms and mutating forms
 * share this shape; `matchesForm` is the one matcher for both. Pure.
 */

export interface CommandForm {
  /** Program names as typed (basename of argv[0]). */
  programs: readonly string[];
  /**
   * Words that must follow the program, options skipped; one list of alternatives per level. An empty string
   * in a level matches "no further positional word" (`ip route` = `ip route show`).
   */
  subcommands?: readonly (readonly string[])[];
  /** Options that take a separate value (`-n kube-system`), so that value is not taken for a sub-command. */
  valueOptions?: readonly string[];
  /**
   * Read-only form: options that disqualify it (`sed -i`). Mutating form: options that qualify it
   * (`iptables -A`); without this list the program and sub-commands alone qualify.
   */
  options?: readonly string[];
  /** Read-only form: the only options allowed (`ethtool -k`, not `ethtool -K`). */
  onlyOptions?: readonly string[];
  /** Extra condition on the words after the program (already unquoted). */
  test?: (args: readonly string[]) => boolean;
  /** Why the form is not read-only (mutating forms), or what it is (read-only forms). */
  note: string;
  /** Commands this form classifies as its own kind; each is a test case. */
  examples: readonly string[];
  /** Close commands that must NOT come out read-only (read-only forms), tested too. */
  counterExamples?: readonly string[];
}

/** Does `option` appear among `args`? Long options also as `--opt=value`; short ones also in clusters (`-ni`). */
export function hasOption(args: readonly string[], option: string): boolean {
  for (const arg of args) {
    if (arg === '--') break;
    if (option.startsWith('--') || option.length > 2) {
      if (arg === option || arg.startsWith(`${option}=`)) return true;
    } else if (/^-[^-]/.test(arg) && arg.slice(1).includes(option.slice(1))) {
      // A short option alone, with an attached value (`-ofile`) or inside a cluster (`-sSLo`).
      return true;
    }
  }
  return false;
}

function isOption(word: string): boolean {
  return word.startsWith('-') && word !== '-' && word !== '--';
}

/** The positional words after the program, option values skipped (best effort: unknown options take no value). */
export function positionals(args: readonly string[], valueOptions: readonly string[] = []): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      out.push(...args.slice(i + 1));
      break;
    }
    if (isOption(arg)) {
      if (valueOptions.includes(arg)) i++;
      continue;
    }
    out.push(arg);
  }
  return out;
}

function subcommandsMatch(form: CommandForm, args: readonly string[]): boolean {
  if (!form.subcommands) return true;
  const words = positionals(args, form.valueOptions);
  return form.subcommands.every((level, depth) => {
    const word = words[depth];
    return word === undefined ? level.includes('') : level.includes(word);
  });
}

function onlyAllowedOptions(allowed: readonly string[], args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') break;
    if (!isOption(arg)) continue;
    if (allowed.includes(arg) || allowed.includes(arg.split('=')[0] ?? '')) continue;
    // A cluster of allowed single-letter options (`-nr`).
    if (!arg.startsWith('--') && [...arg.slice(1)].every((letter) => allowed.includes(`-${letter}`)))
      continue;
    return false;
  }
  return true;
}

export function programMatches(form: CommandForm, program: string): boolean {
  return form.programs.includes(program);
}

/** Read-only form: program, sub-commands, no disqualifying option, only allowed options, test. */
export function matchesReadOnly(form: CommandForm, program: string, args: readonly string[]): boolean {
  if (!programMatches(form, program) || !subcommandsMatch(form, args)) return false;
  if (form.options?.some((option) => hasOption(args, option))) return false;
  if (form.onlyOptions && !onlyAllowedOptions(form.onlyOptions, args)) return false;
  return form.test ? form.test(args) : true;
}

/** Mutating form: program, sub-commands, one of its options (when it lists any), test. */
export function matchesMutating(form: CommandForm, program: string, args: readonly string[]): boolean {
  if (!programMatches(form, program) || !subcommandsMatch(form, args)) return false;
  if (form.options && !form.options.some((option) => hasOption(args, option))) return false;
  return form.test ? form.test(args) : true;
}

/**
 * Values given to a short option, getopt style: `-o file`, `-ofile`, or at the end of a cluster (`-sSLo file`).
 * A cluster letter before it is taken as a flag.
 */
export function shortOptionValues(args: readonly string[], letter: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') break;
    if (!/^-[^-]/.test(arg)) continue;
    const at = arg.indexOf(letter, 1);
    if (at < 0) continue;
    const attached = arg.slice(at + 1);
    values.push(attached !== '' ? attached : (args[i + 1] ?? ''));
  }
  return values;
}

/** Values of a long option: `--output file` or `--output=file`. */
export function longOptionValues(args: readonly string[], option: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') break;
    if (arg === option) values.push(args[i + 1] ?? '');
    else if (arg.startsWith(`${option}=`)) values.push(arg.slice(option.length + 1));
  }
  return values;
}
