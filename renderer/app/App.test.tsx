import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakeApi, FAKE_TAGS } from '../testing/fake-api';
import { renderWithApi } from '../testing/render-with-api';
import { App } from './App';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

// happy-dom lays nothing out: give the tag list a height so the virtualizer renders rows.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.id === 'tag-list' ? 600 : 0;
    },
  });
});
afterAll(() => {
  if (clientHeight !== undefined) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});

function appState(): string | null {
  return document.querySelector('.app')?.getAttribute('data-app-state') ?? null;
}

describe('App', () => {
  it('opens an image: loading, then ready with chips, treemap cells and history rows', async () => {
    window.location.hash = '#/image/python:3.12';
    renderWithApi(<App />, createFakeApi());
    expect(appState()).toBe('loading');
    await waitFor(() => expect(appState()).toBe('ready'));
    expect(screen.getAllByTestId('platform-chip')).toHaveLength(3);
    expect(screen.getAllByTestId('treemap-cell').length).toBeGreaterThan(0);
    const statuses = screen.getAllByTestId('history-row').map((row) => row.getAttribute('data-status'));
    expect(statuses).toContain('same');
    expect(statuses).toContain('changed');
    expect(statuses).toContain('added');
    expect(screen.getByTestId('export-button')).toBeTruthy();
  });

  it('shows an error panel and data-app-state=error for a failing inspect', async () => {
    window.location.hash = '#/image/ghcr.io/acme/private:1';
    const api = createFakeApi({ inspect: async () => ({ ok: false, error: { code: 'auth-required', stage: 'auth', message: 'credentials needed', reference: 'ghcr.io/acme/private:1' } }) });
    renderWithApi(<App />, api);
    await waitFor(() => expect(appState()).toBe('error'));
    expect(screen.getByTestId('error-sign-in').textContent).toBe('Sign in to ghcr.io');
  });

  it('lists the tags of a repository with invalid tags as plain text', async () => {
    window.location.hash = '#/repo/python';
    renderWithApi(<App />, createFakeApi());
    await waitFor(() => expect(appState()).toBe('ready'));
    const rows = screen.getAllByTestId('tag-row');
    expect(rows.length).toBeGreaterThan(0);
    expect(FAKE_TAGS).toContain(rows[0]?.getAttribute('data-tag'));
    const invalid = screen.getByTestId('invalid-tags');
    expect(invalid.textContent).toContain('<b>x</b>');
    expect(invalid.querySelector('a')).toBeNull();
    expect(invalid.querySelector('b')).toBeNull();
  });

  it('filters tags, and reports an invalid regex in place', async () => {
    window.location.hash = '#/repo/python';
    renderWithApi(<App />, createFakeApi());
    await waitFor(() => expect(appState()).toBe('ready'));
    fireEvent.change(screen.getByTestId('tag-filter'), { target: { value: 'slim' } });
    await waitFor(() => expect(screen.getAllByTestId('tag-row').map((row) => row.getAttribute('data-tag'))).toEqual(['3.12-slim']));
    fireEvent.click(screen.getByTestId('tag-filter-regex'));
    fireEvent.change(screen.getByTestId('tag-filter'), { target: { value: '(' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Invalid regular expression/));
  });

  it('sends the start page reference box to the repository or the image', async () => {
    window.location.hash = '#/';
    renderWithApi(<App />, createFakeApi());
    expect(appState()).toBe('ready');
    const input = screen.getByTestId('reference-input');
    fireEvent.change(input, { target: { value: 'python' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    await waitFor(() => expect(window.location.hash).toBe('#/repo/python'));
  });
});
