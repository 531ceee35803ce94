import { describe, expect, it } from 'vitest';
import { apiFor } from './harness/api-harness';
import { CREDENTIAL, DEADLINE_MS, useHostileWorld } from './harness/hostile-world';
import { image } from './harness/oci-content';
import { expectUserFacing, expectWithinDeadline, failureOf } from './harness/outcome';
import { json, type Reply } from './harness/replies';
import { blobPath, serveImage } from './harness/registry-script';
import { guardUnhandledRejections } from './harness/unhandled-rejections';

/**
 * reliability.md §5 row 29: a catch-all web server or captive portal answering every `/v2/…` path
 * with `200`. A 200 proves nothing (dist-spec "Determining Support"; the API-version header is
 * optional): only the Content-Type and the JSON shape of the real answers tell a registry apart.
 */
guardUnhandledRejections();
const world = useHostileWorld();
const REPO = 'acme/app';
const PORTAL = '<!doctype html><html><head><title>Welcome to nginx!</title></head><body>It works</body></html>';

/** Every path answers `reply`: a catch-all server, no auth challenge. */
function catchAll(reply: Reply): void {
  world.openRegistry();
  world.registry.script([{ name: 'catch-all', path: /.*/, reply }]);
}

const html: Reply = { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: PORTAL };
const someJson: Reply = json(200, { status: 'ok', version: '1.2.3' });

describe('row 29: not a registry', () => {
  it('row 29: an HTML page for a manifest is "not a registry"', async () => {
    catchAll(html);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'not-a-registry', stage: 'manifest', reference });
    expectWithinDeadline(failed.ms, DEADLINE_MS);
  });

  it('row 29: an HTML page for a tag list is a clear error naming the repository', async () => {
    catchAll(html);
    const repository = world.ref(REPO);
    const failed = await failureOf(() => world.core().tags(repository));
    expect(failed.data).toMatchObject({ stage: 'tags', reference: repository });
    expect(['not-a-registry', 'registry-error']).toContain(failed.data.code);
  });

  // FINDING (tags.ts listTags: only `status !== 200` goes through unexpectedAnswer): a 200 text/html
  // tag list is reported as "sent a tag list that is not JSON" (registry-error) instead of the
  // not-a-registry that manifests get from registry-errors.ts `looksLikeHtml`. The UI then gives
  // registry advice for what is a captive portal.
  it('row 29: an HTML page for a tag list is "not a registry"', async () => {
    catchAll(html);
    const repository = world.ref(REPO);
    const failed = await failureOf(() => world.core().tags(repository));
    expectUserFacing(failed.data, { code: 'not-a-registry', stage: 'tags', reference: repository });
  });

  it('row 29: a JSON answer that is no manifest is refused, not rendered', async () => {
    catchAll(someJson);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expect(failed.data).toMatchObject({ stage: 'manifest', reference });
    expect(['not-a-registry', 'unsupported-media-type', 'invalid-manifest']).toContain(failed.data.code);
  });

  // FINDING (tags.ts listTags: `body?.tags == null ? []`): a 200 JSON without a `tags` key at all
  // (a catch-all JSON API) is read as an empty repository. distribution's `"tags": null` after the
  // last delete is legitimate; a body with neither `name` nor `tags` is not a tag list.
  it('row 29: a JSON answer without "tags" is not listed as an empty repository', async () => {
    catchAll(someJson);
    const repository = world.ref(REPO);
    const failed = await failureOf(() => world.core().tags(repository));
    expect(failed.data).toMatchObject({ stage: 'tags', reference: repository });
    expect(['not-a-registry', 'registry-error']).toContain(failed.data.code);
  });

  it('row 29: an HTML page served as a config blob is caught by its digest', async () => {
    const honest = image('portal-config');
    world.registry.script([{ name: 'portal config', method: 'GET', path: blobPath(REPO, honest.config.digest), reply: html }, ...serveImage(REPO, '1', honest)]);
    const reference = world.ref(`${REPO}:1`);
    const failed = await failureOf(() => world.core().report(reference));
    expectUserFacing(failed.data, { code: 'digest-mismatch', stage: 'config', reference });
  });

  it('row 29: signing in to a portal that answers /v2/ with HTML never sends it the password', async () => {
    catchAll(html);
    const api = apiFor(world.core());
    await api.call('signIn', { registry: world.registryHost, username: CREDENTIAL.username, password: CREDENTIAL.password });
    api.service.dispose();
    expect(world.registry.requests.filter((request) => request.authorization)).toEqual([]);
  });

  // FINDING (regscope-core.ts checkLogin: `if (response.status !== 200) throw`): any 200 on `/v2/`
  // counts as a successful sign-in, so a captive portal's HTML page "accepts" the credentials and
  // api-service.ts signIn saves them to the app's credential store. Row 29: a 200 on /v2/ alone
  // proves nothing; expected not-a-registry (looksLikeHtml) and nothing saved.
  it('row 29: signing in to a portal that answers /v2/ with HTML is refused and saves nothing', async () => {
    catchAll(html);
    const api = apiFor(world.core());
    const result = await api.call('signIn', { registry: world.registryHost, username: CREDENTIAL.username, password: CREDENTIAL.password });
    const saved = await api.credentials.list();
    api.service.dispose();
    expect(result.ok).toBe(false);
    expect(saved).toEqual([]);
  });
});
