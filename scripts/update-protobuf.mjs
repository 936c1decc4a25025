#!/usr/bin/env node
/**
 * Writes protobuf/messages.json: the field numbers and types of the Kubernetes API's protobuf messages, which the
 * server needs to answer `Accept: application/vnd.kubernetes.protobuf` as a real API server does.
 *
 * Upstream defines them in k8s.io/api's and k8s.io/apimachinery's generated.proto files. Every kubectl up to 1.34
 * carries those definitions inside it: gogo-protobuf's generated code registers each file's FileDescriptorProto,
 * gzipped, with the protobuf registry. This script reads them out of real kubectl binaries (the newest that still
 * carries a file wins) and writes what the encoder needs: per message, its fields by JSON name with number, type,
 * repetition and referenced message, and which fields JSON inlines into their parent (Volume's `volumeSource`),
 * found by comparing each message with its schema in openapi/v2.json.
 *
 *   protobuf/messages.json   { files: {proto file: kubectl it was read from}, messages: {full name: {field: spec}} }
 *   protobuf/SOURCE.md       where it came from
 *
 * Usage: npm run protobuf:update [-- <kubectl binary> ...]
 * Without arguments: kubectl.1.33, then kubectl.1.32 ... kubectl.1.27 beside the kubectl on PATH (the Google Cloud
 * SDK's layout). Output is deterministic: messages and fields sorted.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const descriptor = require('protobufjs/ext/descriptor');

/** FieldDescriptorProto.Type values that occur in Kubernetes' files, by the name the encoder uses. */
const SCALARS = { 3: 'int64', 5: 'int32', 8: 'bool', 9: 'string', 12: 'bytes', 1: 'double', 2: 'float', 4: 'uint64', 13: 'uint32' };
const TYPE_MESSAGE = 11;
const LABEL_REPEATED = 3;
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00]);

export function defaultBinaries() {
  const onPath = execFileSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim();
  const dir = dirname(realpathSync(onPath));
  const versions = ['1.33', '1.32', '1.31', '1.30', '1.29', '1.28', '1.27'];
  return versions.map((v) => join(dir, `kubectl.${v}`)).filter((path) => existsSync(path));
}

/** Reads the messages out of `binaries` (the first that carries a file wins) and writes them to `outDir`. */
export function updateProtobuf(binaries, outDir) {
  if (binaries.length === 0) throw new Error('no kubectl binary given or found beside the kubectl on PATH');
  const definitions = JSON.parse(readFileSync(join(REPO_ROOT, 'openapi', 'v2.json'), 'utf8')).definitions;
  const servedPackages = new Set(Object.keys(definitions).map((name) => name.replace(/^io\.k8s\./, 'k8s.io.').replace(/\.[^.]+$/, '')));
  const chosen = new Map();
  for (const [index, binary] of binaries.entries()) {
    const version = kubectlVersion(binary);
    for (const [name, file] of descriptorsIn(binary)) {
      if (chosen.has(name)) continue;
      // An older kubectl only fills in a file the first lacks that is still served (certificates/v1 is missing from
      // kubectl 1.30-1.33's registry); the files of versions since removed (flowcontrol/v1alpha1) stay out.
      if (index > 0 && !servedPackages.has(file.package)) continue;
      chosen.set(name, { file, from: `${basename(binary)} (${version})` });
    }
  }
  if (!chosen.has('k8s.io/api/core/v1/generated.proto')) throw new Error(`no Kubernetes descriptors in ${binaries.join(', ')}`);

  const messages = {};
  for (const { file } of chosen.values()) {
    for (const message of file.messageType) {
      const mapEntries = new Map(
        message.nestedType.filter((nested) => nested.options?.mapEntry).map((nested) => [`${file.package}.${message.name}.${nested.name}`, nested]),
      );
      const fields = {};
      for (const field of [...message.field].sort((a, b) => a.number - b.number)) fields[field.name] = fieldSpec(field, mapEntries);
      messages[`${file.package}.${message.name}`] = fields;
    }
  }
  const { unmatched, renamed } = markInlinedFields(messages, definitions);

  const sorted = Object.fromEntries(
    Object.keys(messages)
      .sort()
      .map((name) => [name, messages[name]]),
  );
  const files = Object.fromEntries([...chosen.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, { from }]) => [name, from]));
  mkdirSync(outDir, { recursive: true });
  const lines = Object.entries(sorted).map(([name, fields]) => `    ${JSON.stringify(name)}: ${JSON.stringify(fields)}`);
  writeFileSync(
    join(outDir, 'messages.json'),
    `{\n  "files": ${JSON.stringify(files, null, 4).replace(/\n}/, '\n  }')},\n  "messages": {\n${lines.join(',\n')}\n  }\n}\n`,
  );
  writeFileSync(join(outDir, 'SOURCE.md'), sourceText(files, Object.keys(sorted).length, unmatched, renamed));
  return { messages: Object.keys(sorted).length, files: Object.keys(files).length, renamed, unmatched };
}

/** Every FileDescriptorProto gzipped into a binary, by its proto file name (vendored paths made plain). */
function descriptorsIn(binary) {
  const bytes = readFileSync(binary);
  const files = new Map();
  for (let at = bytes.indexOf(GZIP_HEADER); at >= 0; at = bytes.indexOf(GZIP_HEADER, at + GZIP_HEADER.length)) {
    let file;
    try {
      file = descriptor.FileDescriptorProto.decode(gunzipSync(bytes.subarray(at, at + 4 * 1024 * 1024), { finishFlush: 2 }));
    } catch {
      continue;
    }
    if (typeof file.name !== 'string' || !file.name.endsWith('/generated.proto')) continue;
    files.set(file.name.replace(/^k8s\.io\/kubernetes\/vendor\//, ''), file);
  }
  return files;
}

function kubectlVersion(binary) {
  try {
    const out = JSON.parse(execFileSync(binary, ['version', '--client', '-o', 'json'], { encoding: 'utf8' }));
    return out.clientVersion.gitVersion;
  } catch {
    return 'unknown version';
  }
}

/** One field as the encoder reads it: number, type, whether repeated, the message it holds or a map's value type. */
function fieldSpec(field, mapEntries) {
  const repeated = field.label === LABEL_REPEATED;
  if (field.type === TYPE_MESSAGE) {
    const typeName = field.typeName.replace(/^\./, '');
    const entry = mapEntries.get(typeName);
    if (entry) {
      const value = entry.field.find((f) => f.number === 2);
      return { number: field.number, type: 'map', value: value.type === TYPE_MESSAGE ? value.typeName.replace(/^\./, '') : SCALARS[value.type] };
    }
    return { number: field.number, type: 'message', message: typeName, ...(repeated ? { repeated: true } : {}) };
  }
  const type = SCALARS[field.type];
  if (!type) throw new Error(`field ${field.name} has type ${field.type}, which no Kubernetes file uses`);
  return { number: field.number, type, ...(repeated ? { repeated: true } : {}) };
}

/**
 * JSON inlines some embedded structs (`json:",inline"`) that protobuf keeps as a field of their own: Volume's
 * VolumeSource, Probe's ProbeHandler, PersistentVolumeSpec's PersistentVolumeSource. Such a field is named in the
 * message but not in the OpenAPI schema of the same type, whose properties hold the embedded message's fields
 * instead. A field whose generated name differs from its JSON name in case only is renamed to the JSON name.
 * Returns the renamed fields and the others the schema does not name (none is expected for a served type).
 */
function markInlinedFields(messages, definitions) {
  const unmatched = [];
  const renamed = [];
  for (const [name, fields] of Object.entries(messages)) {
    const definition = definitions[name.replace(/^k8s\.io\./, 'io.k8s.')];
    if (!definition?.properties) continue;
    const properties = new Set(Object.keys(definition.properties));
    for (const [fieldName, spec] of Object.entries(fields)) {
      if (properties.has(fieldName)) continue;
      // A few generated names differ from the JSON one in case only (`uID` for `uid`, `Webhooks` for `webhooks`).
      const jsonName = [...properties].find((property) => property.toLowerCase() === fieldName.toLowerCase());
      if (jsonName !== undefined && !(jsonName in fields)) {
        renamed.push(`${name}.${fieldName} (${jsonName})`);
        delete fields[fieldName];
        fields[jsonName] = spec;
        continue;
      }
      const embedded = spec.type === 'message' && !spec.repeated ? messages[spec.message] : undefined;
      if (embedded && Object.keys(embedded).some((inner) => properties.has(inner))) spec.inline = true;
      else unmatched.push(`${name}.${fieldName}`);
    }
  }
  for (const fields of Object.values(messages)) {
    const byNumber = Object.entries(fields).sort(([, a], [, b]) => a.number - b.number);
    for (const key of Object.keys(fields)) delete fields[key];
    for (const [key, spec] of byNumber) fields[key] = spec;
  }
  return { unmatched: unmatched.sort(), renamed: renamed.sort() };
}

function sourceText(files, messageCount, unmatched, renamed) {
  const readFrom = [...new Set(Object.values(files))];
  const filled = Object.entries(files).filter(([, from]) => from !== readFrom[0]);
  return `# Where these messages come from

\`messages.json\` holds the field numbers and types of the Kubernetes API's protobuf messages (${messageCount} messages),
as k8s.io/api and k8s.io/apimachinery define them in their \`generated.proto\` files (Copyright The Kubernetes Authors,
Apache License 2.0, as kubefacade). They were read by \`scripts/update-protobuf.mjs\` (\`npm run protobuf:update\`) out of
real kubectl binaries, which embed each file's FileDescriptorProto (gzipped, registered by gogo-protobuf's generated
code), from ${readFrom[0]}${filled.length === 0 ? '' : `; files it lacks that a v1.33 server still serves were read from older ones: ${filled.map(([file, from]) => `\`${file}\` from ${from}`).join(', ')}`}.

For every message: its fields by name (the JSON name, which go-to-protobuf gives the proto field) with number, type,
whether repeated, the message a field holds or a map's value type, and \`inline\` where JSON inlines the field's
message into its parent (found by comparing the message with its schema in \`openapi/v2.json\`). Fields whose
generated name differs from the JSON name in case only are kept under the JSON name: ${renamed.map((r) => `\`${r}\``).join(', ')}.
${unmatched.length === 0 ? '' : `\nFields the OpenAPI schema of their message does not name (kept, encoded when present in JSON): ${unmatched.map((u) => `\`${u}\``).join(', ')}.\n`}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const binaries = process.argv.length > 2 ? process.argv.slice(2) : defaultBinaries();
  const { messages, files, renamed, unmatched } = updateProtobuf(binaries, join(REPO_ROOT, 'protobuf'));
  console.log(`protobuf/messages.json: ${messages} messages from ${files} files`);
  for (const line of renamed) console.log(`  renamed to its JSON name: ${line}`);
  for (const line of unmatched) console.log(`  no JSON property: ${line}`);
}
