/**
 * Asking how a value should compare with another: "Should the pod MTU be lower than the NIC MTU?", "Does the service
 * CIDR have to be smaller than the pod CIDR?", "pod 的 MTU 应该比网卡 MTU 小吗？". It gives no value to check, yet asks
 * for the value of the kind it names: the line stating it, or how it is derived ("MTU - 100"), answers. Only in the
 * prescriptive form: "Is the pod MTU lower than the NIC MTU on your nodes?" asks about the asker's own state. Pure.
 */

const COMPARATIVE = '(?:lower|higher|smaller|bigger|larger|less|greater|more|equal|the same)';

const SHOULD_COMPARE = new RegExp(
  [
    // "Should the pod MTU be lower than", "Must the service CIDR be smaller than"
    String.raw`\b(?:should|must|shall)\s+(?:the\s+)?(?:[\w.-]+\s+){1,4}?be\s+(?:(?:a bit|slightly|much|always)\s+)?${COMPARATIVE}\s+(?:than|to|as)\b`,
    // "Does the pod MTU need to be / have to be lower than", "the pod MTU should be lower than the NIC MTU, right"
    String.raw`\b(?:needs?\s+to|ha(?:s|ve)\s+to|should|must|ought\s+to)\s+be\s+(?:(?:a bit|slightly|much|always)\s+)?${COMPARATIVE}\s+(?:than|to|as)\b`,
    // "pod 的 MTU 应该比网卡 MTU 小吗", "要比 1500 小多少"
    '(?:应该|應該|应当|應當|需要|必须|必須|要|得)(?:要)?比[^，,。？?；;]{1,20}?(?:小|大|低|高|少|多)',
  ].join('|'),
  'i',
);

/** Whether the clause asks how a value it names should compare with another. */
export function asksComparedValue(clause: string): boolean {
  return SHOULD_COMPARE.test(clause);
}
