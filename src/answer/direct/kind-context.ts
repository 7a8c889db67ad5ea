/**
 * Where a line's context names the kind of value it states: the column header above a table cell holding the
 * value ("| 后端 | 端口 |" over "| VXLAN | UDP 8472 |"), the row's own key beside it ("| 容器监听地址 | `0.0.0.0:8080` |"),
 * or the heading of its section ("## 端口与协议"). Such a line is about that kind of value; a line holding one in
 * passing (a troubleshooting row whose fix mentions a port) is about something else. Pure.
 */
import { KIND_BIT, KIND_WORDS, KINDS, VALUE_PATTERNS, type ValueKind, valueText } from './value-shapes.js';

export interface LineContext {
  quote: string;
  /** The table's header line, for a table row. */
  header?: string;
  /** The heading of the section the line is in. */
  heading?: string;
  /** The title of its doc: a kind it names is the topic of every line there, which tells none apart. */
  title?: string;
}

/** The kinds (KIND_BIT bits of `kinds`) whose words a text has. */
function kindsNamed(text: string, kinds: number): number {
  let named = 0;
  for (const [kind, words] of KIND_WORDS)
    if ((kinds & KIND_BIT[kind]) !== 0 && words.test(text)) named |= KIND_BIT[kind];
  return named;
}

/** The kinds (KIND_BIT bits of `kinds`) a value of which a text holds. */
function kindsHeld(text: string, kinds: number): number {
  let held = 0;
  for (const kind of KINDS as readonly ValueKind[])
    if ((kinds & KIND_BIT[kind]) !== 0 && VALUE_PATTERNS[kind].test(valueText(kind, text)))
      held |= KIND_BIT[kind];
  return held;
}

/** The cells of a table line, without its outer pipes (an escaped pipe stays inside its cell). */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/**
 * Where the context names a kind of `kinds` (KIND_BIT bits) of which the line holds a value: for a table row, the
 * header over a cell holding it ('column') or the row's first cell beside it ('key'); for any line, its section's
 * heading ('heading'). A key naming the kind says what the row is ("| 容器监听地址 |") only for the thing the key names
 * besides it: the caller checks that thing against the question.
 */
export type KindPlace = 'column' | 'key' | 'heading';

export function placeNamingKind(line: LineContext, kinds: number): KindPlace | null {
  const kindsLeft = kinds & ~kindsNamed(line.title ?? '', kinds);
  if (kindsLeft === 0) return null;
  let place: KindPlace | null = null;
  if (line.header?.trim().startsWith('|')) {
    const heads = cells(line.header);
    const row = cells(line.quote);
    for (const [i, cell] of row.entries()) {
      const held = kindsHeld(cell, kindsLeft);
      if (held === 0) continue;
      if ((kindsNamed(heads[i] ?? '', held) & held) !== 0) return 'column';
      if (i > 0 && (kindsNamed(row[0] ?? '', held) & held) !== 0) place = 'key';
    }
  }
  if (place) return place;
  if (!line.heading) return null;
  const held = kindsHeld(line.quote, kindsLeft);
  return held !== 0 && kindsNamed(line.heading, held) !== 0 ? 'heading' : null;
}

/** A table row's first cell (its key), or '' for a line of another form. */
export function rowKey(line: LineContext): string {
  return line.header?.trim().startsWith('|') ? (cells(line.quote)[0] ?? '') : '';
}
