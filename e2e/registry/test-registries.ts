import type { FixtureCatalogue } from '../fixtures/fixture-catalogue';

/** One running registry. */
export interface RegistryEndpoint {
  /** `127.0.0.1:PORT`, as it appears in image references. */
  readonly host: string;
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
}

/** The token server, as the token registry knows it. */
export interface TokenServerEndpoint {
  readonly url: string;
  /** `<url>/token`: the realm in the registry's challenges (JWTs with an `x5c` header). */
  readonly realm: string;
  /** `<url>/kid/token`: the same, signing with a libtrust `kid` header. */
  readonly kidRealm: string;
  /** `<url>/_stats?since=SEQ`: the requests so far, to assert token caching. */
  readonly statsUrl: string;
  readonly service: string;
  readonly issuer: string;
}

/** The four registries on one storage root, plus the token server and nginx. */
export interface TestRegistryEndpoints {
  /** Anonymous, delete enabled, foreign URLs allowed; fixtures are pushed through it. */
  readonly anon: RegistryEndpoint;
  /** htpasswd basic auth. */
  readonly basic: RegistryEndpoint;
  /** Token auth against the token server. */
  readonly token: RegistryEndpoint;
  /** Anonymous, blob GET/HEAD answered with 307 to nginx (which sends Last-Modified). */
  readonly redirect: RegistryEndpoint;
  readonly tokenServer: TokenServerEndpoint;
  /** The user of the basic and token registries. */
  readonly credentials: { readonly username: string; readonly password: string };
  /** `http://127.0.0.1:PORT` of nginx: `/` is the storage root, `/foreign/` the foreign layers. */
  readonly nginxUrl: string;
  readonly storageRoot: string;
  /** The folder nginx serves as `/foreign/`. */
  readonly foreignDir: string;
}

/** A started harness. */
export interface TestRegistries extends TestRegistryEndpoints {
  /** The temp dir holding configs, keys, logs and the storage root; removed by `stop()`. */
  readonly tempDir: string;
  /** The pushed fixtures; null when started with `{ fixtures: false }`. */
  readonly catalogue: FixtureCatalogue | null;
  /** Stops every process and the token server, and removes the temp dir. */
  stop(): Promise<void>;
}

/** `FixtureCatalogue` with its maps as plain objects, so it survives `project.provide`. */
export type SerializedCatalogue = Omit<FixtureCatalogue, 'digestMap' | 'seedReplicas'> & {
  readonly digestMap: Readonly<Record<string, string>>;
  readonly seedReplicas: readonly (Omit<FixtureCatalogue['seedReplicas'][number], 'digestMap'> & {
    readonly digestMap: Readonly<Record<string, string>>;
  })[];
};

/** What the global setup hands to the tests: JSON only. */
export interface TestRegistriesDescription extends TestRegistryEndpoints {
  readonly catalogue: SerializedCatalogue | null;
  /** How long the global setup took, in ms. */
  readonly setupMs: number;
}

/** Turns the harness into its JSON-serialisable description. */
export function describeTestRegistries(registries: TestRegistries, setupMs: number): TestRegistriesDescription {
  const { anon, basic, token, redirect, tokenServer, credentials, nginxUrl, storageRoot, foreignDir, catalogue } = registries;
  return {
    anon,
    basic,
    token,
    redirect,
    tokenServer,
    credentials,
    nginxUrl,
    storageRoot,
    foreignDir,
    setupMs,
    catalogue: catalogue && {
      ...catalogue,
      digestMap: Object.fromEntries(catalogue.digestMap),
      seedReplicas: catalogue.seedReplicas.map((replica) => ({ ...replica, digestMap: Object.fromEntries(replica.digestMap) })),
    },
  };
}
