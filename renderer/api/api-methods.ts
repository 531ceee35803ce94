/**
 * The API's method names, from the schema-free list in shared/ (contract.ts checks at compile time
 * that it matches the schemas), so the renderer bundle does not pull in zod.
 */
export { API_METHOD_NAMES } from '../../shared/api/api-methods';
