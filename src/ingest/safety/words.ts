/** Shell words as the classifier sees them: their unquoted text and whether an expansion makes them unknowable. */
import type { Node } from 'web-tree-sitter';

export interface ShellWord {
  /** Unquoted text; expansions are kept as written (`$POD`). */
  text: string;
  /** Contains a parameter expansion, command substitution, arithmetic or brace expansion. */
  dynamic: boolean;
}

export function literal(text: string): ShellWord {
  return { text, dynamic: false };
}

/** The word a syntax node stands for. */
export function wordOf(node: Node): ShellWord {
  switch (node.type) {
    case 'command_name': {
      const inner = node.namedChildren.find((child) => child !== null);
      return inner ? wordOf(inner) : literal(node.text);
    }
    case 'word':
      return literal(node.text.replace(/\\(.)/g, '$1'));
    case 'number':
      return literal(node.text);
    case 'raw_string':
      return literal(node.text.slice(1, -1));
    case 'ansi_c_string':
      return literal(node.text.slice(2, -1));
    case 'string': {
      let text = '';
      let dynamic = false;
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (child.type === 'string_content') text += child.text.replace(/\\(["$`\\])/g, '$1');
        else {
          text += child.text;
          dynamic = true;
        }
      }
      return { text, dynamic };
    }
    case 'concatenation': {
      const parts = node.namedChildren.filter((child) => child !== null).map(wordOf);
      return { text: parts.map((part) => part.text).join(''), dynamic: parts.some((part) => part.dynamic) };
    }
    default:
      return { text: node.text, dynamic: true };
  }
}
