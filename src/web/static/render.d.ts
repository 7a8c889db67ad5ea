// Types of the browser module render.js (hand-written JavaScript, served as is), for the tests that import it.
import type { ChatBody } from '../../answer/types.js';

export type CommandPart = { text: string } | { placeholder: string; value: string; filled: boolean };
export declare const STRINGS: Record<'en' | 'zh', Record<string, string | string[]>>;
export declare function strings(lang: string): Record<string, string | string[]>;
export declare function escapeHtml(text: unknown): string;
export declare function inlineMarkdown(text: string): string;
export declare function docHref(path: string, lines: readonly [number, number] | null): string;
export declare function commandParts(
  command: string,
  fills: ReadonlyArray<{ placeholder: string; value: string }>,
): CommandPart[];
export declare function commandText(parts: readonly CommandPart[], values: Record<string, string>): string;
export declare function renderAnswer(body: ChatBody): string;
