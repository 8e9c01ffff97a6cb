// electronegativity fetches its translations with got (1 s timeout); on a machine without that
// network access got's retry timer then throws "The `onCancel` handler was attached after the
// promise settled" out of a timer (a got/p-cancelable bug) and kills the scan after it finished
// reporting (and sometimes surfaces the RequestError itself). Those errors of the translation fetch,
// and only they, are ignored (the scan runs with the bundled English texts); anything else still
// fails the run.
process.on('uncaughtException', (error) => {
  if (error && /onCancel. handler was attached after the promise settled/.test(error.message)) return;
  if (error && error.name === 'RequestError' && /electronegativity-i18n/.test(String(error.message) + String(error.options?.url ?? ''))) return;
  console.error(error);
  process.exit(70);
});
