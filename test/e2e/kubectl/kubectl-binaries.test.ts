/** How the suite picks its kubectl binaries: KUBEFACADE_KUBECTL narrows the set, and never to nothing silently. */
import { type KubectlBinary, restrictKubectlBinaries } from '../../support/kubectl.js';

const binary = (path: string, gitVersion: string): KubectlBinary => ({
  path,
  gitVersion,
  minor: Number(/^v1\.(\d+)/.exec(gitVersion)?.[1]),
  label: `${path.split('/').at(-1) ?? path} (${gitVersion})`,
  clientVersion: { gitVersion },
  kustomizeVersion: '',
});

const FOUND = [binary('/sdk/bin/kubectl.1.27', 'v1.27.16'), binary('/sdk/bin/kubectl.1.32', 'v1.32.5'), binary('/sdk/bin/kubectl.1.33', 'v1.33.1')];

describe('restricting the kubectl binaries', () => {
  it.each([
    ['unset', undefined, ['v1.27.16', 'v1.32.5', 'v1.33.1']],
    ['empty', '', ['v1.27.16', 'v1.32.5', 'v1.33.1']],
    ['a minor version', '1.32', ['v1.32.5']],
    ['two, in any order, with spaces', '1.33, 1.27', ['v1.27.16', 'v1.33.1']],
    ['a file name', 'kubectl.1.27', ['v1.27.16']],
    ['a path', '/sdk/bin/kubectl.1.33', ['v1.33.1']],
    ['a full version', 'v1.32.5', ['v1.32.5']],
  ])('keeps what KUBEFACADE_KUBECTL names when it is %s', (_how, selection, versions) => {
    expect(restrictKubectlBinaries(FOUND, selection).map((b) => b.gitVersion)).toEqual(versions);
  });

  it('fails when an entry names no binary found, rather than running fewer versions than asked', () => {
    expect(() => restrictKubectlBinaries(FOUND, '1.27,1.19')).toThrow(
      'KUBEFACADE_KUBECTL names "1.19", which matches none of: kubectl.1.27 (v1.27.16), kubectl.1.32 (v1.32.5), kubectl.1.33 (v1.33.1)',
    );
  });
});
