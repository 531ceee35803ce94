import type { ApiMethod } from '../../shared/api/contract';

/**
 * Every API method name, checked against the contract at compile time (a missing or extra key is a
 * type error). Kept here instead of importing `API_METHODS` so the renderer bundle does not pull in
 * zod, which only the hosts need to parse arguments.
 */
const METHODS: { readonly [M in ApiMethod]: true } = {
  appInfo: true,
  inspect: true,
  tagSummary: true,
  startJob: true,
  job: true,
  cancelJob: true,
  exportReport: true,
  registries: true,
  signIn: true,
  signOut: true,
  rateLimit: true,
};

/** The API's method names. */
export const API_METHOD_NAMES = Object.keys(METHODS) as readonly ApiMethod[];
