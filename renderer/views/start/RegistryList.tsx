import { useState } from 'react';
import { ErrorPanel } from '../../components/ErrorPanel';
import { SignInForm } from '../../components/SignInForm';
import { SkeletonLines } from '../../components/Skeleton';
import { useRegistries, useSignOut } from '../../hooks/use-registries';

/**
 * Registries with saved logins (names only) and a sign-in form per registry. Logins that come from
 * Docker's config are shown but cannot be signed out here: regscope never writes that file.
 */
export function RegistryList() {
  const registries = useRegistries();
  const signOut = useSignOut();
  const [open, setOpen] = useState<string>();
  const [adding, setAdding] = useState(false);
  return (
    <section className="panel" aria-labelledby="registries-heading">
      <div className="panel-head">
        <h2 id="registries-heading">Registries</h2>
        <button type="button" className="button small" aria-expanded={adding} onClick={() => setAdding((value) => !value)}>
          {adding ? 'Close' : 'Sign in to a registry…'}
        </button>
      </div>
      {adding && <SignInForm onSignedIn={() => setAdding(false)} onCancel={() => setAdding(false)} />}
      {registries.isPending && <SkeletonLines count={2} />}
      {registries.isError && <ErrorPanel compact error={registries.error} onRetry={() => void registries.refetch()} />}
      {registries.data?.length === 0 && <p className="muted">No saved logins. Public images need none; Docker Hub gives signed-in users a larger pull budget.</p>}
      {registries.data !== undefined && registries.data.length > 0 && (
        <ul className="registry-list">
          {registries.data.map((login) => (
            <li key={login.registry} className="registry-item">
              <div className="registry-line">
                <strong>{login.registry}</strong>
                <span className="muted">
                  {login.username} · {login.source === 'regscope' ? 'saved in regscope' : `from ${login.source}`}
                </span>
                <span className="spacer" />
                <button type="button" className="button small" aria-expanded={open === login.registry} onClick={() => setOpen(open === login.registry ? undefined : login.registry)}>
                  {open === login.registry ? 'Close' : 'Sign in again'}
                </button>
                {login.source === 'regscope' && (
                  <button type="button" className="button small" disabled={signOut.isPending} onClick={() => signOut.mutate(login.registry)}>
                    Sign out
                  </button>
                )}
              </div>
              {open === login.registry && <SignInForm registry={login.registry} username={login.username} onSignedIn={() => setOpen(undefined)} onCancel={() => setOpen(undefined)} />}
            </li>
          ))}
        </ul>
      )}
      {signOut.isError && <ErrorPanel compact error={signOut.error} />}
    </section>
  );
}
