import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

/**
 * Headers every real API response carries (apiserver filters): an Audit-Id (the client's, if it sent one),
 * `Cache-Control: no-cache, private` unless a handler sets its own, and the priority-and-fairness UIDs.
 */
export function commonHeaders(flowSchemaUid: string, priorityLevelUid: string): RequestHandler {
  return (req, res, next) => {
    res.setHeader('Audit-Id', req.get('audit-id') ?? randomUUID());
    res.setHeader('Cache-Control', 'no-cache, private');
    res.setHeader('X-Kubernetes-Pf-Flowschema-Uid', flowSchemaUid);
    res.setHeader('X-Kubernetes-Pf-Prioritylevel-Uid', priorityLevelUid);
    next();
  };
}
