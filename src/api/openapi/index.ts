export { clusterOpenApiDocuments } from './cluster-documents.js';
export { createOpenApiRouter, type OpenApiRouterOptions } from './openapi-router.js';
export { type BuiltinDocuments, loadOpenApiDocuments, type OpenApiDocuments } from './openapi-documents.js';
export { openApiDirectory } from './openapi-directory.js';
export type { ServedDocument } from './served-document.js';
