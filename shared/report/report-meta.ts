/** Who wrote an export, and when: the header of the JSON and HTML reports. */
export interface ReportMeta {
  /** What wrote it, e.g. `regscope 0.1.0`. */
  readonly generator: string;
  /** When, as an RFC 3339 UTC timestamp. */
  readonly generatedAt: string;
}
