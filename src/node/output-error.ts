/** An output folder (`--out`) that cannot or must not be written: exit code 2, nothing written. */
export class OutputError extends Error {
  constructor(readonly path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'OutputError';
  }
}
