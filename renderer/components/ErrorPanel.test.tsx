import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi } from '../testing/fake-api';
import { renderWithApi } from '../testing/render-with-api';
import { ErrorPanel } from './ErrorPanel';

afterEach(cleanup);

describe('ErrorPanel', () => {
  it('offers sign-in for auth-required and opens the form for that registry', async () => {
    const api = createFakeApi();
    const retry = vi.fn();
    renderWithApi(<ErrorPanel error={{ code: 'auth-required', stage: 'auth', message: 'the registry wants credentials', reference: 'ghcr.io/acme/private:1' }} onRetry={retry} />, api);
    expect(screen.getByRole('heading', { name: 'Sign-in required' })).toBeTruthy();
    expect(screen.getByText('the registry wants credentials')).toBeTruthy();
    const signIn = screen.getByTestId('error-sign-in');
    expect(signIn.textContent).toBe('Sign in to ghcr.io');
    fireEvent.click(signIn);
    expect(screen.getByRole('form', { name: 'Sign in to ghcr.io' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'me' } });
    const password = screen.getByTestId('sign-in-password') as HTMLInputElement;
    fireEvent.change(password, { target: { value: 's3cret' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Sign in to ghcr.io' }));
    // The secret leaves the field at once and goes only to the API.
    expect(password.value).toBe('');
    await waitFor(() => expect(retry).toHaveBeenCalled());
    expect(api.calls.find((call) => call.method === 'signIn')?.args).toEqual({ registry: 'ghcr.io', username: 'me', password: 's3cret' });
  });

  it('links not-found back to the repository and shows no sign-in', () => {
    renderWithApi(<ErrorPanel error={{ code: 'not-found', stage: 'manifest', message: 'no such tag', reference: 'python:9.99' }} />, createFakeApi());
    const link = screen.getByRole('link', { name: 'Tags of python' });
    expect(link.getAttribute('href')).toBe('#/repo/python');
    expect(screen.queryByTestId('error-sign-in')).toBeNull();
  });

  it('shows the reset time of a rate limit', () => {
    const retryAt = new Date(Date.now() + 3 * 60_000).toISOString();
    renderWithApi(<ErrorPanel error={{ code: 'rate-limited', stage: 'manifest', message: 'toomanyrequests', reference: 'python:3.12', retryAt }} onRetry={() => undefined} />, createFakeApi());
    expect(screen.getByText(/^Resets at .*\(in 3 min\)$/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('renders hostile text as text', () => {
    renderWithApi(<ErrorPanel error={{ code: 'registry-error', stage: 'manifest', message: '<img src=x onerror=alert(1)>' }} />, createFakeApi());
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });
});
