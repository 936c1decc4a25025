import { isAllowed } from '../access-review/read-only-policy.js';
import { forbidden } from '../forbidden.js';
import { badRequest } from '../errors/api-error.js';
import { requestAttributesOf } from '../request/request-attributes-of.js';
import type { ConnectRequest } from './connect-request.js';

/**
 * pods/exec, pods/attach and pods/portforward: the streams into a container. A POST (SPDY) is authorized as
 * `create` by the authorization filter and refused there (forbidden.ts). A GET (the websocket handshake, which
 * kubectl ≥1.30 and the JS client send) passes the filter as `get`, which the read-only policy grants on every
 * resource; the pod REST then checks `create` as well before it dials the kubelet (k/k
 * pkg/registry/core/pod/rest/subresources.go, authorize.go ensureAuthorizedForVerb, the
 * AuthorizePodWebsocketUpgradeCreatePermission check of KEP-4006), so a reader cannot open a stream either way.
 * Upstream words that second refusal with the authorizer's reason, which RBAC leaves empty; kubefacade gives the
 * filter's sentence instead (`User "system:anonymous" cannot create resource "pods/exec" …`), so that a websocket
 * client reads the same 403 kubectl prints after it falls back to SPDY.
 */
export function streamConnect({ req }: ConnectRequest): void {
  const asRequested = requestAttributesOf(req);
  const asCreate = { ...asRequested, verb: 'create' };
  if (!isAllowed(asCreate)) throw forbidden(asCreate);
  // The policy never grants create; were it to, there is still no container runtime behind the facade to
  // stream from: the upgrade-aware proxy's answer to a request it cannot stream (apimachinery upgradeaware.go).
  throw badRequest(`Upgrade request required`);
}
