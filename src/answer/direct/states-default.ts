/** Lines that say which value is the default, over lines that only mention a default. Pure. */

/**
 * A sentence saying what the default is: "默认是 X", "默认使用 X", "defaults to X", "the default is X"; or a value
 * labelled as the default of what the question names: "`iptables`（未配置 mode 时的默认值）", "iptables (the default)".
 * Not a default named in passing ("8472（Linux 内核默认值，不是 IANA 的 4789）", "vxlan（默认、推荐）"): the line is
 * about another value.
 */
const STATES_DEFAULT =
  /(?:默认|默認)(?:是|为|為|使用|采用|採用)|\bdefaults? (?:to|is)\b|\bthe default (?:\w+ )?is\b|的(?:默认|默認)值|\((?:the )?default\)/i;

export function statesDefault(quote: string): boolean {
  return STATES_DEFAULT.test(quote);
}
