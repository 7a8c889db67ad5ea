/**
 * Questions asked without their question mark: "My question is: how is the grpc client going to handle it, will it
 * take the first url or randomly select one.", "Question: does the headless Service return pods that are not ready",
 * "我的问题是：集群外能直接访问 Pod IP 吗。". A report labels the sentence it asks and ends it with a full stop (or
 * nothing): the sentence is a question all the same. The label is dropped and the sentence ends in a question mark,
 * so that it is read as the question it is. Pure.
 */

/**
 * A label saying the rest of the sentence is the question: "My question is:", "Question:", "The question here is:",
 * "Q:", "我的问题是：", "问题：", "请问：". Only with its colon: "the question is whether" goes on as a statement
 * ("the question is whether to upgrade"), which the asker did not put to anyone.
 */
const LABEL =
  /(?:^|(?<=[.!。！\n]\s*))\s*(?:(?:my|our|the|one|a)\s+(?:(?:main|real|actual|only|other)\s+)?)?(?:question|q)s?(?:\s+(?:is|here|here is|being))?\s*[:：]\s*|(?:^|(?<=[.!。！\n]\s*))\s*(?:我的|我想问的|想问的)?(?:问题|問題)(?:是)?\s*[:：]\s*|(?:^|(?<=[.!。！\n]\s*))\s*(?:请问|請問)\s*[:：]\s*/gi;

/** The end of the sentence a label starts: up to its full stop, or the end of the text. */
const REST = /[^.!?。！？\n]*[^.!?。！？\n\s]/y;

/** The text with each labelled sentence ending in a question mark and its label dropped. */
export function withUnmarkedQuestions(text: string): string {
  let out = '';
  let at = 0;
  for (const label of text.matchAll(LABEL)) {
    const start = label.index + label[0].length;
    if (label.index < at) continue;
    REST.lastIndex = start;
    const rest = REST.exec(text);
    if (!rest) continue;
    const end = start + rest[0].length;
    // Already a question: left as it is.
    if (/^\s*[?？]/u.test(text.slice(end))) continue;
    out += `${text.slice(at, label.index)} ${rest[0]}?`;
    at = end;
    // The full stop that ended it is replaced by the question mark.
    if (/^[.。!！]/u.test(text.slice(at))) at += 1;
  }
  return out + text.slice(at);
}
