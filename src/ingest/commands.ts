/**
 * Extracts runnable shell commands from a code block. Pure: text in, records out.
 *
 * A block is read line by line. Prompted lines (`$ cmd`, `[root@node1 ~]# cmd`, `root@node1:/dir# cmd`) are
 * commands and the unprompted lines after them are output. Without prompts every line that looks like a
 * command is one; comments, OVS flow text, numbered prose, YAML/JSON and output-looking lines never are.
 */

export interface ExtractedCommand {
  command: string;
  purpose: string;
  /** 0-based index of the command's first line within the block. */
  lineOffset: number;
}

const SHELL_LANGS = new Set([
  'bash',
  'sh',
  'shell',
  'console',
  'zsh',
  'shell-session',
  'shellsession',
  'terminal',
]);

/** Binaries an on-call engineer runs; used to recognise commands in untagged blocks and `# ` prompts. */
const KNOWN_COMMANDS = new Set(
  `kubectl kubectl-ko ip ip6tables iptables iptables-save iptables-legacy iptables-nft nft ipset ipvsadm
  ovs-vsctl ovs-ofctl ovs-appctl ovs-dpctl ovsdb-client ovn-nbctl ovn-sbctl ovn-trace ovn-appctl ovn-detrace
  ovnkube-trace tcpdump tshark ping ping6 arping traceroute tracepath mtr curl wget nc ncat telnet ss netstat
  conntrack sysctl ethtool nslookup dig host cat grep egrep head tail less awk sed sort uniq wc jq yq ls
  find echo printf systemctl journalctl crictl docker nerdctl ctr nsenter bridge brctl arp route calicoctl
  calico-node cilium cilium-dbg hubble helm kubeadm kubelet modprobe lsmod tc ethtool iperf iperf3 dmesg
  ifconfig lsof ps top free df uname hostname openssl export sudo watch for while if cd mkdir cp mv rm tee
  env xargs timeout birdcl etcdctl ipcalc resolvectl netshoot kind minikube make go git vi vim ssh scp`.split(
    /\s+/,
  ),
);

const PROMPT_PATTERNS: RegExp[] = [
  /^\[[^\]\n]{1,60}\][#$]\s?(.*)$/, // [root@node1 ~]# cmd
  /^[\w.-]+@[\w.-]+(?::[^\s#$]*)?\s?[#$]\s?(.*)$/, // root@node1:/kube-ovn# cmd
  /^\$\s+(.*)$/, // $ cmd
  /^PS [^>]*>\s?(.*)$/, // PS C:\> cmd
];

/** `# cmd` is a root prompt only when what follows is a known command (otherwise it is a comment). */
const HASH_PROMPT = /^#\s+(\S.*)$/;

export function isShellLanguage(lang: string | null | undefined): boolean {
  return lang != null && SHELL_LANGS.has(lang.toLowerCase());
}

export function extractCommands(code: string, lang: string | null | undefined): ExtractedCommand[] {
  const normalizedLang = lang?.toLowerCase() ?? null;
  if (normalizedLang && !SHELL_LANGS.has(normalizedLang)) return [];
  const lines = code.split('\n').map((line) => line.replace(/\r$/, ''));
  const tagged = normalizedLang !== null;
  // `# cmd` prompts: only in console transcripts or untagged blocks, never in bash scripts (there `#` comments).
  const hashPrompts =
    normalizedLang === null || normalizedLang === 'console' || normalizedLang === 'terminal';
  const prompted = lines.some((line) => promptedCommand(line.trim(), false) !== null);

  if (!tagged && !prompted && !looksLikeShell(lines)) return [];

  const results: ExtractedCommand[] = [];
  let purpose = '';
  let i = 0;
  while (i < lines.length) {
    const line = (lines[i] ?? '').trim();
    if (line === '') {
      // In a script a blank line ends a comment's scope; in a transcript a prose line names the next command.
      if (!prompted) purpose = '';
      i++;
      continue;
    }
    let text: string | null;
    if (prompted) {
      text = promptedCommand(line, hashPrompts);
      if (text === null) {
        if (isComment(line)) purpose = commentText(line);
        else if (BULLET.test(line)) purpose = line.replace(BULLET, '').trim();
        i++; // output of the previous command, or prose
        continue;
      }
    } else {
      if (isComment(line)) {
        const hashCommand = hashPrompts ? hashPromptCommand(line) : null;
        if (hashCommand === null) {
          purpose = commentText(line);
          i++;
          continue;
        }
        text = hashCommand;
      } else {
        text = line;
      }
      if (!looksLikeCommand(text, tagged)) {
        // Not a command: skip it and its indented continuation lines (flow text, wrapped output).
        i = skipContinuations(lines, i);
        continue;
      }
    }
    const start = i;
    const parts = [text];
    i++;
    // Backslash continuations join into one line; open compounds (`for …; do` … `done`) keep their lines.
    let depth = compoundDepth(text);
    while (i < lines.length && (endsWithBackslash(parts[parts.length - 1] ?? '') || depth > 0)) {
      const next = stripContinuationPrompt((lines[i] ?? '').trim(), prompted);
      if (endsWithBackslash(parts[parts.length - 1] ?? '')) {
        parts[parts.length - 1] =
          `${(parts[parts.length - 1] ?? '').replace(/\\\s*$/, '').trimEnd()} ${next}`;
      } else {
        parts.push(next);
      }
      depth += compoundDepth(next);
      i++;
    }
    let command = parts.join('\n');
    // Heredoc: keep the body and terminator with the command.
    const heredoc = /<<-?\s*['"]?(\w+)['"]?/.exec(command);
    if (heredoc) {
      const terminator = heredoc[1];
      const body: string[] = [];
      while (i < lines.length) {
        const bodyLine = lines[i] ?? '';
        body.push(bodyLine);
        i++;
        if (bodyLine.trim() === terminator) break;
      }
      command = [command, ...body].join('\n');
    }
    results.push({ command: command.trim(), purpose, lineOffset: start });
    if (prompted) purpose = '';
  }
  return results;
}

function promptedCommand(line: string, hashPrompts: boolean): string | null {
  for (const pattern of PROMPT_PATTERNS) {
    const match = pattern.exec(line);
    if (match) return (match[1] ?? '').trim() || null;
  }
  return hashPrompts ? hashPromptCommand(line) : null;
}

/** The command after a shell prompt (`$ `, `[root@node1 ~]# `, `root@node1:/dir# `), or null when there is none. */
export function afterPrompt(line: string): string | null {
  return promptedCommand(line.trim(), false);
}

/** True when the line's program is one netkb knows (kubectl, ip, ovs-vsctl …). */
export function isKnownCommand(line: string): boolean {
  return KNOWN_COMMANDS.has(firstWord(line.trim()));
}

function hashPromptCommand(line: string): string | null {
  const match = HASH_PROMPT.exec(line);
  if (!match) return null;
  const rest = (match[1] ?? '').trim();
  const first = rest.split(/\s+/)[0] ?? '';
  return KNOWN_COMMANDS.has(first) && looksLikeCommand(rest, true) ? rest : null;
}

function stripContinuationPrompt(line: string, prompted: boolean): string {
  return prompted ? line.replace(/^>\s?/, '') : line;
}

/** Net count of shell compounds a line opens (`for`/`while`/`until`/`if`/`case`) minus those it closes. */
function compoundDepth(line: string): number {
  const words = line.replace(/(['"]).*?\1/g, '').split(/[\s;&|()]+/);
  let depth = 0;
  for (const word of words) {
    if (/^(?:for|while|until|select|if|case)$/.test(word)) depth++;
    else if (/^(?:done|fi|esac)$/.test(word)) depth--;
  }
  return depth;
}

function isComment(line: string): boolean {
  return line.startsWith('#') && !line.startsWith('#!');
}

function commentText(line: string): string {
  return line.replace(/^#+\s*/, '').trim();
}

function endsWithBackslash(line: string): boolean {
  return /\\\s*$/.test(line);
}

function skipContinuations(lines: string[], index: number): number {
  let i = index + 1;
  let previous = lines[index] ?? '';
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const continues = /^\s+\S/.test(line) || /[,\\]\s*$/.test(previous.trim());
    if (!continues || line.trim() === '') break;
    previous = line;
    i++;
  }
  return i;
}

/** An untagged block is shell when most of its non-comment lines start with a known command. */
function looksLikeShell(lines: string[]): boolean {
  const candidates = lines.map((line) => line.trim()).filter((line) => line !== '' && !isComment(line));
  if (candidates.length === 0) return false;
  const known = candidates.filter(
    (line) => KNOWN_COMMANDS.has(firstWord(line)) && looksLikeCommand(line, false),
  );
  return known.length > 0 && known.length * 2 >= candidates.length;
}

function firstWord(line: string): string {
  let words = line.split(/\s+/);
  // Leading environment assignments and sudo do not name the command.
  while (words.length > 1 && (/^[A-Z_][A-Z0-9_]*=/.test(words[0] ?? '') || words[0] === 'sudo')) {
    words = words.slice(1);
  }
  return words[0] ?? '';
}

/** A prose bullet (`• step`) in a pasted transcript: it names what the next command is for. */
const BULLET = /^[•·▪◦*-]\s+/;

const FLOW_TEXT = /^(?:table=\d+|cookie=0x|priority=\d+|actions=|n_packets=|in_port=|\w+=[^\s,]+,\s)/;
const NUMBERED_PROSE = /^(?:\d+|[a-z]|[一二三四五六七八九十]+)[.)、．]\s*\S/;
const KEY_VALUE = /^["']?[\w .\-/()]+["']?\s*:(?:\s|$)/;
const JSON_OR_YAML_PUNCT = /^(?:[{}[\]]|-\s+\w[\w-]*:|---$)/;

export function looksLikeCommand(line: string, tagged: boolean): boolean {
  if (
    FLOW_TEXT.test(line) ||
    (/\bactions=/.test(line) && !/^(?:ovs-ofctl|kubectl|ovs-appctl)\b/.test(line))
  ) {
    return false;
  }
  if (NUMBERED_PROSE.test(line) || JSON_OR_YAML_PUNCT.test(line) || /[→⇒←]/.test(line)) return false;
  const word = firstWord(line);
  if (KEY_VALUE.test(line) && !KNOWN_COMMANDS.has(word)) return false;
  // Commands start with a program name or path: `kubectl`, `./install.sh`, `/usr/bin/ovs-vsctl`.
  if (!/^(?:[a-z_][\w.+-]*|\.{0,2}\/[\w./-]+|[A-Z_][A-Z0-9_]*=\S*)$/.test(word)) return false;
  // CJK text right after the program name is prose, not a command.
  if (/^[a-z_][\w.+-]*\s*[\u3000-\u9fff\uff00-\uffef]/.test(line) && !KNOWN_COMMANDS.has(word)) return false;
  if (!tagged && !KNOWN_COMMANDS.has(word)) return false;
  return true;
}

/** Distinct `<placeholder>` tokens in order of first appearance. */
export function findPlaceholders(command: string): string[] {
  const found = command.match(/<[a-z][a-z0-9_-]*>/gi) ?? [];
  return [...new Set(found)];
}
