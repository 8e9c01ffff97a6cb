/**
 * The 3GPP Digest AKA reading of an exchange (RFC 3310 / TS 24.109), as the traffic inspector shows
 * it: the challenge's RAND and AUTN split into SQN⊕AK, AMF and MAC, and what the client answered
 * with. All of it is public on the wire; RES and AUTS are never shown (redacted by the capture).
 * Computed in the main process (electron/gba/aka-view.ts).
 */
export interface AkaFields {
  readonly realm: string | null;
  /** Hex. */
  readonly rand: string;
  readonly autn: string;
  readonly sqnXorAk: string;
  readonly amf: string;
  readonly mac: string;
  /** The BSF's own part of the nonce (hex), often empty. */
  readonly serverData: string;
}

export interface AkaView {
  /** The challenge in the response (401 WWW-Authenticate), or null. */
  readonly challenge: AkaFields | null;
  /** The client's AKA Authorization in the request, or null when there is none. */
  readonly answer: { readonly kind: 'identity' | 'res' | 'auts'; readonly username: string | null; readonly fields: AkaFields | null } | null;
}
