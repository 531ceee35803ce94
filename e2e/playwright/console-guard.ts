import type { BrowserContext, ConsoleMessage } from '@playwright/test';

/** One console error or uncaught page error. */
export interface PageProblem {
  readonly kind: 'console' | 'pageerror';
  readonly text: string;
  readonly url: string;
}

interface Allowance {
  readonly pattern: RegExp;
  readonly reason: string;
}

/**
 * Collects every `console.error` and uncaught error of a browser context, so a test fails when
 * the app logs one it did not expect: a user never sees the console, so an error there is a bug
 * the screen may hide.
 */
export class ConsoleGuard {
  private readonly problems: PageProblem[] = [];
  private readonly allowances: Allowance[] = [];

  constructor(context: BrowserContext) {
    context.on('console', (message: ConsoleMessage) => {
      if (message.type() !== 'error') return;
      this.problems.push({ kind: 'console', text: message.text(), url: message.page()?.url() ?? '' });
    });
    context.on('weberror', (webError) => {
      const error = webError.error();
      this.problems.push({ kind: 'pageerror', text: `${error.name}: ${error.message}`, url: webError.page()?.url() ?? '' });
    });
  }

  /**
   * Lets problems matching `pattern` pass, for this test only. `reason` says why the error is
   * expected (it is printed when the allowance is unused, so stale ones get noticed).
   */
  allow(pattern: RegExp, reason: string): void {
    this.allowances.push({ pattern, reason });
  }

  /** The problems no allowance covers. */
  unexpected(): readonly PageProblem[] {
    return this.problems.filter((problem) => !this.allowances.some((allowance) => allowance.pattern.test(problem.text)));
  }

  /** Throws (failing the test) when an unexpected problem was seen. */
  check(): void {
    for (const allowance of this.allowances) {
      if (!this.problems.some((problem) => allowance.pattern.test(problem.text))) console.warn(`[console guard] unused allowance ${String(allowance.pattern)} (${allowance.reason})`);
    }
    const unexpected = this.unexpected();
    if (unexpected.length === 0) return;
    const lines = unexpected.map((problem) => `  [${problem.kind}] ${problem.text}${problem.url ? ` (at ${problem.url})` : ''}`);
    throw new Error(`the page logged ${String(unexpected.length)} unexpected error(s):\n${lines.join('\n')}`);
  }
}
