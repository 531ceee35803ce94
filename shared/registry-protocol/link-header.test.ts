import { describe, expect, it } from 'vitest';
import { MAX_LINK_HEADER_LENGTH, parseNextLink } from './link-header';

const BASE = 'https://registry.example:5000/v2/_catalog?n=1';

describe('parseNextLink', () => {
  it.each<[string, string | null | undefined, string | undefined]>([
    ['distribution', '</v2/_catalog?last=b&n=1>; rel="next"', 'https://registry.example:5000/v2/_catalog?last=b&n=1'],
    ['tags list', '</v2/library/python/tags/list?last=3.8&n=100>; rel="next"', 'https://registry.example:5000/v2/library/python/tags/list?last=3.8&n=100'],
    ['unquoted rel', '</v2/_catalog?last=b>; rel=next', 'https://registry.example:5000/v2/_catalog?last=b'],
    ['rel in upper case', '</v2/_catalog?last=b>; REL="NEXT"', 'https://registry.example:5000/v2/_catalog?last=b'],
    ['rel list', '</x?last=b>; rel="last next"', 'https://registry.example:5000/x?last=b'],
    ['several links', '</first>; rel="first", </v2/_catalog?last=c>; rel="next", </last>; rel="last"', 'https://registry.example:5000/v2/_catalog?last=c'],
    ['extra parameters', '</v2/_catalog?last=b>; type="application/json"; rel="next"; title*=UTF-8\'\'x', 'https://registry.example:5000/v2/_catalog?last=b'],
    ['no space', '</v2/_catalog?last=b>;rel="next"', 'https://registry.example:5000/v2/_catalog?last=b'],
    ['absolute URL', '<https://cdn.example/v2/_catalog?last=b>; rel="next"', 'https://cdn.example/v2/_catalog?last=b'],
    ['relative path', '<?last=b&n=1>; rel="next"', 'https://registry.example:5000/v2/_catalog?last=b&n=1'],
    ['protocol-relative', '<//other.example/v2/x>; rel="next"', 'https://other.example/v2/x'],
    ['comma inside the URL', '</v2/_catalog?last=a,b>; rel="next"', 'https://registry.example:5000/v2/_catalog?last=a,b'],
    ['escaped quote in a parameter', '</x>; title="a\\"b"; rel="next"', 'https://registry.example:5000/x'],
    ['only the first rel counts (RFC 8288 §3.3)', '</x>; rel="prev"; rel="next"', undefined],
    ['no next', '</v2/_catalog?last=b>; rel="prev"', undefined],
    ['rel without value', '</x>; rel', undefined],
    ['null', null, undefined],
    ['undefined', undefined, undefined],
    ['empty', '', undefined],
    ['garbage', 'garbage', undefined],
    ['no angle brackets', '/v2/_catalog?last=b; rel="next"', undefined],
    ['unclosed angle bracket', '</v2/_catalog?last=b; rel="next"', undefined],
    ['unclosed quote', '</x>; rel="next', undefined],
    ['junk after a link', '</x>; rel="next" junk', undefined],
    ['empty parameter name', '</x>; ="next"', undefined],
    ['javascript: target', '<javascript:alert(1)>; rel="next"', undefined],
    ['file: target', '<file:///etc/passwd>; rel="next"', undefined],
    ['unresolvable target', '<http://[>; rel="next"', undefined],
    ['over the length cap', `</x?${'a'.repeat(MAX_LINK_HEADER_LENGTH)}>; rel="next"`, undefined],
  ])('%s', (_name, header, expected) => {
    expect(parseNextLink(header, BASE)).toBe(expected);
  });

  it('gives undefined when the base is not a URL and the target is relative', () => {
    expect(parseNextLink('</x>; rel="next"', 'not a url')).toBeUndefined();
  });
});
