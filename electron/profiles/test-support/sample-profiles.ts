/** Profiles for the tests: a minimal one and one with every field. */
export function minimalProfile(name = 'Sandbox'): Record<string, unknown> {
  return { name, xcapRoot: 'http://127.0.0.1:40123/xcap-root', xui: 'sip:alice@example.com', auth: { method: 'digest', username: 'alice@example.com' }, tls: {} };
}

export function fullProfile(name = 'Lab IMS ☎'): Record<string, unknown> {
  return {
    name,
    xcapRoot: 'https://xcap.lab.example.net:8443/xcap-root',
    xui: 'tel:+15551234',
    auth: { method: 'basic', username: '+15551234@ims.example.net', allowCleartextBasic: false },
    tls: {
      caFiles: ['/etc/xcap/lab-ca.pem'],
      pinSha256: `sha256/${'A'.repeat(43)}=`,
      clientCert: { certFile: '/etc/xcap/client.pem', keyFile: '/etc/xcap/client.key' },
      http2: true,
    },
    headers: { 'X-Lab-Trace': 'on', Accept: 'application/xcap-el+xml' },
    userAgent: 'XCAP-Console/0.1',
    intendedIdentity: 'sip:+15551234@ims.example.net',
  };
}
