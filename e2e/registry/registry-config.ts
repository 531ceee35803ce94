/** How one docker-registry instance is set up (environment.md §2). */
export interface RegistryConfigOptions {
  readonly port: number;
  readonly storageRoot: string;
  readonly auth?:
    | { readonly kind: 'htpasswd'; readonly path: string }
    | { readonly kind: 'token'; readonly realm: string; readonly service: string; readonly issuer: string; readonly rootCertBundle: string };
  /** Base URL of the nginx that serves the storage root: blob GET/HEAD become 307s to it. */
  readonly redirectBaseUrl?: string;
}

/** Quotes a YAML scalar (single quotes, doubled inside), so paths and regexes stay literal. */
function q(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * The registry's YAML config. Every flavour shares the same storage root; all allow foreign layer
 * URLs (2.8's default allows none) so Windows manifests can be pushed through any of them.
 */
export function registryConfigYaml(options: RegistryConfigOptions): string {
  const lines = [
    'version: 0.1',
    'log:',
    '  level: warn',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${q(options.storageRoot)}`,
    '  delete:',
    '    enabled: true',
    '  cache:',
    '    blobdescriptor: inmemory',
    '  maintenance:',
    '    uploadpurging:',
    '      enabled: false',
    'http:',
    `  addr: 127.0.0.1:${options.port}`,
    '  secret: regscope-test-secret',
    '  headers:',
    '    X-Content-Type-Options: [nosniff]',
    'validation:',
    '  manifests:',
    '    urls:',
    '      allow:',
    `        - ${q('^https?://')}`,
  ];
  if (options.auth?.kind === 'htpasswd') {
    lines.push('auth:', '  htpasswd:', '    realm: basic-realm', `    path: ${q(options.auth.path)}`);
  } else if (options.auth?.kind === 'token') {
    lines.push(
      'auth:',
      '  token:',
      `    realm: ${q(options.auth.realm)}`,
      `    service: ${q(options.auth.service)}`,
      `    issuer: ${q(options.auth.issuer)}`,
      `    rootcertbundle: ${q(options.auth.rootCertBundle)}`,
    );
  }
  if (options.redirectBaseUrl !== undefined) {
    lines.push('middleware:', '  storage:', '    - name: redirect', '      options:', `        baseurl: ${q(options.redirectBaseUrl)}`);
  }
  return `${lines.join('\n')}\n`;
}
