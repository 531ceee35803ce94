import { useId, useRef, useState, type FormEvent } from 'react';
import { useSignIn } from '../hooks/use-registries';

/**
 * Sign in to one registry (or any, when `registry` is not given): username and password or token.
 * The password is read from the field on submit and the field is emptied at once: it never sits in
 * React state, storage or the URL. The host checks the credentials and keeps them.
 */
export function SignInForm({ registry, username: initialUser = '', onSignedIn, onCancel }: { readonly registry?: string; readonly username?: string; readonly onSignedIn?: () => void; readonly onCancel?: () => void }) {
  const signIn = useSignIn();
  const [registryText, setRegistryText] = useState(registry ?? '');
  const [username, setUsername] = useState(initialUser);
  const password = useRef<HTMLInputElement>(null);
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const secret = password.current?.value ?? '';
    if (password.current !== null) password.current.value = '';
    const host = (registry ?? registryText).trim();
    if (host === '' || username.trim() === '' || secret === '') return;
    signIn.mutate({ registry: host, username: username.trim(), password: secret }, { onSuccess: () => onSignedIn?.() });
  };

  return (
    <form className="sign-in" onSubmit={submit} aria-label={registry === undefined ? 'Sign in to a registry' : `Sign in to ${registry}`}>
      {registry === undefined ? (
        <label className="field">
          <span>Registry</span>
          <input required value={registryText} onChange={(event) => setRegistryText(event.target.value)} placeholder="docker.io, ghcr.io, 127.0.0.1:5000" spellCheck={false} autoCapitalize="off" />
        </label>
      ) : (
        <p className="sign-in-target">
          Sign in to <strong>{registry}</strong>
        </p>
      )}
      <label className="field">
        <span>Username</span>
        <input id={`${id}-user`} required value={username} onChange={(event) => setUsername(event.target.value)} autoComplete="username" spellCheck={false} autoCapitalize="off" />
      </label>
      <label className="field">
        <span>Password or token</span>
        <input ref={password} required type="password" autoComplete="off" data-testid="sign-in-password" />
      </label>
      <div className="actions">
        <button type="submit" className="button primary" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        {onCancel !== undefined && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {signIn.isError && (
        <p className="field-error" role="alert">
          {signIn.error.message}
        </p>
      )}
      {signIn.isSuccess && (
        <p className="field-ok" role="status">
          Signed in to {signIn.data.registry} as {signIn.data.username}.
        </p>
      )}
    </form>
  );
}
