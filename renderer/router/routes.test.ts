import { describe, expect, it } from 'vitest';
import { encodeRouteText, formatRoute, parseRoute, routeKey, type Route } from './routes';

describe('parseRoute', () => {
  it.each<[string, Route]>([
    ['', { kind: 'start' }],
    ['#', { kind: 'start' }],
    ['#/', { kind: 'start' }],
    ['#/repo/python', { kind: 'repo', repository: 'python' }],
    ['#/repo/127.0.0.1:5000/fixtures/python', { kind: 'repo', repository: '127.0.0.1:5000/fixtures/python' }],
    ['#/image/python:3.12-slim', { kind: 'image', reference: 'python:3.12-slim' }],
    ['#/image/python%3A3.12', { kind: 'image', reference: 'python:3.12' }],
    ['#/image/ghcr.io%2Facme%2Fapp%40sha256%3Aabc', { kind: 'image', reference: 'ghcr.io/acme/app@sha256:abc' }],
    ['#/image/python:3.12?platform=linux/arm64/v8', { kind: 'image', reference: 'python:3.12', platform: 'linux/arm64/v8' }],
    ['#/compare/python:3.12?platforms=linux/amd64,linux/arm64/v8', { kind: 'compare', reference: 'python:3.12', platforms: ['linux/amd64', 'linux/arm64/v8'] }],
    ['#/compare/python:3.12?with=python:3.12-slim', { kind: 'compare', reference: 'python:3.12', platforms: [], with: 'python:3.12-slim' }],
    [
      '#/compare/python:3.12?with=python:3.12-slim&platforms=windows/amd64/10.0.17763.5820',
      { kind: 'compare', reference: 'python:3.12', platforms: ['windows/amd64/10.0.17763.5820'], with: 'python:3.12-slim' },
    ],
    ['#/nowhere', { kind: 'unknown', hash: '/nowhere' }],
    ['#/image/', { kind: 'unknown', hash: '/image/' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('takes a malformed escape as typed', () => {
    expect(parseRoute('#/repo/a%zz')).toEqual({ kind: 'repo', repository: 'a%zz' });
  });
});

describe('formatRoute', () => {
  it('keeps / : and @ readable and encodes the rest', () => {
    expect(encodeRouteText('ghcr.io/a/b:v1@sha256:00')).toBe('ghcr.io/a/b:v1@sha256:00');
    expect(encodeRouteText('a b?c#d&e,f')).toBe('a%20b%3Fc%23d%26e%2Cf');
  });

  it.each<Route>([
    { kind: 'start' },
    { kind: 'repo', repository: '127.0.0.1:5000/fixtures/python' },
    { kind: 'image', reference: 'python:3.12' },
    { kind: 'image', reference: 'python@sha256:abc', platform: 'windows/amd64/10.0.17763.5820' },
    { kind: 'compare', reference: 'python:3.12', platforms: ['linux/amd64', 'linux/arm64/v8'] },
    { kind: 'compare', reference: 'python:3.12', platforms: [], with: 'python:3.11' },
    { kind: 'compare', reference: 'weird?name', platforms: ['a,b'], with: 'x&y' },
  ])('round-trips %j', (route) => {
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('writes the documented forms', () => {
    expect(formatRoute({ kind: 'compare', reference: 'python:3.12', platforms: ['linux/amd64', 'linux/arm64/v8'] })).toBe('#/compare/python:3.12?platforms=linux/amd64,linux/arm64/v8');
    expect(formatRoute({ kind: 'compare', reference: 'python:3.12', platforms: [], with: 'python:3.11' })).toBe('#/compare/python:3.12?with=python:3.11');
  });
});

describe('routeKey', () => {
  it('ignores the open platform of an image', () => {
    expect(routeKey(parseRoute('#/image/a:1?platform=linux/amd64'))).toBe(routeKey(parseRoute('#/image/a:1')));
    expect(routeKey(parseRoute('#/image/a:1'))).not.toBe(routeKey(parseRoute('#/image/a:2')));
  });
});
