import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * An https server with a self-signed certificate for `registry.example` and `cdn.example`: what a
 * registry behind a homemade or intercepting TLS setup looks like to a client that trusts only the
 * public CA store. The key exists only for these tests (generated with
 * `openssl req -x509 -newkey ec -days 36500 -subj /CN=registry.example`).
 *
 * It records the HTTP requests that get through the handshake: with verification on, none must.
 */
const CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBtzCCAV2gAwIBAgIUcOi3vLpulAPewpxa6WcvNo5i6NMwCgYIKoZIzj0EAwIw
GzEZMBcGA1UEAwwQcmVnaXN0cnkuZXhhbXBsZTAgFw0yNjExMjIwMjQ2MjFaGA8y
MTI2MTAyOTAyNDYyMVowGzEZMBcGA1UEAwwQcmVnaXN0cnkuZXhhbXBsZTBZMBMG
ByqGSM49AgEGCCqGSM49AwEHA0IABNyQMYY5RtFlRILH8QZHZX09V6Jm0EN90e7B
O/+EoPpSSzystkRsAn2KZZX7f0xJvKBtjUtvHtODFvu6uB6kCUqjfTB7MB0GA1Ud
DgQWBBQwRe+1Mv/RVT2IpspwtX5vI2HugzAfBgNVHSMEGDAWgBQwRe+1Mv/RVT2I
pspwtX5vI2HugzAPBgNVHRMBAf8EBTADAQH/MCgGA1UdEQQhMB+CEHJlZ2lzdHJ5
LmV4YW1wbGWCC2Nkbi5leGFtcGxlMAoGCCqGSM49BAMCA0gAMEUCIHCBjA0dCG9u
MizMC7O/d+rHaVzEN4Hhj3CEgTLiGb0+AiEAtk6rC9odCu+YYPnyUYhe+jfSjWRl
6p1ETtbdPwV88aA=
-----END CERTIFICATE-----
`;

const PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgTJshLp+9O1CqAYWS
1Js5KW+G38llKe+9fVBdbG3Uu5OhRANCAATckDGGOUbRZUSCx/EGR2V9PVeiZtBD
fdHuwTv/hKD6Uks8rLZEbAJ9imWV+39MSbygbY1Lbx7Tgxb7urgepAlK
-----END PRIVATE KEY-----
`;

export class SelfSignedServer {
  /** Requests that completed a TLS handshake (none, if the client verifies). */
  readonly requests: string[] = [];
  private server: Server | undefined;

  async start(): Promise<void> {
    const server = createServer({ key: PRIVATE_KEY, cert: CERTIFICATE }, (req, res) => {
      this.requests.push(`${req.method ?? ''} ${req.url ?? ''} auth=${req.headers.authorization ? 'yes' : 'no'}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
  }

  get port(): number {
    return (this.server?.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
