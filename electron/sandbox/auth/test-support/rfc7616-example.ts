/** The worked example of RFC 7616 §3.9.1 (the same request with MD5 and with SHA-256). */
export const RFC_7616_EXAMPLE = {
  username: 'Mufasa',
  password: 'Circle of Life',
  realm: 'http-auth@example.org',
  nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
  cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
  nc: '00000001',
  qop: 'auth',
  uri: '/dir/index.html',
  method: 'GET',
  opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
  responses: { MD5: '8ca523f5e9506fed4657c9700eebdbec', 'SHA-256': '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1' },
} as const;


/** The example's Authorization header as RFC 7616 §3.9.1 shows it, on one line (HTTP/1.1 forbids folding). */
export function rfc7616Authorization(algorithm: 'MD5' | 'SHA-256'): string {
  const e = RFC_7616_EXAMPLE;
  return [
    `Digest username="${e.username}"`,
    `realm="${e.realm}"`,
    `uri="${e.uri}"`,
    `algorithm=${algorithm}`,
    `nonce="${e.nonce}"`,
    `nc=${e.nc}`,
    `cnonce="${e.cnonce}"`,
    `qop=${e.qop}`,
    `response="${e.responses[algorithm]}"`,
    `opaque="${e.opaque}"`,
  ].join(', ');
}
