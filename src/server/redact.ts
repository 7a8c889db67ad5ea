/**
 * Replaces filesystem paths in a public message with `<path>`: absolute POSIX paths, `~/…`, `./…`, `../…`
 * and Windows drive paths. Model ids such as `Xenova/bge-small-zh-v1.5` are not paths and stay.
 */
const PATH = /(^|[\s'"`(=:,[])((?:\/|~\/|\.{1,2}\/|[A-Za-z]:[\\/])[^\s'"`),;\]]*)/g;

export function redactPaths(text: string): string {
  return text.replace(PATH, (_match, before: string) => `${before}<path>`);
}
