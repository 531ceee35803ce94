import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mojoJson, parseMojoJson } from './mojo-json';

describe('mojoJson', () => {
  // repo-info-format.md §5.4: verified examples, then the three arrays of the seeds.
  it.each<[readonly string[], string]>([
    [['/bin/sh'], '["\\/bin\\/sh"]'],
    [['php', '-S', '[::]:8080', '-t', '/var/www/html'], '["php","-S","[::]:8080","-t","\\/var\\/www\\/html"]'],
    [['cmd', '/C', 'type C:\\hello.txt'], '["cmd","\\/C","type C:\\\\hello.txt"]'],
    [['python3'], '["python3"]'],
    [['python'], '["python"]'],
    [
      ['powershell', '-Command', "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"],
      `["powershell","-Command","$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]`,
    ],
    [[], '[]'],
    [[''], '[""]'],
  ])('%j → %s', (value, expected) => {
    expect(mojoJson(value)).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['a double quote', 'say "hi"', '["say \\"hi\\""]'],
    ['a tab and a newline', 'a\tb\nc', '["a\\tb\\nc"]'],
    ['backspace, form feed, carriage return', '\b\f\r', '["\\b\\f\\r"]'],
    ['other controls in upper-case hex', '\u0001\u001b\u001f', '["\\u0001\\u001B\\u001F"]'],
    ['DEL (not escaped by Mojo)', '\u007f', '["\u007f"]'],
    ['non-ASCII kept as is', 'café ☕ 日本', '["café ☕ 日本"]'],
    ['the JavaScript line terminators', '\u2028\u2029', '["\\u2028\\u2029"]'],
  ])('escapes %s', (_name, item, expected) => {
    expect(mojoJson([item])).toBe(expected);
  });

  it('reads back to the same array through parseMojoJson', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' })), (value) => {
        expect(parseMojoJson(mojoJson(value))).toEqual(value);
      }),
    );
  });
});

describe('parseMojoJson', () => {
  it.each<[string, string[] | undefined]>([
    ['["\\/bin\\/sh"]', ['/bin/sh']],
    ['[]', []],
    ['["a",1]', undefined],
    ['{"a":"b"}', undefined],
    ['not json', undefined],
  ])('%s → %j', (text, expected) => {
    expect(parseMojoJson(text)).toEqual(expected);
  });
});
