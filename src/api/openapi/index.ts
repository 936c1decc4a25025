export { createOpenApiRouter, OPENAPI_V2_PROTOBUF, type OpenApiRouterOptions } from './openapi-router.js';
export { loadOpenApiDocuments, type OpenApiDocuments, type ServedDocument } from './openapi-documents.js';
export { openApiDirectory } from './openapi-directory.js';
