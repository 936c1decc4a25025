export type { KeyPairPem, ServingMaterial } from './key-material.js';
export { type ServingMaterialOptions, type ServingMaterialResult, servingMaterialFor } from './serving-material.js';
