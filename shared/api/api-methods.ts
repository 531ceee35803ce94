/**
 * The names of the API's methods, without their schemas: what the Electron preload needs to expose
 * one function per method (it stays tiny and schema-free; main parses every payload).
 * `contract.ts` checks at compile time that this list and the schemas agree.
 */
export const API_METHOD_NAMES = [
  'appInfo',
  'inspect',
  'tagSummary',
  'startJob',
  'job',
  'cancelJob',
  'exportReport',
  'registries',
  'signIn',
  'signOut',
  'rateLimit',
  'printToPdf',
] as const;

export type ApiMethodName = (typeof API_METHOD_NAMES)[number];

/** The one IPC channel the preload and main share. */
export const API_CHANNEL = 'regscope:api';
