export type Lang = 'zh' | 'en';

/** Chinese labels for questions with Chinese characters, English otherwise. */
export function languageOf(text: string): Lang {
  return /\p{Script=Han}/u.test(text) ? 'zh' : 'en';
}

export const LABELS = {
  zh: {
    path: '流量路径',
    causes: '可能原因',
    fix: '处理',
    commands: '建议命令（只读在前，变更操作已标注）',
    mutating: '变更',
    sources: '来源',
    diagnose: '诊断命令（只读，按顺序执行）',
    fixes: '修复 — 会变更状态，执行前确认影响',
    readOnly: '只读',
    changesState: '变更',
    unknownSafety: '未确认只读',
    direct: '答案',
    assumedCni: (cni: string, others: boolean) =>
      `问题里没有说明 CNI，下面按 ${cni} 回答${others ? '；其他 CNI 的对应文档：' : '。'}`,
    scopedCni: (cni: string) => `CNI：${cni}`,
    seeAlso: '其他相关文档',
    section: '相关章节',
    abstain: (confidence: number) => `没有找到足够确定的答案（置信度 ${confidence.toFixed(2)}）。`,
    notCovered: (name: string) => `知识库没有关于 ${name} 的运维手册，这个问题不在覆盖范围内。`,
    suggestions: '可能相关的文档：',
    clarify: '问题描述还比较笼统，先不猜是哪一种故障。',
    noDocs: '知识库里没有与这个问题相关的文档。',
    needMore: '补充以下信息可以帮助定位：',
    askCni: '使用的是哪个 CNI（Kube-OVN、Calico、Cilium、Flannel、OVN-Kubernetes……）？',
    askEnds: '源和目的分别是什么（Pod / 节点 / Service / 集群外地址，IP 和端口）？',
    askSymptom:
      '具体现象是什么（超时、connection refused、no route to host、DNS 解析失败、丢包），报错原文？',
    askRephrase: '换个说法描述问题，或贴出报错原文和相关命令输出。',
  },
  en: {
    path: 'Traffic path',
    causes: 'Likely causes',
    fix: 'fix',
    commands: 'Commands (read-only first, state-changing ones marked)',
    mutating: 'changes state',
    sources: 'Sources',
    diagnose: 'Diagnose (read-only, run in order)',
    fixes: 'Fixes — change state, check impact first',
    readOnly: 'read-only',
    changesState: 'changes state',
    unknownSafety: 'not known to be read-only',
    direct: 'Answer',
    assumedCni: (cni: string, others: boolean) =>
      `The question names no CNI: this answer assumes ${cni}.${others ? ' The matching runbooks for other CNIs:' : ''}`,
    scopedCni: (cni: string) => `CNI: ${cni}`,
    seeAlso: 'Also relevant',
    section: 'Relevant section',
    abstain: (confidence: number) =>
      `I could not find a confident answer (confidence ${confidence.toFixed(2)}).`,
    notCovered: (name: string) =>
      `The knowledge base has no runbook about ${name}: this question is not covered.`,
    suggestions: 'Closest documents:',
    clarify: 'The question is too general to pick one runbook yet.',
    noDocs: 'The knowledge base has no document about this.',
    needMore: 'This information would help:',
    askCni: 'Which CNI is the cluster using (Kube-OVN, Calico, Cilium, Flannel, OVN-Kubernetes, ...)?',
    askEnds: 'What are the source and destination (pod / node / service / outside address, IPs and ports)?',
    askSymptom:
      'What is the symptom (timeout, connection refused, no route to host, DNS failure, packet loss) and the exact error?',
    askRephrase: 'Rephrase the question, or paste the exact error and the output of the commands you ran.',
  },
} as const;
