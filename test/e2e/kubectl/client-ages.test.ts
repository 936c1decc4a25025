import { withClientAgesMasked } from '../../support/captures/output-sections.js';

/** Rows aligned as kubectl's tabwriter aligns them: each column as wide as its widest cell, then two spaces. */
function aligned(rows: readonly (readonly string[])[]): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  return rows.map((row) => `  ${row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + 2))).join('')}`);
}

/** `kubectl describe deployment` as kubectl prints it, its events' ages worked out when it ran. */
const deployment = (age: string, seen: string): string =>
  [
    'Name:                   web',
    'Namespace:              shop',
    'Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable',
    'Events:',
    ...aligned([
      ['Type', 'Reason', 'Age', 'From', 'Message'],
      ['----', '------', '----', '----', '-------'],
      ['Normal', 'ScalingReplicaSet', age, 'deployment-controller', 'Scaled up replica set web-5d9c8b7f6d from 0 to 1'],
      ['Normal', 'Pulled', seen, 'kubelet', 'Container image "nginx:1.27" already present on machine'],
    ]),
    '',
  ].join('\n');

const node = (age: string): string =>
  [
    'Name:               worker-1',
    'Non-terminated Pods:          (1 in total)',
    '  Namespace                   Name                       CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
    '  ---------                   ----                       ------------  ----------  ---------------  -------------  ---',
    `  shop                        web-5d9c8b7f6d-q4m7z       100m (5%)     0 (0%)      64Mi (1%)        0 (0%)         ${age}`,
    'Allocated resources:',
    '  cpu                100m (5%)  0 (0%)',
    'Events:              <none>',
    '',
  ].join('\n');

describe('descriptions compared without the ages kubectl works out from its own clock', () => {
  it('read the same when an hour turned between the two runs, columns re-aligned or not', () => {
    expect(withClientAgesMasked(deployment('2d14h', '3m (x2 over 10m)'))).toBe(withClientAgesMasked(deployment('2d15h', '4m (x2 over 11m)')));
    expect(withClientAgesMasked(deployment('23h', '59m'))).toBe(withClientAgesMasked(deployment('1d', '60m')));
    expect(withClientAgesMasked(node('2d14h'))).toBe(withClientAgesMasked(node('2d15h')));
  });

  it('still tell apart anything else in those rows, and leave every other line as kubectl printed it', () => {
    expect(withClientAgesMasked(deployment('2d14h', '3m'))).not.toBe(withClientAgesMasked(deployment('2d14h', '3m').replace('from 0 to 1', 'from 0 to 2')));
    expect(withClientAgesMasked(node('2d14h'))).not.toBe(withClientAgesMasked(node('2d14h').replace('100m (5%)     0', '200m (9%)     0')));
    const masked = withClientAgesMasked(deployment('2d14h', '3m (x2 over 10m)'));
    expect(masked).toContain('  Normal  ScalingReplicaSet  <age>  deployment-controller  Scaled up replica set web-5d9c8b7f6d from 0 to 1');
    expect(masked).toContain('  Normal  Pulled  <age>  kubelet  Container image');
    expect(masked).toContain('Replicas:               2 desired | 2 updated');
    expect(withClientAgesMasked(node('2d14h'))).toContain('Allocated resources:\n  cpu                100m (5%)  0 (0%)\nEvents:              <none>');
  });
});
