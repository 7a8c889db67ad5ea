/**
 * Installing or upgrading a CNI through its installer rather than a path its pods take: a Helm chart that fails to
 * render or upgrade (`Error: UPGRADE FAILED`, `parse error at (cilium/templates/...)`, `nil pointer evaluating
 * interface {}.enabled`), and an operator's own installation state (the Tigera operator's `Installation` resource,
 * its `TigeraStatus`, its migration of `calico-node` off the manifest install). What a chart renders and how an
 * operator reconciles are the installer's, beside the datapath the runbooks follow. Declined only while no runbook
 * states Helm charts or an operator's installation (KB-relative, as uncovered-subjects.ts). Pure.
 */
import { ANY_PLUGIN_PATH } from './clarify.js';
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/**
 * Helm's own failure, as it prints it: the release failed (`Error: UPGRADE FAILED`, `INSTALLATION FAILED`), a
 * template did not render (`parse error at (chart/templates/x.yaml:3)`, `template: chart/templates/x.yaml:530:20:
 * executing ... at <.Values.x>`, `nil pointer evaluating interface {}.x`, `YAML parse error on chart/templates/...`),
 * or the values do not meet the chart's schema.
 */
const HELM_FAILURE =
  /\b(?:upgrade|installation|install)\s+failed\b|\bparse\s+error\s+at\s+\(|\btemplates?\/[\w./-]+\.(?:ya?ml|tpl):\d+|<\.values\.[\w.]+>|\bnil\s+pointer\s+evaluating\b|\byaml\s+parse\s+error\s+on\s+[\w/.-]+|values\s+don'?t\s+meet\s+the\s+specifications\s+of\s+the\s+schema/i;
/** A headline about the chart itself: Helm, a chart, its templates or values, rendering them. */
const HELM_HEADLINE =
  /\bhelm\b|\bcharts?\b|\btemplates?\b|\bvalues(?:\.ya?ml)?\b|\brender(?:s|ed|ing)?\b|模板|渲染/i;

/**
 * An operator's installation state, as its resources name it: the Tigera operator's `Installation` kind and API group,
 * its `TigeraStatus` conditions, the node label of its migration off a manifest install, its installation controller.
 */
const OPERATOR_STATE =
  /\boperator\.tigera\.io\b|\btigera-?status(?:es)?\b|\boperator-node-migration\b|\btigera-installation-controller\b|\bkind\s+\\?"?installation\b/i;
/** A headline about the operator or its installation ("Calico Operator Installation got stuck"). */
const OPERATOR_HEADLINE = /\boperator\b|\binstallation\b|\btigera\w*|operator\s*安装|安装.{0,6}卡住/i;

/**
 * The subject when a report is about a CNI's installer: its first sentence names Helm, a chart or its templates and
 * the report quotes Helm's failure ("helm upgrade failed ... Error: UPGRADE FAILED: template: cilium/templates/...
 * nil pointer evaluating interface {}.enabled"), or its first sentence names the operator or its installation and the
 * report quotes the operator's resources ("Calico Operator Installation got stuck ... projectcalico.org/operator-
 * node-migration: pre-operator"); else null. A first sentence naming a path a runbook explains ("After helm upgrade
 * pods cannot resolve DNS") is about that path, whatever the upgrade printed.
 */
export function uncoveredCniInstaller(question: string, explained: boolean): string | null {
  const { text, headline } = readReport(question);
  if (ANY_PLUGIN_PATH.test(headline)) return null;
  const helm = HELM_HEADLINE.test(headline) && HELM_FAILURE.test(text);
  const operator = OPERATOR_HEADLINE.test(headline) && OPERATOR_STATE.test(text);
  if (!helm && !operator) return null;
  return explained ? null : 'installing or upgrading a CNI with its Helm chart or operator';
}

/** A runbook about a CNI's installer: Helm charts and their values, an operator's installation resources. */
const INSTALLER_RUNBOOK =
  /\bhelm\b|\bchart\b|tigera-?status|operator\.tigera\.io|\binstallation\s+(?:cr|resource)\b/i;

/** Whether a runbook states a CNI's installer in its title, triggers, headings or troubleshooting symptoms. */
export function cniInstallerExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, INSTALLER_RUNBOOK);
}
