/** The renderer's one validation worker, shared by every editor (each has its own session). */
import ValidationWorker from './validation.worker?worker';
import { ValidationClient } from './validation-client';

let client: ValidationClient | null = null;

export function validationClient(): ValidationClient {
  client ??= new ValidationClient({ createWorker: () => new ValidationWorker({ name: 'xcap-validation' }) });
  return client;
}
