import type { ServerResponse } from 'node:http';

/**
 * What a scripted server answers, including the misbehaviour a real registry cannot be made to show:
 * a connection that never answers, a body dribbled byte by byte, a body that never ends, a
 * `Content-Length` that lies, a dropped socket (regclient reqresp's `Fail`).
 */
export type Reply =
  /** An ordinary answer; `Content-Length` is set from the body unless the headers name one. */
  | { readonly kind?: 'answer'; readonly status: number; readonly headers?: Readonly<Record<string, string>>; readonly body?: string | Buffer }
  /** Accept the request and never answer: a black-holed connection. */
  | { readonly kind: 'hang' }
  /** Destroy the socket without a status line. */
  | { readonly kind: 'drop' }
  /** Send the status and headers, then one byte of `body` every `intervalMs` (slow-loris). */
  | { readonly kind: 'dribble'; readonly status: number; readonly headers?: Readonly<Record<string, string>>; readonly body: string; readonly intervalMs: number }
  /** Send the status and headers, then `chunk` forever (chunked): the endless body. */
  | { readonly kind: 'endless'; readonly status: number; readonly headers?: Readonly<Record<string, string>>; readonly chunk: string }
  /** Declare `declaredLength`, send `body` (shorter), then cut the connection: a short read. */
  | { readonly kind: 'short'; readonly status: number; readonly headers?: Readonly<Record<string, string>>; readonly declaredLength: number; readonly body: string | Buffer };

/** A JSON answer with its content type. */
export function json(status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

/** The registry error body of the distribution spec: `{"errors":[{"code","message"}]}`. */
export function registryError(status: number, code: string, message: string, headers: Readonly<Record<string, string>> = {}): Reply {
  return json(status, { errors: [{ code, message }] }, headers);
}

/**
 * Writes `reply` to `res`; timers it starts are stopped when the connection closes, so a test that
 * ends early leaves nothing running.
 */
export function writeReply(res: ServerResponse, reply: Reply, method: string): void {
  switch (reply.kind) {
    case 'hang':
      return;
    case 'drop':
      res.socket?.destroy();
      return;
    case 'dribble': {
      res.writeHead(reply.status, { 'content-length': String(Buffer.byteLength(reply.body)), ...reply.headers });
      res.flushHeaders();
      let sent = 0;
      const timer = setInterval(() => {
        if (sent >= reply.body.length) {
          clearInterval(timer);
          res.end();
          return;
        }
        res.write(reply.body.slice(sent, sent + 1));
        sent += 1;
      }, reply.intervalMs);
      res.on('close', () => clearInterval(timer));
      return;
    }
    case 'endless': {
      res.writeHead(reply.status, reply.headers);
      const timer = setInterval(() => res.write(reply.chunk), 1);
      res.on('close', () => clearInterval(timer));
      return;
    }
    case 'short': {
      res.writeHead(reply.status, { ...reply.headers, 'content-length': String(reply.declaredLength) });
      res.write(reply.body, () => res.socket?.destroy());
      return;
    }
    default: {
      const body = reply.body ?? '';
      const headers: Record<string, string> = { ...reply.headers };
      const hasLength = Object.keys(headers).some((name) => name.toLowerCase() === 'content-length');
      if (!hasLength) headers['content-length'] = String(Buffer.byteLength(body));
      res.writeHead(reply.status, headers);
      // A HEAD answer carries the GET's headers but no body (RFC 9110 §9.3.2).
      res.end(method === 'HEAD' ? undefined : body);
    }
  }
}
