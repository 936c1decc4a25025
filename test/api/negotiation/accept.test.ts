import { parseAccept } from '../../../src/api/negotiation/accept.js';

const KUBECTL_TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

describe('the Accept header', () => {
  it("comes back as kubectl's Table request lists it: each clause with its parameters, in its order", () => {
    expect(parseAccept(KUBECTL_TABLE)).toEqual([
      { type: 'application', subtype: 'json', params: { as: 'Table', v: 'v1', g: 'meta.k8s.io' }, q: 1 },
      { type: 'application', subtype: 'json', params: { as: 'Table', v: 'v1beta1', g: 'meta.k8s.io' }, q: 1 },
      { type: 'application', subtype: 'json', params: {}, q: 1 },
    ]);
  });

  it('orders by q, then by how specific a range is, and drops what q=0 refuses', () => {
    const ranges = parseAccept('*/*;q=0.5, text/*, application/yaml;q=0.9, application/json, image/png;q=0');
    expect(ranges.map((r) => `${r.type}/${r.subtype};q=${r.q}`)).toEqual(['application/json;q=1', 'text/*;q=1', 'application/yaml;q=0.9', '*/*;q=0.5']);
  });

  it('keeps a quoted comma inside its parameter', () => {
    expect(parseAccept('application/json;x="a,b", application/yaml').map((r) => r.params)).toEqual([{ x: 'a,b' }, {}]);
  });

  it('is parsed once per distinct header and shared, frozen, by every request that sends it', () => {
    const first = parseAccept(KUBECTL_TABLE);
    expect(parseAccept(KUBECTL_TABLE)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first[0]?.params)).toBe(true);
  });

  it('reads headers it has forgotten as well as the first time, however many distinct ones came', () => {
    for (let i = 0; i < 500; i++) expect(parseAccept(`application/json;n=${i}`)[0]?.params).toEqual({ n: String(i) });
    expect(parseAccept(KUBECTL_TABLE)).toHaveLength(3);
    expect(parseAccept('')).toEqual([]);
    expect(parseAccept('   ')).toEqual([]);
    expect(parseAccept(undefined)).toEqual([]);
  });
});
