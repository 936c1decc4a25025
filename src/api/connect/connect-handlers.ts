import type { SubresourceType } from '../../cluster/index.js';
import { nodeProxy } from '../proxy/node-proxy.js';
import { podProxy } from '../proxy/pod-proxy.js';
import { serviceProxy } from '../proxy/service-proxy.js';
import type { ConnectHandler } from './connect-request.js';
import { streamConnect } from './stream-connect.js';

/**
 * The connect subresources, known by the options kind the registry declares for them (upstream each is a
 * rest.Connecter whose NewConnectOptions is that kind): the streams into a container and the three proxies.
 * A subresource of any resource declared with one of these kinds is served by its handler.
 */
const HANDLERS: Readonly<Record<string, ConnectHandler>> = {
  PodExecOptions: streamConnect,
  PodAttachOptions: streamConnect,
  PodPortForwardOptions: streamConnect,
  NodeProxyOptions: nodeProxy,
  PodProxyOptions: podProxy,
  ServiceProxyOptions: serviceProxy,
};

export function connectHandlerFor(subresource: SubresourceType): ConnectHandler | undefined {
  return HANDLERS[subresource.kind];
}
