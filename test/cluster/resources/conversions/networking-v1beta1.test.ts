import { served } from './convert.js';

const ingress = (apiVersion: string, spec: Record<string, unknown>): Record<string, unknown> => ({
  apiVersion,
  kind: 'Ingress',
  metadata: { name: 'web', namespace: 'default' },
  spec,
  status: { loadBalancer: { ingress: [{ ip: '10.0.0.9' }] } },
});

describe('Ingress captured at extensions/v1beta1 or networking.k8s.io/v1beta1 is served at networking.k8s.io/v1', () => {
  test.each<[string, unknown, unknown]>([
    ['a numeric servicePort becomes port.number', { serviceName: 'web', servicePort: 80 }, { service: { name: 'web', port: { number: 80 } } }],
    ['a string servicePort becomes port.name', { serviceName: 'web', servicePort: 'http' }, { service: { name: 'web', port: { name: 'http' } } }],
    ['a port that only looks numeric stays a name', { serviceName: 'web', servicePort: '8080' }, { service: { name: 'web', port: { name: '8080' } } }],
    ['a service without a port has an empty port', { serviceName: 'web' }, { service: { name: 'web', port: {} } }],
    [
      'a resource backend is kept and no service is made',
      { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static' } },
      { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static' } },
    ],
  ])('%s', (_name, backend, expected) => {
    for (const apiVersion of ['extensions/v1beta1', 'networking.k8s.io/v1beta1']) {
      const out = served(ingress(apiVersion, { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }] }));
      expect(out['spec']).toStrictEqual({ rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: expected }] } }] });
    }
  });

  test('spec.backend becomes spec.defaultBackend in the same place, and a path without pathType is ImplementationSpecific', () => {
    const out = served(
      ingress('extensions/v1beta1', {
        ingressClassName: 'nginx',
        backend: { serviceName: 'fallback', servicePort: 8080 },
        tls: [{ hosts: ['a.example.com'], secretName: 'tls' }],
        rules: [{ host: 'a.example.com', http: { paths: [{ path: '/api', backend: { serviceName: 'api', servicePort: 'grpc' } }] } }],
      }),
    );
    expect(out).toStrictEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        ingressClassName: 'nginx',
        defaultBackend: { service: { name: 'fallback', port: { number: 8080 } } },
        tls: [{ hosts: ['a.example.com'], secretName: 'tls' }],
        rules: [
          {
            host: 'a.example.com',
            http: { paths: [{ path: '/api', backend: { service: { name: 'api', port: { name: 'grpc' } } }, pathType: 'ImplementationSpecific' }] },
          },
        ],
      },
      status: { loadBalancer: { ingress: [{ ip: '10.0.0.9' }] } },
    });
    expect(Object.keys(out['spec'] as object)).toEqual(['ingressClassName', 'defaultBackend', 'tls', 'rules']);
  });

  test('the kubernetes.io/ingress.class annotation is not turned into ingressClassName', () => {
    const out = served({ ...ingress('extensions/v1beta1', {}), metadata: { name: 'web', annotations: { 'kubernetes.io/ingress.class': 'nginx' } } });
    expect(out['spec']).toStrictEqual({});
    expect(out.metadata.annotations).toStrictEqual({ 'kubernetes.io/ingress.class': 'nginx' });
  });
});

describe('IngressClass and NetworkPolicy', () => {
  test('a v1beta1 IngressClass parameters reference without scope is cluster-scoped', () => {
    const out = served({
      apiVersion: 'networking.k8s.io/v1beta1',
      kind: 'IngressClass',
      metadata: { name: 'nginx' },
      spec: { controller: 'k8s.io/ingress-nginx', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'p' } },
    });
    expect(out).toStrictEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: 'nginx' },
      spec: { controller: 'k8s.io/ingress-nginx', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'p', scope: 'Cluster' } },
    });
  });

  test.each<[string, Record<string, unknown>, string[]]>([
    ['no rules: Ingress', { podSelector: {} }, ['Ingress']],
    ['egress rules: Ingress and Egress', { podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] }, ['Ingress', 'Egress']],
    ['explicit types are kept', { podSelector: {}, egress: [{}], policyTypes: ['Egress'] }, ['Egress']],
  ])('an extensions/v1beta1 NetworkPolicy defaults policyTypes (%s)', (_name, spec, policyTypes) => {
    const out = served({ apiVersion: 'extensions/v1beta1', kind: 'NetworkPolicy', metadata: { name: 'np' }, spec });
    expect(out.apiVersion).toBe('networking.k8s.io/v1');
    expect((out['spec'] as { policyTypes: string[] }).policyTypes).toEqual(policyTypes);
  });
});
