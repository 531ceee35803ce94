import type { ErrorData } from '../../shared/api/errors';

/** What commands may do to the outside world; tests pass their own. */
export interface CliIo {
  readonly version: string;
  stdout(text: string): void;
  /** One failure, printed as `regscope: <stage>: <what> (<reference>)`. */
  error(error: ErrorData): void;
  /** A non-fatal note, printed as `regscope: warning: …`. */
  warn(message: string): void;
  now(): Date;
}
