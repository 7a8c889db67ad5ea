/**
 * Generates a tiny, real BERT-style model directory in transformers.js layout, so adapter tests run the
 * real @xenova/transformers → onnxruntime-node path without downloading anything.
 *
 * The "model" is a masked bag-of-words: for each text,
 *   last_hidden_state[b, 0, :] = Σ_s (E[input_ids[b, s]] + T[token_type_ids[b, s]]) · attention_mask[b, s]
 * with E a deterministic pseudo-random [vocab, dims] table and T all zeros. The sequence axis is reduced
 * with keepdims=1, so the output is [batch, 1, dims] and transformers.js' CLS pooling (position 0) picks the
 * whole bag. Texts that share tokens therefore get closer vectors, which keeps similarity tests meaningful.
 *
 * The ONNX protobuf is hand-encoded (a dozen field writers below) rather than built with `onnx-proto`, which
 * is only a transitive dependency of onnxruntime-web and not declared by netkb.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const MODEL_ID = 'netkb-test/tiny-bert';
const DIMS = 32;
const SEED = 0x6e65746b; // 'netk'

const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

/** Lowercase only, like Xenova/bge-small-zh-v1.5: uppercase Latin text becomes [UNK] unless lowercased. */
const WORDS = `
pod pods node nodes ovn0 ovn kube proxy geneve vxlan tunnel tunnels dns coredns service services ping mtu
iptables ipvs calico flannel cilium ovs bridge br int veth eth0 cni network networking policy policies ingress
egress cluster ip ipv4 ipv6 address addresses subnet gateway route routes routing nat snat dnat port ports tcp
udp icmp packet packets drop dropped loss latency timeout connection connections refused reset cannot can not
reach reachable unreachable fail fails failed failure error errors check logs log status restart kubectl get
describe exec curl nslookup dig tcpdump traceroute vsctl ofctl appctl show dump flows flow trace the a an to of
in on is and or for with between across from by when after cross same different host hosts hostnetwork
namespace endpoint endpoints clusterip nodeport loadbalancer external internal traffic path overlay underlay
encapsulation header bytes size fragment fragmentation large small slow how why what does do works work debug
troubleshoot troubleshooting fix config configuration firewall security group conntrack table chain rule rules
lookup resolve resolution name server upstream forward hairpin bgp peer mesh ipam pool leak arp mac neighbor
vlan interface link down up ready notready crash crashloopbackoff container containers daemonset deployment
controller northd nb sb db database logical switch router lsp lrp kernel module sysctl metrics probe
`;

/** CJK characters: BERT's basic tokenizer splits CJK text into single characters. */
const CJK = `
节点跨网络隧道不通服务解析失败延迟丢包访问集群内外部容器地址端口路由表规则防火墙策略排查诊断命令检查日志配置错误超时
连接拒绝重启同主机间之的了是在和与无法问题原因修复怎么样为什如何大小慢卡顿这个句子生成示以用于检索相关文章域名负载均衡
`;

const PUNCTUATION = [
  '.',
  ',',
  ':',
  ';',
  '-',
  '_',
  '/',
  '(',
  ')',
  '?',
  '!',
  '"',
  "'",
  '：',
  '，',
  '。',
  '？',
  '、',
];
const DIGITS = '0123456789'.split('');
const SUFFIXES = ['##s', '##es', '##ed', '##ing', ...DIGITS.map((d) => `##${d}`)];

function buildVocab(): string[] {
  const tokens = new Set<string>(SPECIAL_TOKENS);
  for (const w of WORDS.split(/\s+/)) if (w) tokens.add(w);
  for (const ch of CJK.replace(/\s+/g, '')) tokens.add(ch);
  for (const t of [...PUNCTUATION, ...DIGITS, ...SUFFIXES]) tokens.add(t);
  return [...tokens];
}

/** mulberry32: tiny deterministic PRNG, uniform in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function embeddingTable(vocabSize: number, dims: number): Float32Array {
  const rand = mulberry32(SEED);
  const table = new Float32Array(vocabSize * dims);
  for (let i = 0; i < table.length; i++) table[i] = rand() * 2 - 1;
  // [CLS]/[SEP] occur in every text and [UNK] stands for any unknown word: keep them small so they do not
  // dominate similarity (non-zero, so an empty text still has a finite, normalisable embedding).
  for (let id = 0; id < SPECIAL_TOKENS.length; id++) {
    for (let d = 0; d < dims; d++) table[id * dims + d] = (table[id * dims + d] ?? 0) * 0.1;
  }
  return table;
}

// ---------------------------------------------------------------- protobuf (wire format) writers

type Bytes = Uint8Array;

function varint(value: number): Bytes {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`varint: ${value}`);
  const out: number[] = [];
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return Uint8Array.from(out);
}

function concat(parts: Bytes[]): Bytes {
  return Buffer.concat(parts);
}

/** Wire type 0 (varint): int32/int64/enum fields. */
function intField(field: number, value: number): Bytes {
  return concat([varint(field * 8), varint(value)]);
}

/** Wire type 2 (length-delimited): strings, bytes and embedded messages. */
function bytesField(field: number, value: Bytes): Bytes {
  return concat([varint(field * 8 + 2), varint(value.length), value]);
}

function stringField(field: number, value: string): Bytes {
  return bytesField(field, Buffer.from(value, 'utf8'));
}

// ---------------------------------------------------------------- ONNX messages (field numbers from onnx.proto)

const DataType = { FLOAT: 1, INT64: 7 } as const;
type DataType = (typeof DataType)[keyof typeof DataType];

const ATTRIBUTE_INT = 2;

/** ValueInfoProto{name=1, type=2} → TypeProto{tensor_type=1} → Tensor{elem_type=1, shape=2} → Dimension{dim_value=1, dim_param=2}. */
function valueInfo(name: string, elemType: DataType, dims: Array<number | string>): Bytes {
  const shape = concat(
    dims.map((d) => bytesField(1, typeof d === 'number' ? intField(1, d) : stringField(2, d))),
  );
  const tensorType = concat([intField(1, elemType), bytesField(2, shape)]);
  return concat([stringField(1, name), bytesField(2, bytesField(1, tensorType))]);
}

/** TensorProto{dims=1, data_type=2, name=8, raw_data=9}; raw_data is little-endian. */
function tensor(name: string, dataType: DataType, dims: number[], raw: Bytes): Bytes {
  return concat([
    ...dims.map((d) => intField(1, d)),
    intField(2, dataType),
    stringField(8, name),
    bytesField(9, raw),
  ]);
}

function floatTensor(name: string, dims: number[], values: Float32Array): Bytes {
  const raw = Buffer.alloc(values.length * 4);
  for (const [i, v] of values.entries()) raw.writeFloatLE(v, i * 4);
  return tensor(name, DataType.FLOAT, dims, raw);
}

function int64Tensor(name: string, values: number[]): Bytes {
  const raw = Buffer.alloc(values.length * 8);
  for (const [i, v] of values.entries()) raw.writeBigInt64LE(BigInt(v), i * 8);
  return tensor(name, DataType.INT64, [values.length], raw);
}

/** AttributeProto{name=1, i=3, type=20}. */
function intAttribute(name: string, value: number): Bytes {
  return concat([stringField(1, name), intField(3, value), intField(20, ATTRIBUTE_INT)]);
}

/** NodeProto{input=1, output=2, name=3, op_type=4, attribute=5}. */
function node(
  opType: string,
  name: string,
  inputs: string[],
  outputs: string[],
  attributes: Bytes[] = [],
): Bytes {
  return concat([
    ...inputs.map((i) => stringField(1, i)),
    ...outputs.map((o) => stringField(2, o)),
    stringField(3, name),
    stringField(4, opType),
    ...attributes.map((a) => bytesField(5, a)),
  ]);
}

/** Encodes the bag-of-words graph as an ONNX ModelProto (IR version 8, default-domain opset 13). */
export function buildBagOfWordsOnnx(vocabSize: number, dims: number, table: Float32Array): Uint8Array {
  const nodes = [
    node('Gather', 'word_embeddings', ['word_embeddings.weight', 'input_ids'], ['tok_emb']),
    node('Gather', 'token_type_embeddings', ['token_type_embeddings.weight', 'token_type_ids'], ['type_emb']),
    node('Add', 'add_embeddings', ['tok_emb', 'type_emb'], ['emb']),
    node('Cast', 'mask_to_float', ['attention_mask'], ['mask_f'], [intAttribute('to', DataType.FLOAT)]),
    node('Unsqueeze', 'mask_unsqueeze', ['mask_f', 'unsqueeze_axes'], ['mask_3d']),
    node('Mul', 'apply_mask', ['emb', 'mask_3d'], ['masked']),
    node(
      'ReduceSum',
      'bag_of_words',
      ['masked', 'reduce_axes'],
      ['last_hidden_state'],
      [intAttribute('keepdims', 1)],
    ),
  ];
  const initializers = [
    floatTensor('word_embeddings.weight', [vocabSize, dims], table),
    floatTensor('token_type_embeddings.weight', [2, dims], new Float32Array(2 * dims)),
    int64Tensor('unsqueeze_axes', [2]),
    int64Tensor('reduce_axes', [1]),
  ];
  const inputs = ['input_ids', 'attention_mask', 'token_type_ids'].map((n) =>
    valueInfo(n, DataType.INT64, ['batch_size', 'sequence_length']),
  );
  const outputs = [valueInfo('last_hidden_state', DataType.FLOAT, ['batch_size', 1, dims])];
  // GraphProto{node=1, name=2, initializer=5, input=11, output=12}
  const graph = concat([
    ...nodes.map((n) => bytesField(1, n)),
    stringField(2, 'netkb_tiny_bag_of_words'),
    ...initializers.map((t) => bytesField(5, t)),
    ...inputs.map((v) => bytesField(11, v)),
    ...outputs.map((v) => bytesField(12, v)),
  ]);
  // ModelProto{ir_version=1, producer_name=2, producer_version=3, graph=7, opset_import=8}; OperatorSetId{version=2}
  return concat([
    intField(1, 8),
    stringField(2, 'netkb-tests'),
    stringField(3, '1'),
    bytesField(7, graph),
    bytesField(8, intField(2, 13)),
  ]);
}

// ---------------------------------------------------------------- tokenizer / config JSON

function tokenizerJson(vocab: string[]): unknown {
  const id = (t: string): number => vocab.indexOf(t);
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: id(content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    // Mirrors Xenova/bge-small-zh-v1.5: no lowercasing in the tokenizer itself.
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: false,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [id('[CLS]')], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [id('[SEP]')], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((t, i) => [t, i])),
    },
  };
}

const TOKENIZER_CONFIG = {
  clean_up_tokenization_spaces: true,
  cls_token: '[CLS]',
  do_basic_tokenize: true,
  do_lower_case: false,
  mask_token: '[MASK]',
  model_max_length: 512,
  pad_token: '[PAD]',
  sep_token: '[SEP]',
  strip_accents: null,
  tokenize_chinese_chars: true,
  tokenizer_class: 'BertTokenizer',
  unk_token: '[UNK]',
};

const SPECIAL_TOKENS_MAP = {
  cls_token: '[CLS]',
  mask_token: '[MASK]',
  pad_token: '[PAD]',
  sep_token: '[SEP]',
  unk_token: '[UNK]',
};

function modelConfig(vocabSize: number, dims: number): unknown {
  return {
    _name_or_path: MODEL_ID,
    architectures: ['BertModel'],
    model_type: 'bert',
    hidden_size: dims,
    num_hidden_layers: 0,
    num_attention_heads: 1,
    intermediate_size: dims,
    max_position_embeddings: 512,
    type_vocab_size: 2,
    vocab_size: vocabSize,
    pad_token_id: 0,
  };
}

/**
 * Writes `<rootDir>/<modelId>/{config.json, tokenizer.json, tokenizer_config.json, special_tokens_map.json,
 * onnx/model.onnx, onnx/model_quantized.onnx}`. Pass `rootDir` as the embedder's `modelDir`.
 */
export async function writeTinyModel(
  rootDir: string,
): Promise<{ modelId: string; modelDir: string; dims: number }> {
  const vocab = buildVocab();
  const dir = path.join(rootDir, MODEL_ID);
  await mkdir(path.join(dir, 'onnx'), { recursive: true });
  const onnx = buildBagOfWordsOnnx(vocab.length, DIMS, embeddingTable(vocab.length, DIMS));
  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
  await Promise.all([
    writeFile(path.join(dir, 'config.json'), json(modelConfig(vocab.length, DIMS))),
    writeFile(path.join(dir, 'tokenizer.json'), json(tokenizerJson(vocab))),
    writeFile(path.join(dir, 'tokenizer_config.json'), json(TOKENIZER_CONFIG)),
    writeFile(path.join(dir, 'special_tokens_map.json'), json(SPECIAL_TOKENS_MAP)),
    // Same graph under both names: transformers.js picks one by `quantized`.
    writeFile(path.join(dir, 'onnx', 'model.onnx'), onnx),
    writeFile(path.join(dir, 'onnx', 'model_quantized.onnx'), onnx),
  ]);
  return { modelId: MODEL_ID, modelDir: rootDir, dims: DIMS };
}
