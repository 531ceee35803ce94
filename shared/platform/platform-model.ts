/**
 * The platform an image was built for, as a manifest list entry (or an image config) states it.
 *
 * Field names follow the OCI image index spec; `os.version` and `os.features` keep their dotted
 * spelling there, and are camel-cased here.
 */
export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
  /** Windows build, e.g. `10.0.17763.5820`. */
  readonly osVersion?: string;
  readonly osFeatures?: readonly string[];
  /** Deprecated `features` field of Docker manifest lists; repo-info still prints it. */
  readonly features?: readonly string[];
}
