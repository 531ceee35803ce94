import { inject } from 'vitest';
import type { TestRegistriesDescription } from './test-registries';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The running test registries and fixture catalogue, from `e2e/registry/global-setup.ts`. */
    testRegistries: TestRegistriesDescription;
  }
}

/** The test registries started by the `registry` project's global setup (hosts, URLs, catalogue). */
export function testRegistries(): TestRegistriesDescription {
  return inject('testRegistries');
}
