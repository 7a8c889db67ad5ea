/**
 * Builds the postings arrays (see postings.ts) one doc at a time, holding each added doc as one flat Uint32Array
 * of (term id, term frequency) pairs instead of a Map per chunk field. Pure (no I/O).
 *
 * Why: a full ingest tokenizes every chunk before the arrays can be laid out (term ids follow the sorted
 * dictionary, which is known only at the end). Held as Maps, 5,040 docs were 140,000 Maps and ~280 MB of heap
 * (18,000 docs did not fit a 1 GB heap); held as pairs they cost 8 bytes per (chunk, field, term), about what
 * the postings themselves cost.
 */
import { buildBigramIndex } from './fuzzy-terms.js';
import type { PostingsArrays } from './postings.js';

export const FIELDS = 3; // title, headings, text

/** One added doc: ids are provisional (the order terms were first seen), remapped to sorted order at the end. */
interface PackedDoc {
  /** Distinct ids of the doc's topic tokens (title and triggers). */
  topic: Uint32Array;
  /** Per chunk × FIELDS, that field's distinct-term count, then all the fields' (id, tf) pairs in that order. */
  packed: Uint32Array;
  chunks: number;
}

export class PostingsBuilder {
  private readonly idOf = new Map<string, number>();
  private readonly termList: string[] = [];
  private readonly docs: PackedDoc[] = [];
  private readonly docPaths: string[] = [];
  private readonly chunkIds: string[] = [];
  private readonly avgFieldLength = [0, 0, 0];
  private chunkCount = 0;
  /** Scratch for counting one field: tf per provisional id (0 outside the field being counted). */
  private counts = new Uint32Array(1024);
  /** Scratch for one doc's packed form. */
  private scratch = new Uint32Array(4096);

  /** Adds a doc from its tokens: per chunk, the token lists of its title, headings and text. */
  addTokens(
    path: string,
    chunkIds: readonly string[],
    topic: Iterable<string>,
    chunks: Iterable<readonly [readonly string[], readonly string[], readonly string[]]>,
  ): void {
    this.addDoc(path, chunkIds, topic, chunks, (tokens, write) => {
      // Distinct ids in first-seen order, with their counts.
      const distinct: number[] = [];
      for (const token of tokens) {
        const id = this.termId(token);
        if (this.counts[id] === 0) distinct.push(id);
        this.counts[id] = (this.counts[id] as number) + 1;
      }
      for (const id of distinct) {
        write(id, this.counts[id] as number);
        this.counts[id] = 0;
      }
      return distinct.length;
    });
  }

  /** Adds a doc from term counts already made: per chunk, per field, term → frequency. */
  addCounts(
    path: string,
    chunkIds: readonly string[],
    topic: Iterable<string>,
    chunks: Iterable<
      readonly [ReadonlyMap<string, number>, ReadonlyMap<string, number>, ReadonlyMap<string, number>]
    >,
  ): void {
    this.addDoc(path, chunkIds, topic, chunks, (counts, write) => {
      for (const [term, tf] of counts) write(this.termId(term), tf);
      return counts.size;
    });
  }

  /** The arrays `buildPostings` makes for the docs added so far, in the order they were added. */
  finish(): PostingsArrays {
    const termCount = this.termList.length;
    const byTerm = Array.from({ length: termCount }, (_, i) => i);
    const list = this.termList;
    // Code-unit order, as Array.prototype.sort orders strings.
    byTerm.sort((a, b) => ((list[a] as string) < (list[b] as string) ? -1 : 1));
    const terms = byTerm.map((id) => list[id] as string);
    const rank = new Uint32Array(termCount);
    byTerm.forEach((id, r) => {
      rank[id] = r;
    });

    const chunkDoc = new Uint32Array(this.chunkCount);
    const fieldLength = new Uint32Array(this.chunkCount * FIELDS);
    const counts = Array.from({ length: FIELDS }, () => new Uint32Array(termCount + 1));
    const docFreq = new Uint32Array(termCount);
    // Per term, the last doc (+1) that listed it: collects a doc's distinct ids without a Set.
    const seenIn = new Uint32Array(termCount);
    const topicSeenIn = new Uint32Array(termCount);
    const docTermLists: Uint32Array[] = [];
    const topicLists: Uint32Array[] = [];
    let chunk = 0;
    for (const [d, doc] of this.docs.entries()) {
      const mark = d + 1;
      const docTerms: number[] = [];
      const topic: number[] = [];
      const addTopic = (r: number) => {
        if (topicSeenIn[r] === mark) return;
        topicSeenIn[r] = mark;
        topic.push(r);
      };
      for (const id of doc.topic) addTopic(rank[id] as number);
      let at = doc.chunks * FIELDS;
      for (let c = 0; c < doc.chunks; c++, chunk++) {
        chunkDoc[chunk] = d;
        for (let f = 0; f < FIELDS; f++) {
          const size = doc.packed[c * FIELDS + f] as number;
          fieldLength[chunk * FIELDS + f] = size;
          const count = counts[f] as Uint32Array;
          for (let end = at + 2 * size; at < end; at += 2) {
            const r = rank[doc.packed[at] as number] as number;
            count[r + 1] = (count[r + 1] as number) + 1;
            if (seenIn[r] !== mark) {
              seenIn[r] = mark;
              docTerms.push(r);
            }
            if (f === 1) addTopic(r);
          }
        }
      }
      for (const r of topic) {
        if (seenIn[r] === mark) continue;
        seenIn[r] = mark;
        docTerms.push(r);
      }
      for (const r of docTerms) docFreq[r] = (docFreq[r] as number) + 1;
      docTermLists.push(Uint32Array.from(docTerms).sort());
      topicLists.push(Uint32Array.from(topic).sort());
    }

    const postStart: Uint32Array[] = [];
    const postChunk: Uint32Array[] = [];
    const postTf: Uint32Array[] = [];
    for (let f = 0; f < FIELDS; f++) {
      const start = counts[f] as Uint32Array;
      for (let t = 0; t < termCount; t++) start[t + 1] = (start[t + 1] as number) + (start[t] as number);
      const total = start[termCount] as number;
      postStart.push(start);
      postChunk.push(new Uint32Array(total));
      postTf.push(new Uint32Array(total));
    }
    // Fill in chunk order, so every postings list is in ascending chunk order.
    const fill = postStart.map((start) => start.slice(0, termCount));
    chunk = 0;
    for (const doc of this.docs) {
      let at = doc.chunks * FIELDS;
      for (let c = 0; c < doc.chunks; c++, chunk++) {
        for (let f = 0; f < FIELDS; f++) {
          const slots = fill[f] as Uint32Array;
          const chunks = postChunk[f] as Uint32Array;
          const tfs = postTf[f] as Uint32Array;
          for (let end = at + 2 * (doc.packed[c * FIELDS + f] as number); at < end; at += 2) {
            const r = rank[doc.packed[at] as number] as number;
            const slot = slots[r] as number;
            chunks[slot] = chunk;
            tfs[slot] = doc.packed[at + 1] as number;
            slots[r] = slot + 1;
          }
        }
      }
    }
    const csr = (lists: Uint32Array[]) => {
      const start = new Uint32Array(lists.length + 1);
      lists.forEach((list, i) => {
        start[i + 1] = (start[i] as number) + list.length;
      });
      const flat = new Uint32Array(start[lists.length] as number);
      for (const [i, list] of lists.entries()) flat.set(list, start[i]);
      return { start, flat };
    };
    const docCsr = csr(docTermLists);
    const topicCsr = csr(topicLists);
    return {
      terms,
      docFreq,
      postStart,
      postChunk,
      postTf,
      fieldLength,
      avgFieldLength: [...this.avgFieldLength],
      chunkDoc,
      docTermStart: docCsr.start,
      docTerms: docCsr.flat,
      topicStart: topicCsr.start,
      topicTerms: topicCsr.flat,
      docPaths: [...this.docPaths],
      chunkIds: [...this.chunkIds],
      ...buildBigramIndex(terms),
    };
  }

  private addDoc<T>(
    path: string,
    chunkIds: readonly string[],
    topic: Iterable<string>,
    chunks: Iterable<readonly [T, T, T]>,
    // Writes a field's distinct (id, tf) pairs through `write`; returns how many.
    writeField: (field: T, write: (id: number, tf: number) => void) => number,
  ): void {
    const topicIds = new Set<number>();
    for (const token of topic) topicIds.add(this.termId(token));
    const sizes: number[] = [];
    let at = 0;
    const write = (id: number, tf: number) => {
      if (at + 2 > this.scratch.length) {
        const grown = new Uint32Array(this.scratch.length * 2);
        grown.set(this.scratch);
        this.scratch = grown;
      }
      this.scratch[at++] = id;
      this.scratch[at++] = tf;
    };
    for (const fields of chunks) {
      for (let f = 0; f < FIELDS; f++) {
        const size = writeField(fields[f] as T, write);
        sizes.push(size);
        // MiniSearch's running average, in chunk order, for the same floating-point result.
        this.avgFieldLength[f] =
          ((this.avgFieldLength[f] as number) * this.chunkCount + size) / (this.chunkCount + 1);
      }
      this.chunkCount++;
    }
    const packed = new Uint32Array(sizes.length + at);
    packed.set(sizes);
    packed.set(this.scratch.subarray(0, at), sizes.length);
    const chunkCount = sizes.length / FIELDS;
    this.docs.push({ topic: Uint32Array.from(topicIds), packed, chunks: chunkCount });
    this.docPaths.push(path);
    for (const id of chunkIds) this.chunkIds.push(id);
  }

  private termId(term: string): number {
    let id = this.idOf.get(term);
    if (id === undefined) {
      id = this.termList.length;
      // A token may be a slice of its chunk's whole normalized text, which a kept slice would keep alive:
      // the dictionary keeps a copy of its own.
      const own = ` ${term}`.slice(1);
      this.idOf.set(own, id);
      this.termList.push(own);
      if (id >= this.counts.length) {
        const grown = new Uint32Array(this.counts.length * 2);
        grown.set(this.counts);
        this.counts = grown;
      }
    }
    return id;
  }
}
