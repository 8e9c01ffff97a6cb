import { describe, expect, it } from 'vitest';
import { predict } from '../../../renderer/src/lib/playground/predict';
import { applicableQuirks, explainAnswer } from '../../../renderer/src/lib/playground/server-quirks';

const uri = 'http://127.0.0.1:1/xcap-root/resource-lists/users/sip:alice@example.com/index';
const KAMAILIO = 'kamailio (5.6.3 (x86_64/linux))';

describe('server quirks in the playground', () => {
  const created = predict({ method: 'PUT', documentUri: uri, auid: 'resource-lists', selector: '', namespaces: {}, body: '<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"/>', serverText: null, serverEtag: null });
  if (!created.ok) throw new Error(created.message);
  const context = (serverHeader: string | null) => ({ serverHeader, auid: 'resource-lists', plan: created.plan, selector: '', namespaces: {}, serverText: null });

  it('names the quirks of this server that change the answer, and the answer they lead to', () => {
    const { quirks, expected } = applicableQuirks(context(KAMAILIO), created.result);
    expect(created.result.status).toBe(201);
    expect(quirks.map((q) => q.id)).toContain('kamailio-create-200');
    expect(expected.status).toBe(200);
    expect(applicableQuirks(context('Apache/2.4'), created.result).quirks).toEqual([]);
    expect(applicableQuirks(context(null), created.result).quirks).toEqual([]);
  });

  it('after sending: a known quirk explains the difference; anything else stays a difference', () => {
    const document = created.result.document;
    const explained = explainAnswer(context(KAMAILIO), created.result, { status: 200, contentType: null, body: '' }, document);
    expect(explained.explained).toBe(true);
    expect(explained.quirks.map((q) => q.id)).toEqual(['kamailio-create-200']);
    const surprise = explainAnswer(context(KAMAILIO), created.result, { status: 500, contentType: null, body: '' }, document);
    expect(surprise.explained).toBe(false);
    const rfc = explainAnswer(context(null), created.result, { status: 201, contentType: null, body: '' }, document);
    expect(rfc).toMatchObject({ explained: true, quirks: [] });
  });
});
