/** Shared data shapes of the pipeline: ingest → index → retrieve → answer. */

export type Severity = 'error' | 'warning' | 'info';

/** A problem found in a KB file, reported as data (like unified's VFileMessage). */
export interface Finding {
  /** Path relative to the KB root, posix separators. */
  file: string;
  /** 1-based line in the source file. */
  line: number;
  /** 1-based column, when the finding points inside the line. */
  column?: number;
  severity: Severity;
  code: string;
  message: string;
}

/** Section type of a chunk, derived from its heading; drives rank weight. */
export type ChunkKind =
  | 'overview'
  | 'traffic_path'
  | 'diagnostics'
  | 'troubleshooting'
  | 'related'
  | 'section';

export interface Chunk {
  /** Stable within one ingest: `${path}#${ordinal}`. */
  id: string;
  path: string;
  /** Document title. */
  title: string;
  /** Heading breadcrumb, outermost first; empty for text before the first heading. */
  headingPath: string[];
  /** 1-based inclusive line range in the source file. */
  lines: [number, number];
  kind: ChunkKind;
  /** Raw markdown of the chunk (source slice). */
  text: string;
  /** Rank weight from doc priority and section kind (≥ 0, 1 = neutral). */
  weight: number;
}

/** `unknown`: not proven read-only and not a known change; shown like `mutating` everywhere. */
export type Safety = 'read-only' | 'mutating' | 'unknown';

export interface SourceRef {
  path: string;
  line: number;
}

export interface CommandRecord {
  command: string;
  purpose: string;
  safety: Safety;
  /** Why the command is not read-only (the stage and rule, or the doc's change mark); absent when read-only. */
  safetyReason?: string;
  /** Distinct `<...>` tokens in the command, in order of first appearance. */
  placeholders: string[];
  source: SourceRef;
  /** The chunk whose line range contains the command. */
  chunkId: string;
}

/** A row of a troubleshooting table (symptom | cause | diagnostic command | fix). */
export interface TroubleshootingRow {
  symptom: string;
  cause: string;
  /** Commands named in the row (backtick code spans of the diagnostic column). */
  commands: string[];
  fix: string;
  source: SourceRef;
  chunkId: string;
}

/** A glossary entry (kb/glossary.yaml): a synonym group; every term of a group stands for the same concept. */
export interface GlossaryEntry {
  terms: string[];
  note?: string;
  /**
   * Names a set of mutually exclusive alternatives (`cni`: a cluster runs kube-ovn OR calico ...). A question
   * that names one member does not want docs about another member.
   */
  exclusive?: string;
  /**
   * A basic Kubernetes object or component every cluster has (pod, node, Service, kube-apiserver, kube-proxy,
   * CoreDNS): whatever a CNI runbook's trigger says about it, naming it never names that CNI.
   */
  kubernetes?: boolean;
}

export interface DocMeta {
  title: string;
  category: string | null;
  priority: number;
  triggers: string[];
  /**
   * Phrases a report of the doc's problem says without the doc being about them (a component crash-looping, for
   * the runbook that repairs it): matched like triggers, but not part of what the doc says it is about (its title
   * and triggers, which feed the topic coverage and scope), so they do not lift the doc for every question that
   * merely names the component. Absent in records written before the key existed.
   */
  signals?: string[];
  /** Front-matter keys netkb does not interpret, kept as written. */
  extra: Record<string, unknown>;
}

export interface DocRecord extends DocMeta {
  path: string;
  /** sha256 of the raw file bytes plus the parser version. */
  hash: string;
  chunks: Chunk[];
  commands: CommandRecord[];
  troubleshooting: TroubleshootingRow[];
  findings: Finding[];
}

/** Turns text into unit-length vectors. Implemented in src/adapters. */
export interface Embedder {
  readonly modelId: string;
  readonly dims: number;
  embedPassages(texts: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]>;
  embedQuery(text: string): Promise<Float32Array>;
}

export type VectorStatus =
  | { enabled: true; modelId: string; dims: number }
  | { enabled: false; reason: string };
