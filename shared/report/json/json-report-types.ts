/**
 * The shape of regscope's JSON export, format version 1. `report-schema.v1.json` is the same
 * contract as a JSON Schema and `README.md` describes every field; change all three together.
 *
 * Optional fields are left out when the registry did not provide the value; nothing is `null`.
 */

/** The version of this document's shape. Bumped only for changes that break readers. */
export const JSON_REPORT_FORMAT_VERSION = 1;

/** The whole export. */
export interface JsonReportDocument {
  readonly formatVersion: typeof JSON_REPORT_FORMAT_VERSION;
  /** What wrote it, e.g. `regscope 0.1.0`. */
  readonly generator: string;
  /** When, as an RFC 3339 UTC timestamp. */
  readonly generatedAt: string;
  /** One entry per requested reference, in the order given. */
  readonly reports: readonly JsonTagReport[];
}

/** A found tag or a missing one. */
export type JsonTagReport = JsonFoundTag | JsonMissingTag;

/** Where a reference points; shared by found and missing tags. */
export interface JsonReferenceFields {
  /** The reference as reports print it: `python:3.8-rc-alpine`. */
  readonly reference: string;
  readonly registry: string;
  readonly repository: string;
  readonly tag?: string;
  /** The digest the reference itself named (`repo@sha256:…`), if any. */
  readonly requestedDigest?: string;
}

/** A tag the registry does not have. */
export interface JsonMissingTag extends JsonReferenceFields {
  readonly kind: 'missing';
}

/** A tag that resolved to a manifest or a list. */
export interface JsonFoundTag extends JsonReferenceFields {
  readonly kind: 'found';
  /** The repository as `docker pull` wants it: `python`, `ghcr.io/acme/app`. */
  readonly pullName: string;
  /** Digest of the top-level manifest or list. */
  readonly digest: string;
  readonly mediaType: string;
  readonly manifestSize: number;
  readonly isIndex: boolean;
  readonly annotations?: Readonly<Record<string, string>>;
  /** Every manifest in list order, attestations included; one entry for a single manifest. */
  readonly images: readonly JsonImage[];
}

/** A platform in OCI terms. */
export interface JsonPlatform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
  readonly osVersion?: string;
  readonly osFeatures?: readonly string[];
  readonly features?: readonly string[];
}

/** One image manifest. */
export interface JsonImage {
  readonly kind: 'image' | 'attestation';
  readonly digest: string;
  readonly mediaType: string;
  readonly manifestSize: number;
  readonly fromIndex: boolean;
  readonly platform: JsonPlatform;
  /** The platform as repo-info prints it: `linux; arm64 variant v8`. */
  readonly platformText: string;
  /** For an attestation: the digest of the image it describes. */
  readonly attests?: string;
  readonly annotations?: Readonly<Record<string, string>>;
  /** Sum of the known layer sizes: the compressed transfer size. */
  readonly compressedSize: number;
  readonly config: JsonImageConfig;
  readonly layers: readonly JsonLayer[];
  readonly history: readonly JsonHistoryEntry[];
}

/** The image config blob, the fields that describe the image. */
export interface JsonImageConfig {
  readonly digest: string;
  readonly mediaType: string;
  readonly created?: string;
  readonly author?: string;
  readonly dockerVersion?: string;
  readonly os?: string;
  readonly architecture?: string;
  readonly variant?: string;
  readonly osVersion?: string;
  readonly entrypoint?: readonly string[];
  readonly cmd?: readonly string[];
  readonly shell?: readonly string[];
  readonly env?: readonly string[];
  readonly labels?: Readonly<Record<string, string>>;
  readonly workingDir?: string;
  readonly user?: string;
  readonly exposedPorts?: readonly string[];
  readonly stopSignal?: string;
  readonly diffIds?: readonly string[];
}

/** One layer descriptor. */
export interface JsonLayer {
  readonly digest: string;
  readonly mediaType: string;
  readonly size?: number;
  readonly urls?: readonly string[];
  readonly lastModified?: string;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** One `config.history[]` entry. */
export interface JsonHistoryEntry {
  readonly created?: string;
  readonly createdBy?: string;
  readonly emptyLayer: boolean;
  readonly comment?: string;
  readonly author?: string;
  /** The step as a Dockerfile line, by repo-info's current rules: `ENV LANG=C.UTF-8`, `RUN apk add …`. */
  readonly dockerfile: string;
}
