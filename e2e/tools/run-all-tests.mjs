// `npm test`: every check of the project in one run, ending with one line "N passed, N failed, N skipped".
//   1. type checks (one per runtime config) and lint: each counts as one test;
//   2. vitest (unit, dom and the real-registry integration tests);
//   3. Playwright in Debian's Chromium against `regscope serve` and the real test registry.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
mkdirSync('.cache', { recursive: true });

function run(label, command, args) {
  process.stdout.write(`\n== ${label}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return result.status === 0;
}

function check(label, command, args) {
  if (run(label, command, args)) totals.passed++;
  else {
    totals.failed++;
    failures.push(label);
  }
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const bin = (name) => `node_modules/.bin/${name}`;
for (const config of ['tsconfig.node.json', 'tsconfig.electron.json', 'tsconfig.web.json', 'tsconfig.e2e.json']) {
  check(`typecheck ${config}`, bin('tsc'), ['-p', config]);
}
check('lint', bin('eslint'), ['.', '--max-warnings=0']);

rmSync('.cache/vitest.json', { force: true });
const vitestOk = run('vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile.json=.cache/vitest.json']);
const vitest = readJson('.cache/vitest.json');
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
  // A suite that failed to load has no tests to count: count it as a failure.
  if (!vitestOk && vitest.numFailedTests === 0) {
    totals.failed++;
    failures.push('vitest (a test file failed to load)');
  } else if (vitest.numFailedTests > 0) failures.push('vitest');
} else {
  totals.failed++;
  failures.push('vitest (no results)');
}

if (existsSync('playwright.config.ts')) {
  rmSync('.cache/playwright.json', { force: true });
  const playwrightOk = run('playwright', bin('playwright'), ['test']);
  const report = readJson('.cache/playwright.json');
  if (report?.stats) {
    totals.passed += report.stats.expected + (report.stats.flaky ?? 0);
    totals.failed += report.stats.unexpected;
    totals.skipped += report.stats.skipped;
    if (report.stats.unexpected > 0) failures.push('playwright');
    else if (!playwrightOk) {
      totals.failed++;
      failures.push('playwright (run failed)');
    }
  } else {
    totals.failed++;
    failures.push('playwright (no results)');
  }
}

if (failures.length) console.log(`\nfailed: ${failures.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
