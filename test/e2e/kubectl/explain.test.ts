/**
 * `kubectl explain`: 1.27–1.28 read the OpenAPI v2 document in protobuf, 1.29+ the v3 JSON documents
 * (apiserver-behaviour.md §1.5); the text is the same apart from a blank line 1.30+ print after FIELD.
 * Before 1.27 (Debian's kubectl 1.20, the fallback of .ci/run) explain read v2 protobuf and printed its
 * older layout: `RESOURCE:` instead of `FIELD:`, three-space indents, `<Object>` for nested types.
 */
import { kubectlCases } from './kubectl-cases.js';

kubectlCases('kubectl explain', [
  {
    says: "explains a field from the schema: its type, its description and the Container's fields",
    args: ['explain', 'pods.spec.containers'],
    check: ({ stdout }, { binary }) => {
      if (binary.minor < 27) {
        expect(
          stdout.startsWith('KIND:     Pod\nVERSION:  v1\n\nRESOURCE: containers <[]Object>\n\nDESCRIPTION:\n     List of containers belonging to the pod.'),
        ).toBe(true);
        expect(stdout).toMatch(/\nFIELDS:\n {3}args\t<\[\]string>\n/);
        expect(stdout).toMatch(/\n {3}name\t<string> -required-\n/);
        expect(stdout).toMatch(/\n {3}image\t<string>\n/);
        return;
      }
      const blankAfterField = binary.minor >= 30 ? '\n' : '';
      expect(stdout.startsWith(`KIND:       Pod\nVERSION:    v1\n\nFIELD: containers <[]Container>\n${blankAfterField}\nDESCRIPTION:\n`)).toBe(true);
      expect(stdout).toMatch(/\n {4}List of containers belonging to the pod\./);
      expect(stdout).toMatch(/\nFIELDS:\n {2}args\t<\[\]string>\n/);
      expect(stdout).toMatch(/\n {2}name\t<string> -required-\n/);
      expect(stdout).toMatch(/\n {2}image\t<string>\n/);
    },
  },
  {
    says: 'prints the whole tree of Node fields, indented by depth',
    args: ['explain', 'nodes', '--recursive'],
    check: ({ stdout }, { binary }) => {
      if (binary.minor < 27) {
        expect(stdout.startsWith('KIND:     Node\nVERSION:  v1\n\nDESCRIPTION:\n')).toBe(true);
        expect(stdout).toMatch(/\nFIELDS:\n {3}apiVersion\t<string>\n {3}kind\t<string>\n {3}metadata\t<Object>\n {6}annotations\t<map\[string\]string>\n/);
        expect(stdout).toMatch(/\n {3}spec\t<Object>\n {6}configSource\t<Object>\n/);
        expect(stdout).toMatch(/\n {6}nodeInfo\t<Object>\n {9}architecture\t<string>\n/);
        expect(stdout).toMatch(/\n {9}kubeletVersion\t<string>\n/);
        return;
      }
      expect(stdout.startsWith('KIND:       Node\nVERSION:    v1\n\nDESCRIPTION:\n')).toBe(true);
      expect(stdout).toMatch(/\nFIELDS:\n {2}apiVersion\t<string>\n {2}kind\t<string>\n {2}metadata\t<ObjectMeta>\n {4}annotations\t<map\[string\]string>\n/);
      expect(stdout).toMatch(/\n {2}spec\t<NodeSpec>\n {4}configSource\t<NodeConfigSource>\n/);
      expect(stdout).toMatch(/\n {4}nodeInfo\t<NodeSystemInfo>\n {6}architecture\t<string> -required-\n/);
      expect(stdout).toMatch(/\n {6}kubeletVersion\t<string> -required-\n/);
    },
  },
  {
    says: 'says which field does not exist (after the header kubectl has already printed)',
    args: ['explain', 'pods.spec.nope'],
    stdout: ({ binary }) => (binary.minor < 27 ? '' : 'KIND:       Pod\nVERSION:    v1\n\n'),
    stderr: 'error: field "nope" does not exist\n',
    exitCode: 1,
  },
]);
