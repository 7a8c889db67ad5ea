/**
 * A pod whose listing row shows its containers never started (`0/1 ContainerCreating`, `0/1 Pending`, `0/1 Init:0/1`,
 * `0/1 ImagePullBackOff`): `kubectl exec` into it fails (the container is not running), so a runbook check that runs
 * inside `<pod>` cannot run there and its fill would hand the reader a command that cannot work. The pod's describe,
 * events and logs still can, and keep the fill. A crash-looping pod did start, and keeps it too. Pure.
 */

/** The STATUS cells kubectl prints for a pod none of whose containers is running yet. */
const NOT_STARTED =
  /^(?:ContainerCreating|Pending|PodInitializing|Init:[\w/:-]+|ImagePullBackOff|ErrImagePull|InvalidImageName|CreateContainerConfigError|CreateContainerError)$/i;

export function notStarted(status: string): boolean {
  return NOT_STARTED.test(status);
}
