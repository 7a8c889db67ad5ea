/**
 * A chart's short name for a Service, beside the installed Service's own name. Pure.
 *
 * Helm names what a chart installs `<release>-<name>`: a report that calls the Service by the chart's name ("the
 * `results-cache` Service") and pastes the installed one (`endpoints/test-clp-results-cache <empty>`, `dial
 * test-clp-results-cache:27017`) gives the Service two names, and `kubectl get svc results-cache` finds none. The short
 * name then names no object to check; the `<service-name>` placeholder stays open unless another name fills it.
 */

import { escapeRegExp } from '../core/escape-reg-exp.js';

/**
 * Whether the text writes `name` with a prefix as a Service's own name: the object of a Service or its Endpoints
 * (`svc/rel-name`, `endpoints/rel-name`), a host dialled with a port (`rel-name:6379`) or a Service's DNS name
 * (`rel-name.ns.svc`). A longer name elsewhere (`ingress-nginx` beside the Service `nginx`) is another object.
 */
export function releasePrefixed(text: string, name: string): boolean {
  if (name === '') return false;
  const n = escapeRegExp(name);
  const prefixed = `[a-z0-9](?:[a-z0-9-]*[a-z0-9])?-${n}`;
  const asService = new RegExp(
    `(?<![\\w.-])(?:(?:svc|services?|endpoints?|ep)/${prefixed}(?![\\w-])|${prefixed}(?::\\d{1,5}(?!\\d)|\\.[a-z0-9-]+\\.svc(?![\\w-])))`,
    'i',
  );
  return asService.test(text);
}
