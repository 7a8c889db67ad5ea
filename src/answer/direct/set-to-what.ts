/**
 * "dnsPolicy 应该设为什么？", "MTU 改为什么值": set to what. The 为什么 in 设为什么 is 为 (to) + 什么 (what), not 为什么
 * (why): read as a why question, the ask goes down the why path and no line states the value. Written with 成 (设成
 * 什么, the same ask), every reading of a why leaves it alone. Pure.
 */

/**
 * A verb of setting, then 为/為 + 什么/什麼/啥. Not when a why's clause follows ("改为什么会不通", "设为什么还是不行": changed
 * it, why does it still fail), which the words after it say.
 */
const SET_TO_WHAT =
  /(设置|設置|设定|設定|设|設|改|修改|配置|配|写|寫|填|选|選|指定|调整|調整|调|調)(?:为|為)(什么|什麼|啥)(?!\s*(?:会|會|不|没|沒|要|能|还|還|就|又|都|也|却|卻|老|总|總|一直))/g;

/** The question with each "set to what" written 设成什么, so that no why is read in it. */
export function withSetToWhat(text: string): string {
  return text.replace(SET_TO_WHAT, '$1成$2');
}
