/**
 * The bash grammar (tree-sitter-bash, WebAssembly) loaded once when this module is first imported. Parsing is
 * then synchronous and pure. Top-level await keeps every caller synchronous: the grammar is part of the code,
 * like a regular expression table, not data read per command.
 */
import { createRequire } from 'node:module';
import { Language, Parser, type Tree } from 'web-tree-sitter';

const require = createRequire(import.meta.url);

await Parser.init();
const bash = await Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
const parser = new Parser();
parser.setLanguage(bash);

/** Parses shell text; the caller must `delete()` the tree when done (it lives in WebAssembly memory). */
export function parseShell(text: string): Tree | null {
  return parser.parse(text);
}
