import type { TestProject } from 'vitest/node';
import './provided-context';
import { startTestRegistries } from './start-test-registries';
import { describeTestRegistries } from './test-registries';

/**
 * Vitest global setup of the `registry` project: starts the real registries once, pushes the
 * fixtures, and provides their description to every test file (`testRegistries()`).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const registries = await startTestRegistries({ fixtures: true });
  const setupMs = Math.round(performance.now() - started);
  project.provide('testRegistries', describeTestRegistries(registries, setupMs));
  if (process.env['REGSCOPE_SETUP_TIMING'] !== undefined) console.log(`[registry global setup] ${setupMs} ms`);
  return () => registries.stop();
}
