import { useEffect, useState } from 'react';
import type { ErrorData } from '../../shared/api/errors';
import { adviseError, registryOf, repositoryOf, retryAtText, type ErrorAction } from '../lib/error-advice';
import { formatRoute } from '../router/routes';
import { requestEditReference } from '../views/start/ReferenceBox';
import { SignInForm } from './SignInForm';

/** Props of the error panel. */
export interface ErrorPanelProps {
  readonly error: ErrorData;
  /** Runs the failed work again; without it no retry button is shown. */
  readonly onRetry?: () => void;
  /** The reference the page is about, when the error does not name one. */
  readonly reference?: string;
  /** Smaller, for errors inside a section rather than instead of a page. */
  readonly compact?: boolean;
}

/**
 * An error in place: a heading per code, the message, the reference, and the ways forward (retry,
 * sign in to that registry, back to the repository, edit the reference, the reset time of a rate
 * limit). Everything is text nodes: messages can carry registry-supplied text.
 */
export function ErrorPanel({ error, onRetry, reference, compact = false }: ErrorPanelProps) {
  const advice = adviseError(error);
  const subject = error.reference ?? reference;
  const registry = registryOf(subject) ?? registryOf(reference);
  const repository = repositoryOf(subject) ?? repositoryOf(reference);
  const [signingIn, setSigningIn] = useState(false);
  const reset = useRetryAt(error.retryAt);
  const can = (action: ErrorAction): boolean => {
    switch (action) {
      case 'retry':
        return onRetry !== undefined;
      case 'sign-in':
        return registry !== undefined;
      case 'open-repository':
        return repository !== undefined && repository !== subject;
      case 'edit-reference':
        return subject !== undefined;
    }
  };
  const actions = advice.actions.filter(can);
  return (
    <div className={compact ? 'panel error-panel compact' : 'panel error-panel'} role="alert" data-testid="error-panel" data-code={error.code}>
      <h2 className="error-title">{advice.title}</h2>
      <p className="error-message">{error.message}</p>
      {subject !== undefined && (
        <p className="error-reference">
          <code>{subject}</code>
          {error.status !== undefined && <span className="muted"> · HTTP {error.status}</span>}
          <span className="muted"> · {error.stage}</span>
        </p>
      )}
      {reset !== undefined && <p className="error-reset">{reset}</p>}
      <p className="hint">{advice.hint}</p>
      {actions.length > 0 && (
        <div className="actions">
          {actions.map((action) => {
            switch (action) {
              case 'retry':
                return (
                  <button key={action} type="button" className="button primary" onClick={onRetry}>
                    Try again
                  </button>
                );
              case 'sign-in':
                return (
                  <button key={action} type="button" className="button" aria-expanded={signingIn} data-testid="error-sign-in" onClick={() => setSigningIn((open) => !open)}>
                    Sign in to {registry}
                  </button>
                );
              case 'open-repository':
                return (
                  <a key={action} className="button" href={formatRoute({ kind: 'repo', repository: repository as string })}>
                    Tags of {repository}
                  </a>
                );
              case 'edit-reference':
                return (
                  <button key={action} type="button" className="button" onClick={() => requestEditReference(subject as string)}>
                    Edit the reference
                  </button>
                );
            }
          })}
        </div>
      )}
      {signingIn && registry !== undefined && (
        <SignInForm
          registry={registry}
          onCancel={() => setSigningIn(false)}
          onSignedIn={() => {
            setSigningIn(false);
            onRetry?.();
          }}
        />
      )}
    </div>
  );
}

/** The rate-limit reset text, refreshed every second while counting down. */
function useRetryAt(retryAt: string | undefined): string | undefined {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (retryAt === undefined) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [retryAt]);
  return retryAtText(retryAt, now);
}
