import { afterAll, beforeAll, describe, it } from 'vitest';
import { kamailioAvailability } from './kamailio-install';
import { startKamailio, type KamailioPeer } from './kamailio-peer';

/**
 * A describe block against a fresh Kamailio. Without Kamailio it is skipped with the reason printed,
 * unless XCAP_REQUIRE_INTEROP=1 (CI), where a missing peer is a failure, not a silent skip.
 */
export function describeInterop(name: string, body: (peer: () => KamailioPeer) => void): void {
  const availability = kamailioAvailability();
  if (!availability.available) {
    if (process.env.XCAP_REQUIRE_INTEROP === '1') {
      describe(name, () => {
        it('needs Kamailio (XCAP_REQUIRE_INTEROP=1 is set)', () => {
          throw new Error(`interop suite required but ${availability.reason}`);
        });
      });
      return;
    }
    console.warn(`[interop] "${name}" skipped: ${availability.reason} (set XCAP_REQUIRE_INTEROP=1 to make this a failure)`);
    describe.skip(name, () => body(() => {
      throw new Error('no Kamailio');
    }));
    return;
  }
  let peer: KamailioPeer | undefined;
  describe(name, () => {
    beforeAll(async () => {
      peer = await startKamailio(availability.install);
    }, 30_000);
    afterAll(async () => {
      await peer?.stop();
    }, 30_000);
    body(() => {
      if (peer === undefined) throw new Error('Kamailio did not start (see beforeAll)');
      return peer;
    });
  });
}
