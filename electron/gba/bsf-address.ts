/**
 * Where the BSF is, from the IMPI (TS 23.003 §16.2): the IMPI's realm names the home network as
 * `…mnc<MNC>.mcc<MCC>.3gppnetwork.org`, and the BSF of that network is
 * `bsf.mnc<MNC>.mcc<MCC>.pub.3gppnetwork.org`.
 *
 *   234150999999999@ims.mnc015.mcc234.3gppnetwork.org  →  http://bsf.mnc015.mcc234.pub.3gppnetwork.org/
 *
 * The URL is plain http on the default port with path "/": TS 24.109 fixes the host only, and
 * networks that do otherwise are configured with --bsf.
 */
import { GbaError } from './gba-error';

/** The realm of an IMPI (`user@realm`): the text after the last "@". */
export function impiRealm(impi: string): string {
  const at = typeof impi === 'string' ? impi.lastIndexOf('@') : -1;
  if (at <= 0 || at === impi.length - 1) throw new GbaError('invalid-argument', `the IMPI must look like user@realm (e.g. 234150999999999@ims.mnc015.mcc234.3gppnetwork.org), got "${String(impi)}".`);
  return impi.slice(at + 1);
}

export function bsfUrlFromImpi(impi: string): URL {
  const realm = impiRealm(impi).toLowerCase();
  const match = /(?:^|\.)mnc(\d{2,3})\.mcc(\d{3})\.3gppnetwork\.org$/.exec(realm);
  if (!match) {
    throw new GbaError(
      'bsf-address',
      `cannot derive the BSF address from the IMPI realm "${realm}" (TS 23.003 derives it only from a …mncNNN.mccNNN.3gppnetwork.org realm): give the BSF URL with --bsf URL or in the profile.`,
    );
  }
  const mnc = (match[1] ?? '').padStart(3, '0');
  return new URL(`http://bsf.mnc${mnc}.mcc${match[2] ?? ''}.pub.3gppnetwork.org/`);
}
