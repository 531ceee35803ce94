import { describe, expect, it } from 'vitest';
import { codeSpan, fenceFor, oneLine } from './markdown-safety';

describe('markdown safety', () => {
  it.each([
    [['RUN apk add x'], '```'],
    [['RUN cat <<EOF', '```', 'EOF'], '````'],
    [['   ````` still a fence'], '``````'],
    [['RUN echo ```not at line start'], '```'],
    [['    ``` indented four: code, not a fence'], '```'],
  ])('fence for %j is %s', (content, fence) => {
    expect(fenceFor(content)).toBe(fence);
  });

  it.each([
    ['["python3"]', '`["python3"]`'],
    ['["a`b"]', '`` ["a`b"] ``'],
    ['``x', '``` ``x ```'],
  ])('code span of %s is %s', (text, span) => {
    expect(codeSpan(text)).toBe(span);
  });

  it.each([
    ['18.06.1-ce', '18.06.1-ce'],
    ['1.0\n## injected heading', '1.0 ## injected heading'],
    ['x\u001b[31mred', 'x [31mred'],
  ])('one line of %j is %j', (text, line) => {
    expect(oneLine(text)).toBe(line);
  });
});
