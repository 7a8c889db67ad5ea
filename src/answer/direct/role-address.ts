/**
 * An address a line names without writing it out: by its role ("节点 IP", "Pod IP", "node IP"), as a placeholder of
 * that role (`<pod-ip>:<port>`), or with the octets that vary left open ("100.64.0.x", "10.244.x.2"). It answers an
 * address asked by its role ("which source address does the backend see", "what IP does the probe hit") as a written
 * address does. A placeholder inside a command (`curl http://<node-ip>:<port>/healthz`) is what the command is given,
 * not an address the line states. Pure.
 */
import { SHELL_SPAN } from './value-shapes.js';

const ROLE_ADDRESS =
  /(?:节点|Pod|node)\s*IP(?![\w-])|<(?:pod|node|host)-ip>|(?<![\d.])\d{1,3}(?=(?:\.(?:\d{1,3}|x)){3}(?![\w.]))(?:\.\d{1,3})*\.x(?:\.(?:\d{1,3}|x))*/i;

export function namesAddressByRole(quote: string): boolean {
  return ROLE_ADDRESS.test(quote.replace(SHELL_SPAN, ' '));
}
