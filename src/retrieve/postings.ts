/**
 * The lexical index as a few flat typed arrays: a sorted term dictionary, per field (title, headings, text) the
 * postings of each term (chunk ordinals and term frequencies, CSR layout), each chunk's field lengths, and per doc
 * its sorted term ids (all its tokens, and its topic tokens). Pure (no I/O).
 *
 * Why not a general search library: the index serializes to one binary buffer that opens without parsing (typed
 * array views over the file; a worker hands it to the main thread without copying), holds a 5,000-doc KB in tens of
 * megabytes instead of hundreds, and a question costs the postings of its terms, summed into a flat score array,
 * with no per-result objects and no sort of every matching chunk.
 *
 * Scoring is MiniSearch's BM25+ exactly (k 1.2, b 0.7, d 0.5; per-field IDF over all chunks, field length = its
 * distinct terms; a result's score × the number of distinct query terms it matched; fuzzy matches weighted
 * 0.45 × length / (length + distance)), so rankings and calibrated confidence are those of the library it replaces.
 */
import { type BigramIndex, FuzzyDictionary, updateBigramIndex } from './fuzzy-terms.js';
import { lowerBound, sortedIndexOf } from './lower-bound.js';
import { FIELDS, PostingsBuilder } from './postings-builder.js';

export { FIELDS };

const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const FUZZY_WEIGHT = 0.45;

/** Term counts of one chunk, per field. */
export type ChunkTerms = [Map<string, number>, Map<string, number>, Map<string, number>];

export interface PostingsInputDoc {
  path: string;
  chunkIds: readonly string[];
  /** Tokens of the doc's title and triggers (topic tokens besides its headings). */
  topic: Iterable<string>;
  chunks: readonly ChunkTerms[];
}

export interface PostingsArrays extends BigramIndex {
  /** Sorted by code unit (JS default order), so terms that share a prefix are contiguous. */
  terms: string[];
  /** Per term: the docs whose tokens hold it. */
  docFreq: Uint32Array;
  /** Per field: postStart (terms + 1), postChunk, postTf. */
  postStart: Uint32Array[];
  postChunk: Uint32Array[];
  postTf: Uint32Array[];
  /** chunk × FIELDS: distinct terms in that field. */
  fieldLength: Uint32Array;
  avgFieldLength: number[];
  chunkDoc: Uint32Array;
  docTermStart: Uint32Array;
  docTerms: Uint32Array;
  topicStart: Uint32Array;
  topicTerms: Uint32Array;
  docPaths: string[];
  chunkIds: string[];
}

/** Builds the arrays from per-chunk term counts. Chunk ordinals follow docs order. */
export function buildPostings(docs: readonly PostingsInputDoc[]): PostingsArrays {
  const builder = new PostingsBuilder();
  for (const doc of docs) builder.addCounts(doc.path, doc.chunkIds, doc.topic, doc.chunks);
  return builder.finish();
}

/**
 * The inputs of the docs in `keep` (by path) back from built arrays, without their source text: an incremental
 * ingest re-tokenizes only the docs that changed.
 */
export function inputsFromPostings(
  arrays: PostingsArrays,
  keep: ReadonlySet<string>,
): Map<string, PostingsInputDoc> {
  const out = new Map<string, PostingsInputDoc>();
  const docOf: Array<PostingsInputDoc | null> = [];
  const chunkSlot: Array<ChunkTerms | null> = new Array(arrays.chunkIds.length).fill(null);
  let chunk = 0;
  arrays.docPaths.forEach((path, d) => {
    const count = countChunks(arrays, d);
    if (!keep.has(path)) {
      docOf.push(null);
      chunk += count;
      return;
    }
    const topic: string[] = [];
    const chunks: ChunkTerms[] = [];
    for (let c = 0; c < count; c++) {
      const fields: ChunkTerms = [new Map(), new Map(), new Map()];
      chunks.push(fields);
      chunkSlot[chunk + c] = fields;
    }
    const entry = { path, chunkIds: arrays.chunkIds.slice(chunk, chunk + count), topic, chunks };
    docOf.push(entry);
    out.set(path, entry);
    chunk += count;
  });
  for (let f = 0; f < FIELDS; f++) {
    const start = arrays.postStart[f] as Uint32Array;
    const chunks = arrays.postChunk[f] as Uint32Array;
    const tfs = arrays.postTf[f] as Uint32Array;
    for (let t = 0; t < arrays.terms.length; t++) {
      const term = arrays.terms[t] as string;
      for (let p = start[t] as number; p < (start[t + 1] as number); p++) {
        const fields = chunkSlot[chunks[p] as number];
        if (fields) (fields[f] as Map<string, number>).set(term, tfs[p] as number);
      }
    }
  }
  // Topic tokens are stored merged with the headings' tokens; the headings' ones come back from the chunks.
  arrays.docPaths.forEach((_, d) => {
    const entry = docOf[d];
    if (!entry) return;
    const topic = entry.topic as string[];
    for (let i = arrays.topicStart[d] as number; i < (arrays.topicStart[d + 1] as number); i++)
      topic.push(arrays.terms[arrays.topicTerms[i] as number] as string);
  });
  return out;
}

/** A doc of an updated index: unchanged since the previous arrays (its doc ordinal there), or tokenized anew. */
export type PostingsUpdateDoc = { previous: number } | PostingsInputDoc;

/** Per doc of built arrays, where its chunks start (docs + 1 entries: the last is the chunk count). */
export function docChunkStarts(arrays: PostingsArrays): Uint32Array {
  const starts = new Uint32Array(arrays.docPaths.length + 1);
  for (const d of arrays.chunkDoc) starts[d + 1] = (starts[d + 1] as number) + 1;
  for (let d = 0; d < arrays.docPaths.length; d++)
    starts[d + 1] = (starts[d + 1] as number) + (starts[d] as number);
  return starts;
}

/**
 * The arrays `buildPostings` would make for `docs`, made from the previous arrays: unchanged docs' postings,
 * field lengths and term lists are copied across (chunk ordinals and term ids renumbered), only the docs given
 * as inputs are merged in from their term counts. Why: taking unchanged docs back out as per-chunk maps costs
 * as much as building the index afresh, while this is a walk over flat arrays. The result equals a fresh build's
 * exactly (same term order, postings order, floating-point averages).
 */
export function updatePostings(previous: PostingsArrays, docs: readonly PostingsUpdateDoc[]): PostingsArrays {
  const oldStarts = docChunkStarts(previous);
  // New chunk ordinal of each previous chunk (-1: its doc changed or is gone), also as runs of previous chunks
  // that keep one offset (`segments`: few when few docs changed).
  const newChunkOf = new Int32Array(previous.chunkDoc.length).fill(-1);
  const keptDoc = new Uint8Array(previous.docPaths.length);
  const segments = new ChunkSegments();
  let chunkCount = 0;
  let lastPrevious = -1;
  for (const doc of docs) {
    if ('previous' in doc) {
      // Renumbering keeps postings in chunk order only while kept docs keep their relative order.
      if (doc.previous <= lastPrevious) return rebuild(previous, docs);
      lastPrevious = doc.previous;
      keptDoc[doc.previous] = 1;
      const from = oldStarts[doc.previous] as number;
      const to = oldStarts[doc.previous + 1] as number;
      segments.add(from, to, chunkCount - from);
      for (let c = from; c < to; c++) newChunkOf[c] = chunkCount++;
    } else chunkCount += doc.chunks.length;
  }

  // The dictionary: previous terms that kept docs still hold, merged with the new inputs' terms. A previous term is
  // still held unless every doc that held it (its doc frequency) changed or is gone: only those docs are walked.
  const droppedHolders = new Uint32Array(previous.terms.length);
  const droppedPostings = [0, 0, 0];
  for (let d = 0; d < previous.docPaths.length; d++) {
    if (keptDoc[d]) continue;
    for (let i = previous.docTermStart[d] as number; i < (previous.docTermStart[d + 1] as number); i++) {
      const t = previous.docTerms[i] as number;
      droppedHolders[t] = (droppedHolders[t] as number) + 1;
    }
    // A chunk has one posting per distinct term of a field (its field length).
    for (let c = oldStarts[d] as number; c < (oldStarts[d + 1] as number); c++)
      for (let f = 0; f < FIELDS; f++)
        droppedPostings[f] =
          (droppedPostings[f] as number) + (previous.fieldLength[c * FIELDS + f] as number);
  }
  const usedOld = new Uint8Array(previous.terms.length);
  for (let t = 0; t < usedOld.length; t++)
    usedOld[t] = (previous.docFreq[t] as number) > (droppedHolders[t] as number) ? 1 : 0;
  const freshTerms = new Set<string>();
  for (const doc of docs) {
    if ('previous' in doc) continue;
    for (const token of doc.topic) freshTerms.add(token);
    for (const chunk of doc.chunks)
      for (const field of chunk) for (const term of field.keys()) freshTerms.add(term);
  }
  const added = [...freshTerms].filter((term) => {
    const id = sortedIndexOf(previous.terms, term);
    return id < 0 || !usedOld[id];
  });
  added.sort();
  const terms: string[] = [];
  const oldToNew = new Int32Array(previous.terms.length).fill(-1);
  const newToOld: number[] = [];
  let a = 0;
  for (let o = 0; o <= previous.terms.length; o++) {
    if (o < previous.terms.length && !usedOld[o]) continue;
    const term = previous.terms[o];
    while (a < added.length && (term === undefined || (added[a] as string) < term)) {
      terms.push(added[a++] as string);
      newToOld.push(-1);
    }
    if (term === undefined) break;
    oldToNew[o] = terms.length;
    terms.push(term);
    newToOld.push(o);
  }
  const idOf = (term: string) => {
    const id = sortedIndexOf(terms, term);
    if (id < 0) throw new Error(`term missing from the merged dictionary: ${term}`);
    return id;
  };

  // Per chunk: its doc and field lengths; per doc: its term lists; the inputs' postings, in chunk order.
  const chunkDoc = new Uint32Array(chunkCount);
  const fieldLength = new Uint32Array(chunkCount * FIELDS);
  const freshPostings = Array.from({ length: FIELDS }, () => new Map<number, number[]>());
  // Per doc its sorted term ids: the inputs' here, kept docs' (null) copied from the previous arrays below.
  const docTermLists: Array<Uint32Array | null> = [];
  const topicLists: Array<Uint32Array | null> = [];
  const chunkIds: string[] = [];
  let chunk = 0;
  for (const [d, doc] of docs.entries()) {
    if ('previous' in doc) {
      const start = oldStarts[doc.previous] as number;
      const end = oldStarts[doc.previous + 1] as number;
      chunkDoc.fill(d, chunk, chunk + end - start);
      fieldLength.set(previous.fieldLength.subarray(start * FIELDS, end * FIELDS), chunk * FIELDS);
      for (let c = start; c < end; c++) chunkIds.push(previous.chunkIds[c] as string);
      docTermLists.push(null);
      topicLists.push(null);
      chunk += end - start;
      continue;
    }
    const docTerms = new Set<number>();
    const topic = new Set<number>();
    for (const token of doc.topic) topic.add(idOf(token));
    for (const fields of doc.chunks) {
      chunkDoc[chunk] = d;
      fields.forEach((field, f) => {
        fieldLength[chunk * FIELDS + f] = field.size;
        const lists = freshPostings[f] as Map<number, number[]>;
        for (const [term, tf] of field) {
          const id = idOf(term);
          const list = lists.get(id);
          if (list) list.push(chunk, tf);
          else lists.set(id, [chunk, tf]);
          docTerms.add(id);
          if (f === 1) topic.add(id);
        }
      });
      chunk++;
    }
    for (const id of topic) docTerms.add(id);
    docTermLists.push(Uint32Array.from(docTerms).sort());
    topicLists.push(Uint32Array.from(topic).sort());
    chunkIds.push(...doc.chunkIds);
  }
  // MiniSearch's running average, in chunk order, for the same floating-point result as a fresh build.
  const avgFieldLength = [0, 0, 0];
  for (let c = 0; c < chunkCount; c++)
    for (let f = 0; f < FIELDS; f++)
      avgFieldLength[f] =
        ((avgFieldLength[f] as number) * c + (fieldLength[c * FIELDS + f] as number)) / (c + 1);

  // Postings: per term, the kept chunks' postings (renumbered, still ascending) merged with the inputs' ones.
  const postStart: Uint32Array[] = [];
  const postChunk: Uint32Array[] = [];
  const postTf: Uint32Array[] = [];
  for (let f = 0; f < FIELDS; f++) {
    const oldStart = previous.postStart[f] as Uint32Array;
    const oldChunk = previous.postChunk[f] as Uint32Array;
    const oldTf = previous.postTf[f] as Uint32Array;
    const lists = freshPostings[f] as Map<number, number[]>;
    let freshTotal = 0;
    for (const list of lists.values()) freshTotal += list.length / 2;
    // Exactly the postings kept and added. Previous arrays whose counts do not add up (damage) are caught below:
    // writes past the end are dropped, and the index is then built the slow way.
    const size = Math.max(0, oldChunk.length - (droppedPostings[f] as number)) + freshTotal;
    const outChunk = new Uint32Array(size);
    const outTf = new Uint32Array(size);
    const start = new Uint32Array(terms.length + 1);
    let at = 0;
    for (let t = 0; t < terms.length; t++) {
      const o = newToOld[t] as number;
      let p = o < 0 ? 0 : (oldStart[o] as number);
      const pEnd = o < 0 ? 0 : (oldStart[o + 1] as number);
      const list = lists.get(t);
      if (segments.worthIt(pEnd - p)) {
        // A long list: each run of kept chunks found by binary search and copied in one go, the inputs' postings
        // (which fall between runs) merged in between.
        at = segments.copy(oldChunk, oldTf, p, pEnd, list ?? NO_POSTINGS, outChunk, outTf, at);
        start[t + 1] = at;
        continue;
      }
      if (list === undefined) {
        // Most terms: only kept chunks' postings, renumbered (a changed doc's old ones dropped).
        for (; p < pEnd; p++) {
          const kept = newChunkOf[oldChunk[p] as number] as number;
          if (kept < 0) continue;
          outChunk[at] = kept;
          outTf[at++] = oldTf[p] as number;
        }
        start[t + 1] = at;
        continue;
      }
      let q = 0;
      const qEnd = list.length;
      while (p < pEnd || q < qEnd) {
        const kept = p < pEnd ? (newChunkOf[oldChunk[p] as number] as number) : -1;
        if (p < pEnd && kept < 0) {
          p++;
          continue;
        }
        if (q < qEnd && (p >= pEnd || (list[q] as number) < kept)) {
          outChunk[at] = list[q] as number;
          outTf[at++] = list[q + 1] as number;
          q += 2;
        } else {
          outChunk[at] = kept;
          outTf[at++] = oldTf[p++] as number;
        }
      }
      start[t + 1] = at;
    }
    if (at !== size) return rebuild(previous, docs);
    postStart.push(start);
    postChunk.push(outChunk);
    postTf.push(outTf);
  }

  // The same dictionary: term ids need no renumbering (kept docs' term lists are copied as they are).
  const sameTerms =
    terms.length === previous.terms.length && terms.every((term, t) => term === previous.terms[t]);
  const csr = (lists: Array<Uint32Array | null>, oldStart: Uint32Array, oldList: Uint32Array) => {
    const start = new Uint32Array(lists.length + 1);
    lists.forEach((list, d) => {
      const doc = docs[d] as PostingsUpdateDoc;
      const length =
        list?.length ??
        ('previous' in doc ? (oldStart[doc.previous + 1] as number) - (oldStart[doc.previous] as number) : 0);
      start[d + 1] = (start[d] as number) + length;
    });
    const flat = new Uint32Array(start[lists.length] as number);
    lists.forEach((list, d) => {
      const doc = docs[d] as PostingsUpdateDoc;
      if (list) flat.set(list, start[d]);
      else if ('previous' in doc) {
        const from = oldStart[doc.previous] as number;
        const to = oldStart[doc.previous + 1] as number;
        if (sameTerms) {
          flat.set(oldList.subarray(from, to), start[d] as number);
          return;
        }
        // Both dictionaries are sorted: renumbered ids stay in ascending order.
        let at = start[d] as number;
        for (let i = from; i < to; i++) flat[at++] = oldToNew[oldList[i] as number] as number;
      }
    });
    return { start, flat };
  };
  const docCsr = csr(docTermLists, previous.docTermStart, previous.docTerms);
  const topicCsr = csr(topicLists, previous.topicStart, previous.topicTerms);
  // Doc frequencies: the previous ones less the dropped docs', plus the inputs'.
  const docFreq = new Uint32Array(terms.length);
  for (let t = 0; t < terms.length; t++) {
    const o = newToOld[t] as number;
    if (o >= 0) docFreq[t] = (previous.docFreq[o] as number) - (droppedHolders[o] as number);
  }
  for (const list of docTermLists) {
    if (!list) continue;
    for (const id of list) docFreq[id] = (docFreq[id] as number) + 1;
  }
  // The bigram index depends on the dictionary only: reused when no term came or went (terms of a changed doc
  // that only it holds count as added above, yet leave the dictionary as it was); else updated for the terms
  // that came and went.
  const grams = sameTerms
    ? { gramKeys: previous.gramKeys, gramStart: previous.gramStart, gramTerms: previous.gramTerms }
    : updateBigramIndex(previous, terms, oldToNew, newToOld);
  return {
    terms,
    docFreq,
    postStart,
    postChunk,
    postTf,
    fieldLength,
    avgFieldLength,
    chunkDoc,
    docTermStart: docCsr.start,
    docTerms: docCsr.flat,
    topicStart: topicCsr.start,
    topicTerms: topicCsr.flat,
    docPaths: docs.map((doc) => ('previous' in doc ? (previous.docPaths[doc.previous] as string) : doc.path)),
    chunkIds,
    ...grams,
  };
}

/**
 * Runs of previous chunk ordinals [from, to) that keep one offset to their new ordinals, ascending. Copying a long
 * postings list run by run (binary search for each run's bounds, then a block copy) beats renumbering it posting
 * by posting; with many runs (many docs changed) or a short list, the per-posting walk is the cheaper one.
 */
class ChunkSegments {
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  private readonly offset: number[] = [];

  add(from: number, to: number, offset: number): void {
    if (to <= from) return;
    const last = this.to.length - 1;
    if (last >= 0 && this.to[last] === from && this.offset[last] === offset) this.to[last] = to;
    else {
      this.from.push(from);
      this.to.push(to);
      this.offset.push(offset);
    }
  }

  worthIt(listLength: number): boolean {
    return this.from.length <= 64 && listLength >= 16 * (this.from.length + 1);
  }

  /**
   * Copies the kept postings of chunks[p, pEnd) (ascending) to out from `at`, renumbered, merged with `fresh`
   * (new chunk ordinal, tf pairs, ascending, none inside a run); returns the new end. Past the end of `out`
   * nothing is written, but the end counts on (the caller checks it).
   */
  copy(
    chunks: Uint32Array,
    tfs: Uint32Array,
    p: number,
    pEnd: number,
    fresh: readonly number[],
    outChunk: Uint32Array,
    outTf: Uint32Array,
    at: number,
  ): number {
    let a = p;
    let q = 0;
    for (let k = 0; k < this.from.length; k++) {
      const offset = this.offset[k] as number;
      const newFrom = (this.from[k] as number) + offset;
      for (; q < fresh.length && (fresh[q] as number) < newFrom; q += 2, at++) {
        outChunk[at] = fresh[q] as number;
        outTf[at] = fresh[q + 1] as number;
      }
      if (a >= pEnd) continue;
      a = lowerBoundU32(chunks, this.from[k] as number, a, pEnd);
      const b = lowerBoundU32(chunks, this.to[k] as number, a, pEnd);
      if (b === a) continue;
      if (at + b - a <= outChunk.length) {
        if (offset === 0) outChunk.set(chunks.subarray(a, b), at);
        else for (let i = a, j = at; i < b; i++, j++) outChunk[j] = (chunks[i] as number) + offset;
        outTf.set(tfs.subarray(a, b), at);
      }
      at += b - a;
      a = b;
    }
    for (; q < fresh.length; q += 2, at++) {
      outChunk[at] = fresh[q] as number;
      outTf[at] = fresh[q + 1] as number;
    }
    return at;
  }
}

const NO_POSTINGS: readonly number[] = [];

/** lowerBound over a Uint32Array (monomorphic: called per run of every long postings list). */
function lowerBoundU32(sorted: Uint32Array, value: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The slow way, when kept docs were reordered: their term counts taken back out as maps, then a full build. */
function rebuild(previous: PostingsArrays, docs: readonly PostingsUpdateDoc[]): PostingsArrays {
  const keep = new Set(
    docs.flatMap((doc) => ('previous' in doc ? [previous.docPaths[doc.previous] as string] : [])),
  );
  const back = inputsFromPostings(previous, keep);
  return buildPostings(
    docs.map((doc) =>
      'previous' in doc ? (back.get(previous.docPaths[doc.previous] as string) as PostingsInputDoc) : doc,
    ),
  );
}

function countChunks(arrays: PostingsArrays, doc: number): number {
  // chunkDoc is ascending: count this doc's run.
  return lowerBound(arrays.chunkDoc, doc + 1) - lowerBound(arrays.chunkDoc, doc);
}

export interface PostingsQueryTerm {
  term: string;
  /** Query-side weight of the term (boostTerm). */
  boost: number;
  /** Largest edit distance for fuzzy matches; 0 for none. */
  maxDistance: number;
}

/** Query-time view over the arrays: term look-up and scratch space for scoring. One question at a time. */
export class PostingsIndex {
  readonly chunkCount: number;
  private readonly idOf: Map<string, number>;
  private readonly docOrdinal: Map<string, number>;
  private scores: Float64Array;
  /**
   * Per chunk, packed in one number (one memory access per posting): the query terms it matched (high 16 bits)
   * and the last one, plus 1 (low 16 bits; 0: no term matched it yet).
   */
  private hits: Int32Array;
  private touched: Uint32Array;
  /** Per field, per chunk: BM25's length normalization k·(1 − b + b·length/average), computed once. */
  private readonly lengthNorm: Float64Array[];
  private readonly fuzzy: FuzzyDictionary;
  /** The last search's scored chunks (in the order first matched) and the terms they were scored for. */
  private scored?: { key: string; count: number; chunks: Uint32Array; scores: Float64Array };
  /** The terms of the last search that scored. */
  private lastTerms?: { boostKey: string; termKeys: string[] };
  /** The scoring state after the first terms two searches shared (`termKeys`): the touched chunks' sums. */
  private checkpoint?: {
    boostKey: string;
    termKeys: string[];
    count: number;
    chunks: Uint32Array;
    scores: Float64Array;
    hits: Int32Array;
  };

  constructor(
    readonly arrays: PostingsArrays,
    /** Built ahead (in slices) by the caller, or here. */
    idOf?: Map<string, number>,
  ) {
    this.chunkCount = arrays.chunkDoc.length;
    this.idOf = idOf ?? new Map(arrays.terms.map((term, i) => [term, i]));
    this.docOrdinal = new Map(arrays.docPaths.map((path, i) => [path, i]));
    this.scores = new Float64Array(this.chunkCount);
    this.hits = new Int32Array(this.chunkCount);
    this.touched = new Uint32Array(this.chunkCount);
    this.lengthNorm = Array.from({ length: FIELDS }, (_, f) => {
      const norms = new Float64Array(this.chunkCount);
      for (let c = 0; c < this.chunkCount; c++) {
        const length = arrays.fieldLength[c * FIELDS + f] as number;
        norms[c] = BM25.k * (1 - BM25.b + (BM25.b * length) / (arrays.avgFieldLength[f] as number));
      }
      return norms;
    });
    this.fuzzy = new FuzzyDictionary(arrays.terms, arrays);
  }

  termId(term: string): number | undefined {
    return this.idOf.get(term);
  }

  /** Docs whose tokens hold `term`, or undefined when the KB does not contain it. */
  docFreq(term: string): number | undefined {
    const id = this.idOf.get(term);
    return id === undefined ? undefined : this.arrays.docFreq[id];
  }

  terms(): Iterable<string> {
    return this.arrays.terms;
  }

  get termCount(): number {
    return this.arrays.terms.length;
  }

  /** Whether doc `path`'s tokens (or topic tokens) hold term id `id`. */
  docHas(path: string, id: number, topic: boolean): boolean {
    const d = this.docOrdinal.get(path);
    if (d === undefined) return false;
    const start = topic ? this.arrays.topicStart : this.arrays.docTermStart;
    const list = topic ? this.arrays.topicTerms : this.arrays.docTerms;
    return sortedIndexOf(list, id, start[d] as number, start[d + 1] as number) >= 0;
  }

  /**
   * The sum of `weights[i]` over the term ids `ids[i]` that doc ordinal `d`'s tokens (or topic tokens) hold,
   * added in the order given: a doc's coverage of a question, without looking its path up per term.
   */
  weightHeld(d: number, ids: readonly number[], weights: readonly number[], topic: boolean): number {
    const start = (topic ? this.arrays.topicStart : this.arrays.docTermStart)[d] as number;
    const end = (topic ? this.arrays.topicStart : this.arrays.docTermStart)[d + 1] as number;
    const list = topic ? this.arrays.topicTerms : this.arrays.docTerms;
    let sum = 0;
    for (let i = 0; i < ids.length; i++) {
      if (sortedIndexOf(list, ids[i] as number, start, end) >= 0) sum += weights[i] as number;
    }
    return sum;
  }

  /**
   * The `limit` best chunks for the query terms (in order: ties keep the order chunks were first matched in),
   * among chunks whose doc passes `allowDoc`. Cost: the postings of the query's terms and their fuzzy variants.
   */
  search(
    query: readonly PostingsQueryTerm[],
    boosts: readonly number[],
    limit: number,
    allowDoc?: (docOrdinal: number) => boolean,
    maxPostings = Number.POSITIVE_INFINITY,
  ): Array<{ chunk: number; score: number }> {
    // A term's mark in `hits` is its position + 1, in 16 bits (a question has at most `maxQueryTerms`).
    if (query.length >= 0xffff) throw new RangeError(`too many query terms: ${query.length}`);
    const { scores, hits, touched, lengthNorm } = this;
    let touchedCount = 0;
    const { postStart, postChunk, postTf } = this.arrays;
    const total = this.chunkCount;
    const termScores = (q: number, id: number, weight: number) => {
      for (let f = 0; f < FIELDS; f++) {
        const start = (postStart[f] as Uint32Array)[id] as number;
        const end = (postStart[f] as Uint32Array)[id + 1] as number;
        if (end === start) continue;
        const df = end - start;
        const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
        const factor = weight * (boosts[f] ?? 1);
        touchedCount = scoreList(
          postChunk[f] as Uint32Array,
          postTf[f] as Uint32Array,
          start,
          end,
          idf,
          factor,
          q,
          lengthNorm[f] as Float64Array,
          { scores, hits, touched },
          touchedCount,
        );
      }
    };
    // The terms to score (fuzzy matches included), in query order, then within the postings budget.
    const planned: Array<{ q: number; id: number; weight: number; postings: number }> = [];
    const postingsOf = (id: number) => {
      let count = 0;
      for (let f = 0; f < FIELDS; f++) {
        const starts = postStart[f] as Uint32Array;
        count += (starts[id + 1] as number) - (starts[id] as number);
      }
      return count;
    };
    query.forEach((entry, q) => {
      if (!entry.term) return;
      const id = this.idOf.get(entry.term);
      if (id !== undefined) planned.push({ q, id, weight: entry.boost, postings: postingsOf(id) });
      if (entry.maxDistance > 0) {
        for (const { index, distance } of this.fuzzy.near(entry.term, entry.maxDistance)) {
          if (distance === 0) continue;
          const length = (this.arrays.terms[index] as string).length;
          const weight = entry.boost * ((FUZZY_WEIGHT * length) / (length + distance));
          planned.push({ q, id: index, weight, postings: postingsOf(index) });
        }
      }
    });
    const kept = withinPostingsBudget(planned, maxPostings);
    // The chunks' scores depend only on the terms walked: a search with the same ones (another CNI's runbooks for
    // the same long question, whose terms are the first `maxQueryTerms` of it either way) only picks again.
    const boostKey = boosts.join(',');
    const termKeys = kept.map(({ q, id, weight }) => `${q}:${id}:${weight}`);
    const key = `${boostKey}|${termKeys.join(',')}`;
    const best = new BestChunks(limit, this.arrays.chunkDoc, allowDoc);
    if (this.scored?.key !== key) {
      // Those searches may add a term or two (the other CNI's name), after the same first ones: scoring resumes
      // from the state after the terms the last two searches shared, and saves it where this one leaves the last.
      let from = 0;
      const saved = this.checkpoint;
      if (saved && saved.boostKey === boostKey && startsWith(termKeys, saved.termKeys)) {
        for (let t = 0; t < saved.count; t++) {
          const c = saved.chunks[t] as number;
          touched[t] = c;
          scores[c] = saved.scores[t] as number;
          hits[c] = saved.hits[t] as number;
        }
        touchedCount = saved.count;
        from = saved.termKeys.length;
      }
      const last = this.lastTerms;
      const shared = last && last.boostKey === boostKey ? sharedPrefix(last.termKeys, termKeys) : 0;
      const save = () => {
        this.checkpoint ??= {
          boostKey,
          termKeys: [],
          count: 0,
          chunks: new Uint32Array(this.chunkCount),
          scores: new Float64Array(this.chunkCount),
          hits: new Int32Array(this.chunkCount),
        };
        const checkpoint = this.checkpoint;
        checkpoint.boostKey = boostKey;
        checkpoint.termKeys = termKeys.slice(0, shared);
        checkpoint.count = touchedCount;
        for (let t = 0; t < touchedCount; t++) {
          const c = touched[t] as number;
          checkpoint.chunks[t] = c;
          checkpoint.scores[t] = scores[c] as number;
          checkpoint.hits[t] = hits[c] as number;
        }
      };
      for (let i = from; i < kept.length; i++) {
        if (i === shared && shared > from) save();
        const { q, id, weight } = kept[i] as (typeof kept)[number];
        termScores(q, id, weight);
      }
      if (shared === kept.length && shared > from) save();
      this.lastTerms = { boostKey, termKeys };
      this.scored ??= {
        key,
        count: 0,
        chunks: new Uint32Array(this.chunkCount),
        scores: new Float64Array(this.chunkCount),
      };
      const scored = this.scored;
      scored.key = key;
      scored.count = touchedCount;
      // Kept for a search with the same terms, and picked from in the same pass.
      for (let t = 0; t < touchedCount; t++) {
        const c = touched[t] as number;
        const score = (scores[c] as number) * ((hits[c] as number) >>> 16);
        scored.chunks[t] = c;
        scored.scores[t] = score;
        scores[c] = 0;
        hits[c] = 0;
        if (score > best.floor) best.offer(c, score);
      }
      return best.items;
    }
    const scored = this.scored;
    for (let t = 0; t < scored.count; t++) {
      const score = scored.scores[t] as number;
      if (score > best.floor) best.offer(scored.chunks[t] as number, score);
    }
    return best.items;
  }

  docOrdinalOf(path: string): number | undefined {
    return this.docOrdinal.get(path);
  }
}

/**
 * Adds one term's postings in one field to the running scores (a plain function of typed arrays: the loop every
 * search spends most of its time in). Returns the new count of touched chunks.
 */
function scoreList(
  chunks: Uint32Array,
  tfs: Uint32Array,
  start: number,
  end: number,
  idf: number,
  factor: number,
  q: number,
  lengthNorm: Float64Array,
  state: { scores: Float64Array; hits: Int32Array; touched: Uint32Array },
  touchedCount: number,
): number {
  const { scores, hits, touched } = state;
  const mark = q + 1;
  let count = touchedCount;
  for (let p = start; p < end; p++) {
    const c = chunks[p] as number;
    const tf = tfs[p] as number;
    const raw = idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + (lengthNorm[c] as number)));
    const hit = hits[c] as number;
    if ((hit & 0xffff) !== mark) {
      if (hit === 0) touched[count++] = c;
      hits[c] = ((hit >>> 16) + 1) * 0x10000 + mark;
    }
    scores[c] = (scores[c] as number) + factor * raw;
  }
  return count;
}

/**
 * The best `limit` chunks offered, in one pass: strictly better enters, so among equal scores the first offered
 * stays ahead. A chunk must beat `floor` (the last kept one's score once `limit` are kept): callers test that
 * first, most chunks stop there.
 */
class BestChunks {
  readonly items: Array<{ chunk: number; score: number }> = [];
  floor = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly limit: number,
    private readonly chunkDoc: Uint32Array,
    private readonly allowDoc: ((docOrdinal: number) => boolean) | undefined,
  ) {}

  offer(chunk: number, score: number): void {
    if (this.allowDoc && !this.allowDoc(this.chunkDoc[chunk] as number)) return;
    const { items, limit } = this;
    let at = items.length;
    while (at > 0 && (items[at - 1]?.score ?? 0) < score) at--;
    items.splice(at, 0, { chunk, score });
    if (items.length > limit) items.pop();
    if (items.length === limit) this.floor = items[limit - 1]?.score ?? 0;
  }
}

/** Whether `list` begins with every item of `prefix`. */
function startsWith(list: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= list.length && prefix.every((item, i) => list[i] === item);
}

/** How many first items two lists share. */
function sharedPrefix(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * The work budget of one lexical search: the terms to score, in their order, leaving out the most common ones
 * (the longest postings, the least telling per posting) until the postings left to walk are at most `max`. A
 * query within the budget is scored in full; in a KB the size of the bundled one every query is. Pure.
 */
export function withinPostingsBudget<T extends { postings: number }>(terms: readonly T[], max: number): T[] {
  let total = 0;
  for (const term of terms) total += term.postings;
  if (total <= max) return [...terms];
  const dropped = new Set<number>();
  const byLength = terms
    .map((term, i) => ({ i, postings: term.postings }))
    .sort((a, b) => b.postings - a.postings || b.i - a.i);
  for (const { i, postings } of byLength) {
    if (total <= max) break;
    dropped.add(i);
    total -= postings;
  }
  return terms.filter((_, i) => !dropped.has(i));
}
