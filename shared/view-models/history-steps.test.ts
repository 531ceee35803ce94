import { describe, expect, it } from 'vitest';
import { instructionOf, stepKey, stripWindowsShell } from './history-steps';

describe('stripWindowsShell', () => {
  it.each<[string, string]>([
    ['RUN cmd /S /C #(nop)  ENV X=1', 'ENV X=1'],
    ['RUN cmd /S /C #(nop) COPY file:abc in C:\\app ', 'COPY file:abc in C:\\app '],
    ['RUN cmd /S /C dir', 'RUN dir'],
    ["RUN powershell -Command $ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue'; Install-Thing", 'RUN Install-Thing'],
    ['# ARGS: V=1\nRUN cmd /S /C echo %V%', '# ARGS: V=1\nRUN echo %V%'],
    ['RUN Apply image 10.0.17763.5820', 'RUN Apply image 10.0.17763.5820'],
    ['ENV X=1', 'ENV X=1'],
  ])('%s → %s', (command, expected) => {
    expect(stripWindowsShell(command)).toBe(expected);
  });
});

describe('instructionOf', () => {
  it.each<[string, ReturnType<typeof instructionOf>]>([
    ['RUN make', { instruction: 'RUN' }],
    ['ENV PATH=/usr/bin', { instruction: 'ENV', subject: 'PATH' }],
    ['ENV LANG C.UTF-8', { instruction: 'ENV', subject: 'LANG' }],
    ['ARG version=1', { instruction: 'ARG', subject: 'version' }],
    ['LABEL org.opencontainers.image.source=x', { instruction: 'LABEL', subject: 'org.opencontainers.image.source' }],
    ['# ARGS: A=1\nRUN make', { instruction: 'RUN' }],
    ['', { instruction: '' }],
  ])('%j', (text, expected) => {
    expect(instructionOf(text)).toEqual(expected);
  });
});

describe('stepKey', () => {
  it.each<[string, boolean, string]>([
    ['RUN a \t&& b', true, 'RUN a && b'],
    ['RUN a \t&& b', false, 'RUN a \t&& b'],
    ['RUN a\n  b ', true, 'RUN a b'],
  ])('%j (ignore whitespace %s)', (text, ignoreWhitespace, expected) => {
    expect(stepKey(text, ignoreWhitespace)).toBe(expected);
  });
});
