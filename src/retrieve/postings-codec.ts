/**
 * The binary form of a postings index (lexical.bin of an index generation). Pure. Layout: "NKBL", a little-endian
 * u32 header length, the JSON header (key, counts, averages, doc paths, chunk ids, section lengths), then each
 * typed array 4-byte aligned. Decoding makes views over the buffer (no copy, no parse of the big parts); only the
 * term dictionary is decoded into strings, in groups, so a caller can spread that over several turns.
 */
import { FIELDS, type PostingsArrays } from './postings.js';

const MAGIC = 0x4c424b4e; // "NKBL"
const FORMAT = 2;
/** Terms per decodable group of the term blob. */
const TERM_GROUP = 8192;

interface Header {
  format: number;
  key: string;
  termCount: number;
  avgFieldLength: number[];
  docPaths: string[];
  chunkIds: string[];
  /** Byte length of the term blob, then element counts of each Uint32Array section, in SECTIONS order. */
  termBytes: number;
  sections: number[];
}

const SECTIONS = [
  'termGroups',
  'docFreq',
  'postStart0',
  'postChunk0',
  'postTf0',
  'postStart1',
  'postChunk1',
  'postTf1',
  'postStart2',
  'postChunk2',
  'postTf2',
  'fieldLength',
  'chunkDoc',
  'docTermStart',
  'docTerms',
  'topicStart',
  'topicTerms',
  'gramKeys',
  'gramStart',
  'gramTerms',
] as const;

/** Encoded index with its key (the tokenizer and glossary it was built with). */
export function encodePostings(arrays: PostingsArrays, key: string): Uint8Array {
  const encoder = new TextEncoder();
  const groups: Uint8Array[] = [];
  const groupEnds: number[] = [];
  let termBytes = 0;
  for (let i = 0; i < arrays.terms.length; i += TERM_GROUP) {
    const bytes = encoder.encode(arrays.terms.slice(i, i + TERM_GROUP).join('\0'));
    groups.push(bytes);
    termBytes += bytes.length;
    groupEnds.push(termBytes);
  }
  const sections: Uint32Array[] = [
    Uint32Array.from(groupEnds),
    arrays.docFreq,
    ...Array.from({ length: FIELDS }, (_, f) => [
      arrays.postStart[f] as Uint32Array,
      arrays.postChunk[f] as Uint32Array,
      arrays.postTf[f] as Uint32Array,
    ]).flat(),
    arrays.fieldLength,
    arrays.chunkDoc,
    arrays.docTermStart,
    arrays.docTerms,
    arrays.topicStart,
    arrays.topicTerms,
    new Uint32Array(arrays.gramKeys.buffer, arrays.gramKeys.byteOffset, arrays.gramKeys.length),
    arrays.gramStart,
    arrays.gramTerms,
  ];
  const header: Header = {
    format: FORMAT,
    key,
    termCount: arrays.terms.length,
    avgFieldLength: arrays.avgFieldLength,
    docPaths: arrays.docPaths,
    chunkIds: arrays.chunkIds,
    termBytes,
    sections: sections.map((section) => section.length),
  };
  const headerBytes = encoder.encode(JSON.stringify(header));
  const align = (n: number) => (n + 3) & ~3;
  let size = align(8 + headerBytes.length) + align(termBytes);
  for (const section of sections) size += section.byteLength;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  let at = align(8 + headerBytes.length);
  for (const group of groups) {
    out.set(group, at);
    at += group.length;
  }
  at = align(at);
  for (const section of sections) {
    out.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), at);
    at += section.byteLength;
  }
  return out;
}

/** How many leading bytes hold the header, from the first 8 (null when they are not a lexical index's). */
export function headerEnd(first8: Uint8Array): number | null {
  if (first8.byteLength < 8) return null;
  const view = new DataView(first8.buffer, first8.byteOffset, 8);
  return view.getUint32(0, true) === MAGIC ? 8 + view.getUint32(4, true) : null;
}

/** The key of an encoded index from its leading bytes (see headerEnd), or null when it has another format. */
export function keyOfHeader(head: Uint8Array): string | null {
  const end = headerEnd(head);
  if (end === null || head.byteLength < end) return null;
  try {
    const header = JSON.parse(new TextDecoder().decode(head.subarray(8, end))) as Partial<Header>;
    return header.format === FORMAT && typeof header.key === 'string' ? header.key : null;
  } catch {
    return null;
  }
}

/** A decoded index whose term dictionary is still bytes: `decodeTerms` finishes it. */
export interface EncodedPostings {
  key: string;
  arrays: Omit<PostingsArrays, 'terms'>;
  termCount: number;
  termBlob: Uint8Array;
  termGroupEnds: Uint32Array;
}

/**
 * Views over `bytes` (which must stay unchanged); throws on anything malformed. `verify: false` skips the walk
 * over every posting (for a buffer the same process family just verified: the build worker checks, the server
 * thread takes it as is).
 */
export function decodePostings(bytes: Uint8Array, options: { verify?: boolean } = {}): EncodedPostings {
  if (bytes.byteLength < 8) throw new Error('lexical index too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('not a lexical index');
  const headerLength = view.getUint32(4, true);
  if (8 + headerLength > bytes.byteLength) throw new Error('lexical index header is truncated');
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Header;
  if (
    header?.format !== FORMAT ||
    !Array.isArray(header.sections) ||
    header.sections.length !== SECTIONS.length
  )
    throw new Error('lexical index has another format');
  if (
    !Array.isArray(header.docPaths) ||
    !Array.isArray(header.chunkIds) ||
    !Array.isArray(header.avgFieldLength)
  )
    throw new Error('lexical index header is invalid');
  const align = (n: number) => (n + 3) & ~3;
  let at = align(8 + headerLength);
  const termBlob = bytes.subarray(at, at + header.termBytes);
  at = align(at + header.termBytes);
  // Uint32Array views need 4-byte alignment of the absolute offset: copy once if the buffer is not aligned.
  const base = (bytes.byteOffset + at) % 4 === 0 ? bytes : bytes.slice();
  const sections: Uint32Array[] = [];
  for (const length of header.sections) {
    if (!Number.isInteger(length) || length < 0 || at + length * 4 > bytes.byteLength)
      throw new Error('lexical index is truncated');
    sections.push(new Uint32Array(base.buffer, base.byteOffset + at, length));
    at += length * 4;
  }
  const s = (name: (typeof SECTIONS)[number]) => sections[SECTIONS.indexOf(name)] as Uint32Array;
  const arrays = {
    docFreq: s('docFreq'),
    postStart: [s('postStart0'), s('postStart1'), s('postStart2')],
    postChunk: [s('postChunk0'), s('postChunk1'), s('postChunk2')],
    postTf: [s('postTf0'), s('postTf1'), s('postTf2')],
    fieldLength: s('fieldLength'),
    avgFieldLength: header.avgFieldLength,
    chunkDoc: s('chunkDoc'),
    docTermStart: s('docTermStart'),
    docTerms: s('docTerms'),
    topicStart: s('topicStart'),
    topicTerms: s('topicTerms'),
    docPaths: header.docPaths,
    chunkIds: header.chunkIds,
    gramKeys: new Int32Array(s('gramKeys').buffer, s('gramKeys').byteOffset, s('gramKeys').length),
    gramStart: s('gramStart'),
    gramTerms: s('gramTerms'),
  };
  if (options.verify !== false) checkShape(arrays, header.termCount);
  return { key: header.key, arrays, termCount: header.termCount, termBlob, termGroupEnds: s('termGroups') };
}

/** Sizes that the search loops rely on (they index without bounds checks of their own). */
function checkShape(arrays: Omit<PostingsArrays, 'terms'>, termCount: number): void {
  const chunks = arrays.chunkIds.length;
  const docs = arrays.docPaths.length;
  const ok =
    arrays.docFreq.length === termCount &&
    arrays.fieldLength.length === chunks * FIELDS &&
    arrays.chunkDoc.length === chunks &&
    arrays.avgFieldLength.length === FIELDS &&
    arrays.docTermStart.length === docs + 1 &&
    arrays.topicStart.length === docs + 1 &&
    arrays.docTermStart[docs] === arrays.docTerms.length &&
    arrays.topicStart[docs] === arrays.topicTerms.length &&
    arrays.postStart.every(
      (start, f) =>
        start.length === termCount + 1 &&
        start[termCount] === arrays.postChunk[f]?.length &&
        arrays.postTf[f]?.length === arrays.postChunk[f]?.length &&
        ascending(start),
    ) &&
    ascending(arrays.chunkDoc) &&
    ascending(arrays.docTermStart) &&
    ascending(arrays.topicStart) &&
    arrays.postChunk.every((list) => allBelow(list, chunks)) &&
    allBelow(arrays.chunkDoc, docs) &&
    allBelow(arrays.docTerms, termCount) &&
    arrays.gramStart.length === arrays.gramKeys.length + 1 &&
    arrays.gramStart[arrays.gramKeys.length] === arrays.gramTerms.length &&
    ascending(arrays.gramStart) &&
    strictlyAscending(arrays.gramKeys) &&
    allBelow(arrays.gramTerms, termCount) &&
    allBelow(arrays.topicTerms, termCount);
  if (!ok) throw new Error('lexical index sections do not fit together');
}

/** Whether every value is below `bound` (a plain loop: a typed array's every() with a callback is several times slower). */
function allBelow(values: Uint32Array, bound: number): boolean {
  for (let i = 0; i < values.length; i++) if ((values[i] as number) >= bound) return false;
  return true;
}

function strictlyAscending(values: Int32Array): boolean {
  for (let i = 1; i < values.length; i++)
    if ((values[i] as number) <= (values[i - 1] as number)) return false;
  return true;
}

function ascending(values: Uint32Array): boolean {
  for (let i = 1; i < values.length; i++) if ((values[i] as number) < (values[i - 1] as number)) return false;
  return true;
}

/** Decodes term groups [from, to) of the dictionary. */
export function decodeTermGroups(encoded: EncodedPostings, from: number, to: number): string[] {
  const decoder = new TextDecoder();
  const out: string[] = [];
  for (let g = from; g < to; g++) {
    const start = g === 0 ? 0 : (encoded.termGroupEnds[g - 1] as number);
    const end = encoded.termGroupEnds[g] as number;
    for (const term of decoder.decode(encoded.termBlob.subarray(start, end)).split('\0')) out.push(term);
  }
  return out;
}

export function termGroupCount(encoded: EncodedPostings): number {
  return encoded.termGroupEnds.length;
}
