/**
 * Helm's own step failing: an install, upgrade or rollback that Helm reports failed or stuck ("Error: INSTALLATION
 * FAILED", "UPGRADE FAILED: another operation is in progress", "helm chart 升级失败，怎么回滚"), a chart that does not
 * render (`template: ... error calling`, `helm template` / `helm lint` errors) or leaves out a part ("tigera-operator is
 * not installed with helm chart"), errors right after a Helm install, a release left pending. Then Helm is
 * the report's subject, another trade than networking. A report that only installed its application with Helm ("I
 * use the helm chart deploy the environment", "APISIX is deployed via Helm") and then finds a Service, a name or a
 * client address wrong is about that path, not about Helm. Pure.
 */

/** Helm's own step failed, stuck or is being undone (English and Chinese). */
export const HELM_STEP_FAILS = new RegExp(
  [
    String.raw`\b(?:installation|upgrade|rollback|uninstall(?:ation)?)\s+failed\b`,
    String.raw`\bhelm\b[^.。;；\n]{0,40}?(?:\bfail(?:s|ed|ing|ure)?\b|\berrors?\b|\bstuck\b|失败|失敗|报错|報錯|卡住|回滚|回滾)`,
    String.raw`\bhelm\s+(?:template|lint|rollback|history)\b`,
    String.raw`(?:\berrors?\b|\bfail(?:s|ed|ing|ure)?\b)\s+(?:after|at|during|on|when|with)\s+(?:a\s+|the\s+)?helm\b`,
    String.raw`\bnot\s+(?:installed|deployed|created|rendered)\s+(?:with|by|from)\s+(?:the\s+)?(?:helm|chart)\b`,
    String.raw`\bpending-(?:install|upgrade|rollback)\b|another operation \(install\/upgrade\/rollback\)`,
    String.raw`\btemplate:\s*\S+:\d+|error converting yaml to json|render(?:s|ed|ing)?\s+(?:the\s+)?(?:chart|templates?)\b`,
  ].join('|'),
  'i',
);

/** The text reports Helm's own step failing (see `HELM_STEP_FAILS`). */
export const helmStepFails = (text: string): boolean => HELM_STEP_FAILS.test(text);
