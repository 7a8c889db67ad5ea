/**
 * A report about Docker's own container networking in a report that names nothing of Kubernetes: a container on the
 * docker0 bridge that cannot reach the internet, a `docker network` or docker-compose service, `--net=host`, a Docker
 * Swarm overlay, Podman's networks. Docker's bridge, its NAT, its user-defined and Swarm overlay networks are the
 * engine's, and the runbooks follow a Kubernetes cluster's pod network. Declined only while no runbook is about
 * Docker's own networks (KB-relative, as uncovered-subjects.ts). Pure.
 */
import { COVERED_PATH } from './covered-paths.js';
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/**
 * Docker's own networking named as such: its bridge (docker0, "docker bridge"), its networks and their commands
 * (`docker network`, `docker run`, docker-compose), its daemon and engine (dockerd, docker-ce), the host network mode
 * (`--net=host`), Podman's and nerdctl's equivalents (containerd's Docker-compatible CLI: `nerdctl run`, `nerdctl
 * compose`, whose bridge networks it sets up itself on one host), containerd's own `ctr run`, a rootless engine's
 * user-mode network (rootless Podman, podman 无 root 模式, slirp4netns), a compose file (`docker-compose-web.yml`), and
 * Docker Swarm (`SWARM`). Chinese reports say the same in their own words:
 * a service started, run or deployed "by docker" (docker方式启动, docker运行后, 用docker部署), a docker (or podman,
 * nerdctl) container, image, port mapping or network (docker容器, podman 容器, docker映射, docker网络): a container of
 * the engine, not a pod.
 */
const DOCKER_NETWORKING =
  /\bdocker(?:0\b|\s+(?:networks?|run|bridge|daemon|engine|containers?|host)\b|[\s-]?compose(?:\b|[\w.-]*\.ya?ml\b)|-ce\b|d\b)|--net(?:work)?[=\s]+host\b|\b(?:podman|nerdctl)\s+(?:networks?|run|containers?|compose)\b|(?:podman|nerdctl)[\s-]compose|\b(?:docker|podman|nerdctl)\s*(?:方式|命令|的方式)?\s*(?:启动|啟動|启后|運行|运行|部署|容器|镜像|鏡像|映射|网络|網絡|網路|网桥|網橋)|\bctr\s+(?:run|containers?|tasks?)\b|\brootless\s+(?:podman|docker|nerdctl|containers?)\b|\b(?:podman|docker|nerdctl)\s*(?:rootless|(?:无|無|非)\s*root)|\bslirp4netns\b/i;

/**
 * A container named with an address of Docker's default bridge (docker0's 172.17.0.0/16: "容器获得IP172.17.0.3",
 * "the container got 172.17.0.2"): the engine's own network, in a report naming nothing of a cluster.
 */
const DEFAULT_BRIDGE_CONTAINER =
  /(?:容器|\bcontainers?\b)[^。.\n]{0,30}?(?<![\d.])172\.17\.\d{1,3}\.\d{1,3}(?![\d.])/i;

/**
 * A bridge network of the engine's, named by the reporter's own words rather than Docker's commands: "Bridge network
 * can not be accessed through container name", "使用bridge网络无法进行端口映射", a container's port mapping (端口映射).
 * It counts beside a container or Docker named (`ENGINE_CONTAINER`), in a report naming nothing of a cluster: a CNI's
 * bridge plugin or a pod's is named with the cluster's words.
 */
const ENGINE_BRIDGE = /\bbridge\s+networks?\b|bridge\s*(?:网络|網絡|網路)|端口映射|\bport[\s-]*mappings?\b/i;
const ENGINE_CONTAINER = /\bcontainers?\b|容器|\bdocker\b/i;

/**
 * Podman's own pods, run from a Kubernetes YAML on one host (`podman kube play`, `podman play kube`, `podman generate
 * kube`, `podman pod create`) or in Podman's VM (`podman machine`): the YAML says Pod and hostPort, but Podman's
 * engine runs them on its own networks (rootlessport, slirp4netns, pasta), with no cluster around them.
 */
const PODMAN_POD =
  /\bpodman\s+(?:kube\s+play|play\s+kube|generate\s+kube|pod\s+(?:create|start|stop|rm|ps|inspect|logs)|machine)\b|\bpodman[\s-]kube\b/i;

/**
 * A cluster named beside Podman's pods: its tools, a distribution, a CNI, a cluster (集群). KinD or minikube running
 * on Podman makes a cluster whose pod network a runbook follows; the comment `podman generate kube` writes ("use
 * kubectl create -f to import it into Kubernetes") names none.
 */
const CLUSTER_NAMED =
  /\b(?:kubeadm|minikube|kind(?!\s*:)|k3[sd]|rke2?|microk8s|openshift|calico|flannel|cilium|weave|antrea|canal|kube-?ovn|coredns|kube-proxy)\b|\bkubectl\s+(?:get|describe|exec|logs|apply|port-forward)\b|\bclusters?\b|集群|叢集/i;

/** Docker Swarm, whose overlay networks (VXLAN, an ingress routing mesh) are Docker's own, not a CNI's. */
const SWARM = /\bdocker\s+swarm\b|\bswarm\s+(?:mode|services?|overlay|nodes?|managers?|workers?)\b/i;

/**
 * A report saying its Docker containers run beside the cluster, not in it: started by hand ("manually started docker
 * containers", 手动启动的 docker 容器) or outside Kubernetes ("when I start a docker container outside of kubernetes",
 * k8s 之外的 docker 容器). Such a container is on the engine's own bridge of a cluster's node, whatever the report says
 * of the cluster (kubespray turning Docker's masquerading off, the node's CNI): the cluster is its setting, not its
 * subject.
 */
const DOCKER_OUTSIDE_KUBERNETES =
  /\b(?:manually|by\s+hand)\s+(?:started|run|created|launched)\s+docker\s+containers?\b|\bdocker\s+containers?\b[^.。\n]{0,60}?\boutside\s+(?:of\s+)?(?:the\s+)?(?:kubernetes|k8s)\b|(?:kubernetes|k8s)\s*(?:之外|以外)\s*(?:的)?\s*docker\s*容器|(?:手动|手動|手工)\s*(?:启动|啟動|运行|運行|创建|創建)\s*(?:的)?\s*docker\s*容器/i;

/**
 * Anything of Kubernetes: its objects and tools, a distribution, a CNI and its parts, a cluster (集群, 节点). An issue
 * form's "deployment method" (Halo's "What is your deployment method? Docker Compose") names how the application was
 * installed, not a Deployment object. A report
 * naming any of these runs its containers in a cluster, whose pod network a runbook may follow ("calico 的 bgp peer
 * 地址是 docker0 的 ip"); so does one naming an overlay's datapath (BGP, VXLAN, IPIP), unless it names Docker Swarm,
 * whose overlay that is, and whose own words (an ingress routing mesh, a cluster of swarm nodes) say nothing of
 * Kubernetes.
 */
const KUBERNETES =
  /\bpods?\b|kubectl|\bk8s\b|kubernetes|\bkube[\w-]*|\bk3[sd]\b|\brke2?\b|minikube|\bkind\b|microk8s|openshift|\bcni\w*|calico|calcio|flannel|cilium|weave|antrea|canal|kube-?ovn|\bovn|coredns|cluster-?ip|node-?port|\bsvc\b|namespaces?\b|daemon-?sets?|stateful-?sets?|deployments?\b(?!\s+(?:methods?|modes?|types?|options?|ways?|tools?)\b)/i;
const CLUSTER_WORDS = /ingress|集群|叢集|\bclusters?\b|节点|節點/i;
const OVERLAY_DATAPATH = /\bbgp\b|\bbird\b|vxlan|\bipip\b|geneve|tunl0/i;

/**
 * Names a report pastes that are not what it is about: a shell prompt's user and host (`[root@openshift-node5 ~]#`)
 * and an image reference or URL path (`registry.example.io/openshift/origin-builder:v3`,
 * `https://kubernetes.io/docs/...`). A host or an image called after Kubernetes still runs a container of the engine
 * when the report's own words name nothing of a cluster.
 */
const HOST_AND_IMAGE_NAMES =
  /\[[\w.-]+@[\w.-]+(?:\s+[^\]\s]+)?\]\s*[#$]|\b[\w-]+@[\w.-]+:\S*\s*[#$]|(?:https?:\/\/)?\b[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?\/[\w./@:-]+/gi;

/** The text without shell prompts' hosts and image or URL paths (`HOST_AND_IMAGE_NAMES`). */
function withoutHostAndImageNames(text: string): string {
  return text.replace(HOST_AND_IMAGE_NAMES, ' ');
}

/**
 * An MTU mismatch, which the MTU runbook explains on any bridge a container's packets cross ("Docker 网络默认 MTU 是
 * 1500", "Docker 容器中出现 PMTU 协商失败"): a covered symptom, named.
 */
const MTU_SYMPTOM = /\bp?mtu\b|path\s+mtu|don'?t\s+fragment|分片/i;

/** Whether a report names an MTU mismatch, a symptom the MTU runbook explains on any bridge or underlay. */
export function namesMtu(text: string): boolean {
  return MTU_SYMPTOM.test(text);
}

/** A runbook about Docker's own networks: its bridge driver, its networks, docker-compose services. */
const DOCKER_RUNBOOK =
  /\bdocker\s+(?:networks?|bridge|run)\b|docker[\s-]?compose|docker\s*(?:自带|自身)?网络/i;

/** The subject these declines name. */
const DOCKER_SUBJECT =
  "Docker's or Podman's own container networking (docker0, docker networks, Podman's pods), outside Kubernetes";

/**
 * The subject when a report is about Docker's own networking ("Container cant access internet ... docker network
 * inspect docker-bridge", "docker bridge 无法联网", "luci-app-dockerman: 容器选择bridge，不能访问外网 ... docker0") and
 * names nothing of Kubernetes, or says its Docker containers run outside Kubernetes ("Allow manually started docker
 * containers to have internet access ... kubespray ... Calico"); else null. "Pods on node2 cannot reach the internet;
 * docker0 is down" names a pod and is answered.
 */
export function uncoveredDockerOnly(question: string, explained: boolean): string | null {
  const report = readReport(question);
  const text = withoutHostAndImageNames(report.text);
  if (namesMtu(text)) return null;
  // A container beside the cluster reaching a path of it ("docker containers outside of kubernetes cannot reach the
  // NodePort") is a client of that path, which a runbook follows.
  if (DOCKER_OUTSIDE_KUBERNETES.test(text))
    return COVERED_PATH.test(report.headline) || explained ? null : DOCKER_SUBJECT;
  // Podman's pods from a Kubernetes YAML are the engine's, whatever Kubernetes words the YAML brings.
  if (PODMAN_POD.test(text) && !CLUSTER_NAMED.test(text)) return explained ? null : DOCKER_SUBJECT;
  const swarm = SWARM.test(text);
  const docker =
    DOCKER_NETWORKING.test(text) ||
    DEFAULT_BRIDGE_CONTAINER.test(text) ||
    (ENGINE_BRIDGE.test(text) && ENGINE_CONTAINER.test(text));
  if (!(swarm || docker) || KUBERNETES.test(text)) return null;
  if (!swarm && (CLUSTER_WORDS.test(text) || OVERLAY_DATAPATH.test(text))) return null;
  return explained ? null : DOCKER_SUBJECT;
}

/**
 * Whether a report names anything of Kubernetes or of a cluster's pod network (its objects and tools, a CNI, 集群/节点,
 * an overlay's datapath): a report naming none of these is about a network outside any cluster.
 */
export function namesKubernetes(text: string): boolean {
  return KUBERNETES.test(text) || CLUSTER_WORDS.test(text) || OVERLAY_DATAPATH.test(text);
}

/** Whether a runbook is about Docker's own networks (its title, triggers, headings or symptoms name them). */
export function dockerOnlyExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, DOCKER_RUNBOOK);
}
