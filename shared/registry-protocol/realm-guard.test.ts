import { describe, expect, it } from 'vitest';
import { RegscopeError } from '../api/errors';
import { checkRealm, type RealmCheckOptions } from './realm-guard';

type Row = [name: string, realm: string, registry: string, opts: RealmCheckOptions, expected: string];

describe('checkRealm: allowed realms', () => {
  it.each<Row>([
    ['same host', 'https://ghcr.io/token', 'https://ghcr.io', {}, 'https://ghcr.io/token'],
    ['Docker Hub', 'https://auth.docker.io/token', 'https://registry-1.docker.io', {}, 'https://auth.docker.io/token'],
    ['relative realm (regclient)', '/token', 'https://ghcr.io/v2/', {}, 'https://ghcr.io/token'],
    ['relative path', 'token', 'https://r.example/v2/', {}, 'https://r.example/v2/token'],
    ['protocol-relative realm takes the registry scheme', '//auth.example/token', 'https://r.example', {}, 'https://auth.example/token'],
    ['https realm for an http registry', 'https://auth.example/token', 'http://r.example:5000', {}, 'https://auth.example/token'],
    ['http realm for an http (insecure) registry', 'http://auth.lan/token', 'http://registry.lan:5000', {}, 'http://auth.lan/token'],
    // The test harness: registry and token server both on loopback.
    ['loopback registry, loopback realm on another port', 'http://127.0.0.1:5100/token', 'http://127.0.0.1:5002', {}, 'http://127.0.0.1:5100/token'],
    ['localhost registry, 127.0.0.1 realm', 'http://127.0.0.1:5100/token', 'http://localhost:5002', {}, 'http://127.0.0.1:5100/token'],
    ['IPv6 loopback registry', 'http://[::1]:5100/token', 'http://[::1]:5002', {}, 'http://[::1]:5100/token'],
    ['private registry, realm on its own host and another port', 'https://10.1.2.3:5001/token', 'https://10.1.2.3:5000', {}, 'https://10.1.2.3:5001/token'],
    ['private realm named insecure', 'https://10.1.2.4/token', 'https://10.1.2.3', { insecureHosts: ['10.1.2.4'] }, 'https://10.1.2.4/token'],
    ['insecure host:port, default port', 'https://10.1.2.4/token', 'https://10.1.2.3', { insecureHosts: ['10.1.2.4:443'] }, 'https://10.1.2.4/token'],
    ['insecure host:port', 'http://auth.corp:8080/token', 'https://registry.corp', { insecureHosts: ['auth.corp:8080'] }, 'http://auth.corp:8080/token'],
    ['insecure bare IPv6', 'http://[fd00::5]/token', 'https://registry.corp', { insecureHosts: ['fd00::5'] }, 'http://[fd00::5]/token'],
    ['query kept', 'https://auth.example/token?account=x', 'https://r.example', {}, 'https://auth.example/token?account=x'],
  ])('%s', (_name, realm, registry, opts, expected) => {
    const url = checkRealm(realm, registry, opts);
    expect(url).toBeInstanceOf(URL);
    expect(url.href).toBe(expected);
  });
});

describe('checkRealm: refused realms', () => {
  it.each<Row>([
    ['http downgrade (regclient "reject http downgrade")', 'http://auth.example/token', 'https://r.example', {}, 'plain http while the registry uses https'],
    ['file:', 'file:///etc/passwd', 'https://r.example', {}, 'not "file:"'],
    ['file: even for a loopback registry', 'file:///etc/passwd', 'http://127.0.0.1:5000', {}, 'not "file:"'],
    ['data:', 'data:text/plain,x', 'https://r.example', {}, 'not "data:"'],
    ['javascript:', 'javascript:alert(1)', 'https://r.example', {}, 'not "javascript:"'],
    ['ftp:', 'ftp://auth.example/token', 'https://r.example', {}, 'not "ftp:"'],
    ['cloud metadata', 'https://169.254.169.254/latest/meta-data/', 'https://r.example', {}, 'link-local address'],
    ['cloud metadata over http', 'http://169.254.169.254/', 'http://r.example', {}, 'link-local address'],
    ['IPv4-mapped metadata', 'https://[::ffff:169.254.169.254]/', 'https://r.example', {}, 'link-local address'],
    ['AWS IPv6 metadata', 'https://[fd00:ec2::254]/', 'https://r.example', {}, 'private address'],
    ['Alibaba metadata', 'https://100.100.100.200/', 'https://r.example', {}, 'private address'],
    ['loopback (regclient "reject redirect to loopback")', 'https://127.0.0.1/token', 'https://r.example', {}, 'loopback address'],
    ['decimal loopback', 'https://2130706433/token', 'https://r.example', {}, 'loopback address'],
    ['hex loopback', 'https://0x7f.1/token', 'https://r.example', {}, 'loopback address'],
    ['localhost', 'https://localhost/token', 'https://r.example', {}, 'loopback address'],
    ['IPv6 loopback', 'https://[::1]/token', 'https://r.example', {}, 'loopback address'],
    ['unspecified', 'https://0.0.0.0/token', 'https://r.example', {}, 'unspecified address'],
    ['private 10/8', 'https://10.0.0.1/token', 'https://r.example', {}, 'private address'],
    ['private 172.16/12', 'https://172.16.5.4/token', 'https://r.example', {}, 'private address'],
    ['private 192.168/16', 'https://192.168.1.1/token', 'https://r.example', {}, 'private address'],
    ['IPv6 link-local', 'https://[fe80::1]/token', 'https://r.example', {}, 'link-local address'],
    ['private registry, other private host', 'https://10.1.2.4/token', 'https://10.1.2.3', {}, 'private address'],
    ['insecure listing for another port', 'https://10.1.2.4/token', 'https://10.1.2.3', { insecureHosts: ['10.1.2.4:8443'] }, 'private address'],
    ['private registry, loopback realm', 'http://127.0.0.1/token', 'http://192.168.1.10:5000', {}, 'loopback address'],
    ['user and password', 'https://user:pass@auth.example/token', 'https://r.example', {}, 'user name or password'],
    ['user only', 'https://user@auth.example/token', 'https://r.example', {}, 'user name or password'],
    ['empty realm', '', 'https://r.example', {}, 'empty realm'],
    ['blank realm', '   ', 'https://r.example', {}, 'empty realm'],
    ['not a URL', 'http://[', 'https://r.example', {}, 'not a valid URL'],
    ['too long', `https://auth.example/${'a'.repeat(5000)}`, 'https://r.example', {}, 'longer than 4096'],
  ])('%s', (_name, realm, registry, opts, message) => {
    let error: unknown;
    try {
      checkRealm(realm, registry, opts);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RegscopeError);
    const data = (error as RegscopeError).data;
    expect(data.code).toBe('unsafe-url');
    expect(data.stage).toBe('auth');
    expect(data.message).toMatch(/^refusing token realm "/);
    expect(data.message).toContain(message);
    expect(data.message.length).toBeLessThan(300);
  });

  it('says so when the registry URL itself is not a URL', () => {
    let error: unknown;
    try {
      checkRealm('https://auth.example/token', 'registry.example');
    } catch (caught) {
      error = caught;
    }
    expect((error as RegscopeError).data).toMatchObject({ code: 'invalid-argument', stage: 'auth' });
  });
});
