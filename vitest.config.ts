import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'test/**/*.test.ts'],
    // OS keychain suites need a real Secret Service: .ci/with-keyring.sh provides one and sets
    // XCAP_WITH_KEYRING=1 (CI always runs them; see .ci/run).
    exclude: process.env.XCAP_WITH_KEYRING === '1' ? configDefaults.exclude : [...configDefaults.exclude, '**/*.keyring.test.ts'],
    testTimeout: 20_000,
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
  },
});
