import { type Request, type Response, Router } from 'express';
import type { ResourceRegistry } from '../../cluster/index.js';
import { resourceNotFound } from '../errors/api-error.js';
import { wantsPretty } from '../negotiation/resource-output.js';
import { aggregatedContentType, aggregatedDiscovery, aggregatedItems } from './aggregated-documents.js';
import { negotiateDiscovery } from './discovery-negotiation.js';
import { apiGroupDocument, apiGroupList, apiResourceList, apiVersions } from './legacy-documents.js';
import { type DocumentFormat, sendDocument, ServedDocument } from './served-document.js';

export interface DiscoveryOptions {
  /** host:port clients reach the server at, for /api's serverAddressByClientCIDRs. */
  serverAddress(): string;
}

/**
 * /api, /api/<v>, /apis, /apis/<group>, /apis/<group>/<version>, all derived from the registry and serialized
 * once; a request only negotiates and copies bytes (kubectl fetches every group version at once on legacy
 * discovery). Aggregated documents carry `Cache-Control: public` as upstream; the legacy ones keep the default
 * `no-cache, private` but also get an ETag — upstream sends none there, but kubectl's HTTP cache then revalidates
 * with If-None-Match and a 304 saves sending the document again.
 */
export function createDiscoveryRouter(registry: ResourceRegistry, options: DiscoveryOptions): Router {
  const router = Router({ caseSensitive: true });

  const aggregated = (root: 'api' | 'apis') => {
    const items = aggregatedItems(registry, root);
    const etagSource = JSON.stringify(items);
    return {
      v2: new ServedDocument(aggregatedDiscovery(items, 'v2'), etagSource),
      v2beta1: new ServedDocument(aggregatedDiscovery(items, 'v2beta1'), etagSource),
    };
  };
  const aggregatedApi = aggregated('api');
  const aggregatedApis = aggregated('apis');
  const groupList = new ServedDocument(apiGroupList(registry));
  const groups = new Map(registry.groups().map((group) => [group, new ServedDocument(apiGroupDocument(registry, group))]));
  const resourceLists = new Map<string, ServedDocument>();
  for (const version of registry.versionsOf('')) resourceLists.set(version, new ServedDocument(apiResourceList(registry, '', version)));
  for (const group of registry.groups()) {
    for (const version of registry.versionsOf(group)) resourceLists.set(`${group}/${version}`, new ServedDocument(apiResourceList(registry, group, version)));
  }
  // /api names the server's address, which is known only once it listens: rebuilt when the address changes.
  let versions: { address: string; document: ServedDocument } | undefined;
  const versionsDocument = (): ServedDocument => {
    const address = options.serverAddress();
    if (versions?.address !== address) versions = { address, document: new ServedDocument(apiVersions(registry, address)) };
    return versions.document;
  };

  const formatOf = (req: Request, yaml: boolean): DocumentFormat =>
    yaml ? 'yaml' : wantsPretty(req.query as Record<string, unknown>, req.get('user-agent')) ? 'pretty' : 'json';

  const serveRoot = (legacy: () => ServedDocument, root: typeof aggregatedApi) => (req: Request, res: Response) => {
    const form = negotiateDiscovery(req.get('accept'), true);
    if (form.form === 'legacy') return sendDocument(req, res, legacy(), 'application/json', formatOf(req, form.yaml));
    sendDocument(req, res, root[form.version], aggregatedContentType(form.version), formatOf(req, false), 'public');
  };
  const serveLegacy = (find: (req: Request) => ServedDocument | undefined) => (req: Request, res: Response) => {
    const document = find(req);
    if (!document) throw resourceNotFound();
    const form = negotiateDiscovery(req.get('accept'), false);
    sendDocument(req, res, document, 'application/json', formatOf(req, form.form === 'legacy' && form.yaml));
  };

  router.get('/api', serveRoot(versionsDocument, aggregatedApi));
  router.get(
    '/apis',
    serveRoot(() => groupList, aggregatedApis),
  );
  router.get(
    '/api/:version',
    serveLegacy((req) => resourceLists.get(String(req.params['version']))),
  );
  router.get(
    '/apis/:group',
    serveLegacy((req) => groups.get(String(req.params['group']))),
  );
  router.get(
    '/apis/:group/:version',
    serveLegacy((req) => resourceLists.get(`${String(req.params['group'])}/${String(req.params['version'])}`)),
  );
  return router;
}
