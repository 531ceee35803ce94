import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_CHANNEL, API_METHOD_NAMES } from '../../shared/api/api-methods';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'answer' }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: { invoke: (...args: unknown[]) => invoke(...args), send: vi.fn(), on: vi.fn() },
}));

describe('the preload surface', () => {
  beforeEach(async () => {
    vi.resetModules();
    await import('./preload');
  });

  it('exposes exactly one global, `regscope`, with one function per API method and nothing else', () => {
    expect(Object.keys(exposed)).toEqual(['regscope']);
    const bridge = exposed.regscope as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual([...API_METHOD_NAMES].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('send');
    expect(bridge).not.toHaveProperty('on');
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('each method invokes the one API channel with its own name', async () => {
    const bridge = exposed.regscope as Record<string, (args?: unknown) => Promise<unknown>>;
    await expect(bridge.inspect?.({ reference: 'python:3.12' })).resolves.toEqual({ ok: true, value: 'answer' });
    expect(invoke).toHaveBeenLastCalledWith(API_CHANNEL, 'inspect', { reference: 'python:3.12' });
    await bridge.appInfo?.();
    expect(invoke).toHaveBeenLastCalledWith(API_CHANNEL, 'appInfo', {});
  });
});
