/** A mistake in how the command was called: reported with the usage text, exit code 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}
