/**
 * A bare name a report gives a Service (`svc foo`, `service web-test`, `服务 foo`) and also calls a pod ("the foo pod",
 * `pod foo 都是 Running`) is the Service's name: the pods behind a Deployment's or ReplicationController's Service
 * carry a generated suffix (`foo-6d4cf56db6-2xk9v`), so the report writes them short. Filling `<pod>` with it (`kubectl
 * exec foo -- curl ...`) finds no pod; `<service-name>` takes it and `<pod>` stays open. A generated name, or one the
 * report runs `kubectl exec` or `kubectl logs` in itself, is a pod's. Pure.
 */
export function serviceNameOnly(
  name: string,
  serviceNames: ReadonlySet<string>,
  typedPods: ReadonlySet<string>,
  generated: boolean,
): boolean {
  return serviceNames.has(name) && !generated && !typedPods.has(name);
}
