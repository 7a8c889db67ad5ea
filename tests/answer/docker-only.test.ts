import { describe, expect, it } from 'vitest';
import { dockerOnlyExplainedBy, uncoveredDockerOnly } from '../../src/answer/docker-only.js';

const doc = (title: string, symptoms: string[] = [], prose = '') => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: prose }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe("uncoveredDockerOnly: Docker's own networking, outside Kubernetes", () => {
  it.each([
    // Real (docker/for-linux#1016, shortened).
    "Container cant access internet. so I'm trying to get a container to access the internet (pinging 1.1.1.1), but my host gets internet access through a kvm bridge (br0). docker network inspect docker-bridge: Driver bridge, Subnet 172.18.0.0/16.",
    // Real (moby/moby#13456, shortened).
    'is the network behavior depend on how we set the ip address of docker0? when I set docker0 to 10.0.0.1/8, then the created container can not access internet.',
    // Real (coolsnowwolf/lede#7986, shortened).
    'docker bridge 无法联网。docker host正常，但是bridge就无法联网，应该还是防火墙的问题。',
    // Real (KFERMercer/OpenWrt#6, shortened).
    'luci-app-dockerman: 容器选择bridge，不能访问外网。可能是 docker-ce 的 bug，导致 iptables 中没有开启 SNAT。',
    // Constructed.
    'docker-compose 里的 web 服务连不上 db 服务，同一个 compose 网络',
    // Constructed: a Swarm overlay, whose VXLAN and ingress routing mesh are Docker's.
    'Docker swarm services on different nodes cannot reach each other over the overlay network; VXLAN port 4789 is open.',
    'swarm mode ingress routing mesh: published port only answers on the node running the task',
    // Constructed: Podman.
    'podman run --network bridge: the container cannot reach the internet',
    // Real (edp963/davinci-docker#30): Chinese, a service "started by docker" whose published port is unreachable.
    'docker方式启动，但无法访问页面。docker方式启后，在容器内部可以通过curl http://localhost:8080获取响应，但在宿主机无法通过http://localhost:58083访问',
    // Real (binary-husky/gpt_academic#32).
    '按照教程命令docker运行后只有容器内部能访问到，宿主机访问不了。加入映射也不行，求指导',
    // Constructed: a docker container's port mapping.
    '用 docker 部署的 nginx，端口映射 80:8080 后外部访问不了',
    // Constructed: nerdctl, containerd's Docker-compatible CLI, and its compose networks.
    'Two containers started by nerdctl compose from separate files cannot reach each other by name on the same host.',
    '用 nerdctl run -p 8080:80 启动的容器，宿主机 curl 127.0.0.1:8080 连接被拒绝',
    // Constructed: a host and an image named after a cluster's distribution, in a prompt and an image path.
    '[root@k8s-worker3 ~]# docker run -it registry.example.io/openshift/builder:v3 sh → ping 10.0.0.2 gets no reply, the host pings it fine',
    // Constructed: Chinese, a docs URL naming Kubernetes in a docker-run report.
    'docker run 启动的容器里 curl 外网超时，参考了 https://kubernetes.io/docs/tasks/debug/ 也没解决',
    // Constructed: a compose file named after its service.
    'After docker-compose-web.yml brings up the web container, it cannot reach the db container on 5432.',
    // Real (reports21.yaml, shortened): containers started by hand beside a cluster, whose CNI the report names.
    "Allow manually started docker containers to have internet access. Bare Metal, Network plugin used: Calico. Normally kubespray totally disables docker networking with `--ip-masq=false` and `--iptables=false` so when I start a docker container outside of kubernetes it won't have access to any network.",
    // Real (reports25.yaml): a container with an address of Docker's default bridge, the engine misspelt.
    'dcoker无法ping通。容器获得IP172.17.0.3,电脑网页可以打开可是PING不通，导致APP无法连接打开服务。',
    // Constructed: English, the same bridge address.
    'The container got 172.17.0.2 but cannot reach the LAN gateway 192.168.1.1; the host can.',
    // Constructed: Chinese, a container started by hand on a node of a cluster.
    'k8s 节点上手动启动的 docker 容器无法访问外网，集群里的 pod 都正常。',
    // Real (reports26.yaml): a user-defined bridge network whose containers cannot find each other by name.
    'Bridge network can not be accessed through container name. The Bridge network created by itself can be pinged by two containers through the IP address, and cannot be pinged through the name of the container. What is the cause?',
    // Real (reports26.yaml): Chinese, the engine's bridge network and its port mapping.
    '打包docker编译后，使用bridge网络无法进行端口映射到wan。这个问题已经困扰我很多天了。使用host模式可以映射到外网。',
    // Constructed: Chinese, a container's port mapping in the reporter's words.
    '容器的端口映射到宿主机 8080 以后，局域网其他机器访问不了。',
    // Constructed: Podman and nerdctl in Chinese, a rootless engine's user-mode network, containerd's own CLI.
    'podman 无 root 模式下容器端口映射无法从其他机器访问。',
    'podman 容器之间无法通过容器名通信，ping 不通。',
    "rootless podman: the container cannot reach the host's service on 10.0.2.2 through slirp4netns.",
    'containerd 容器（ctr run）没有网络，容器里 ip a 只有 lo。',
    // Real (reports34.yaml, shortened): an issue form's "deployment method", which names no Deployment object.
    'halo成功运行，公网无法访问 What is your deployment method? Docker Compose What happened? 用docker-compose部署了halo，也放开了对应的端口，但是依然无法访问！',
    // Constructed: English, the same form field.
    'Deployment method: docker compose. The web UI published on port 8080 is unreachable from the LAN.',
    // Real (containers/podman#17353, shortened): Podman's own pod from a Kubernetes YAML, hostPort on one host.
    'Using podman kube play and hostPort, ports bound to localhost are not accessible. When deploying a Pod with `podman kube play` and using hostPort, the port is not accessible if it is bound to localhost inside the container. curl localhost:10000 gives Connection reset by peer',
    // Real (containers/podman#12413, shortened): the generated YAML's "kind: Pod" and kubectl comment name no cluster.
    'podman play kube with --ports defined in yaml file seems to be broken. podman generate kube myapp > myapp.yaml # Save the output of this file and use kubectl create -f to import it into Kubernetes. kind: Pod, containerPort: 8080, hostPort: 8080. podman play kube myapp.yaml: rootlessport listen tcp 0.0.0.0:8080: bind: address already in use',
    // Constructed (Chinese): a pod created by podman pod create.
    '用 podman pod create -p 8080:80 建的 pod，宿主机 curl 127.0.0.1:8080 连接被拒绝。',
  ])('%s → declined', (question) => {
    expect(uncoveredDockerOnly(question, false)).toContain('Docker');
    expect(uncoveredDockerOnly(question, true)).toBeNull();
  });
  it.each([
    // Real (questions.yaml): a CNI (misspelt) whose BGP peer took docker0's address.
    'calcio 的 bgp peer 地址是 docker0 的 ip',
    // Constructed: a Deployment object beside a compose file.
    'The deployment made from my docker-compose file with kompose cannot reach the db service.',
    // Constructed: a Deployment's mode said in the plural form of the object.
    'docker-compose works, but after converting it to deployments the web container cannot reach redis.',
    // Constructed: a pod of a cluster.
    'Pods on node2 cannot reach the internet; docker0 is down after the docker daemon restarted',
    // Constructed: Chinese, a cluster's containers.
    'k8s 集群里容器访问外网不通，docker0 网段和公司网段冲突',
    // Constructed: no Docker named.
    'my container cannot reach the internet',
    // Constructed: an overlay's VXLAN, no Swarm named.
    'docker0 is up but the vxlan overlay between the two hosts drops every packet',
    // Real (reports9.yaml, shortened): an MTU mismatch, which the MTU runbook explains on Docker's bridge too.
    'pmtu协商失败。Docker 容器中出现 PMTU 协商失败（Path MTU Discovery Failed）的问题，导致容器中的网络连接异常：大数据包传输失败',
    // Constructed: English, Docker's bridge MTU.
    'Containers on the docker bridge hang on TLS handshakes; the host NIC has mtu 1442 and the docker network uses 1500',
    // Constructed: a prompt's host named after a cluster, whose pods the report's own words name.
    '[root@k8s-master ~]# docker run busybox ping 10.244.1.5 works, but kubectl exec into the pod cannot reach it',
    // Constructed: nerdctl on a node of a k3s cluster, whose pods are the subject.
    'nerdctl run works on the k3s node, but pods on that node cannot reach the internet',
    // Constructed: Chinese, docker-deployed kube parts of a cluster.
    '用 docker 部署的 kube-apiserver 重启后 pod 访问不了 10.96.0.1',
    // Constructed: a pod of a cluster whose pod range took Docker's default bridge range.
    'The container in pod web-0 got 172.17.0.4 and cannot reach pods on node2.',
    // Constructed: the node's address in that range, no container's.
    'The node address is 172.17.0.3 and the container cannot reach the gateway.',
    // Constructed: a container outside Kubernetes as a client of a NodePort, a path a runbook follows.
    'Docker containers outside of kubernetes cannot reach the NodePort of my service. Pods reach it fine.',
    // Real (reports21.yaml, shortened): kind's bridge network, beside a cluster's CoreDNS pod.
    "coredns pod can't connected the kind bridge network HINFO: read udp 10.244.0.3:49899->172.18.0.1:53: i/o timeout.",
    // Constructed: Chinese, a CNI's bridge plugin named with the cluster's words.
    'CNI 用 bridge 网络插件以后，容器访问不了另一个节点上的 service。',
    // Constructed: containerd's CLI on a node whose pods are the subject; a rootless engine running a kind cluster.
    'ctr -n k8s.io containers list shows the sandbox, but the pod on node3 cannot reach the internet.',
    'kind on rootless podman: pods cannot reach each other across the kind nodes.',
    // Constructed: clients outside the cluster, no container of Docker's named as such.
    'Service type NodePort cannot be accessed from outside the cluster; docker containers inside the pods are healthy.',
    // Constructed: Podman's machine hosting a cluster (minikube, kind): the cluster's pod network is the subject.
    'minikube on podman machine: pods cannot resolve kubernetes.default, CoreDNS logs i/o timeout.',
    'podman kube play works, but the same YAML in our kind cluster leaves the pod unreachable from other nodes.',
  ])('%s → not declined', (question) => {
    expect(uncoveredDockerOnly(question, false)).toBeNull();
  });
  it("is explained by a runbook about Docker's networks, not by one naming docker0 in a row", () => {
    expect(dockerOnlyExplainedBy([doc('Calico BGP', ['BGP 邻居地址是 docker0/虚拟网卡地址'])])).toBe(false);
    expect(dockerOnlyExplainedBy([doc('Docker bridge 网络排障')])).toBe(true);
  });
});
