import protobuf from 'protobufjs';

/**
 * The part of gnostic's `openapi.v2` protobuf model (github.com/google/gnostic-models openapiv2/OpenAPIv2.proto)
 * that a Kubernetes swagger document uses, as a protobufjs reflection schema. kube-openapi (pkg/handler/handler.go)
 * serves /openapi/v2 as this message for kubectl ≤1.28, which parses it with kube-openapi pkg/util/proto.
 * Only the field numbers matter on the wire; names here are ours. Fields Kubernetes never emits are left out,
 * and the converter refuses documents that would need them.
 */
type Fields = Record<string, { id: number; type: string; rule?: 'repeated' }>;

const one = (id: number, type: string) => ({ id, type });
const many = (id: number, type: string) => ({ id, type, rule: 'repeated' as const });

function message(fields: Fields, oneofs?: Record<string, string[]>): protobuf.IType {
  return oneofs ? { fields, oneofs: Object.fromEntries(Object.entries(oneofs).map(([n, f]) => [n, { oneof: f }])) } : { fields };
}

/** A name/value pair: gnostic's representation of a JSON object as an ordered list. */
const named = (valueType: string) => message({ name: one(1, 'string'), value: one(2, valueType) });

const parameterSubSchema = (ids: {
  required: number; in: number; description: number; name: number; type: number; format: number;
  default: number; uniqueItems: number; enum: number; vendorExtension: number;
}) =>
  message({
    required: one(ids.required, 'bool'),
    in: one(ids.in, 'string'),
    description: one(ids.description, 'string'),
    name: one(ids.name, 'string'),
    type: one(ids.type, 'string'),
    format: one(ids.format, 'string'),
    default: one(ids.default, 'Any'),
    uniqueItems: one(ids.uniqueItems, 'bool'),
    enum: many(ids.enum, 'Any'),
    vendorExtension: many(ids.vendorExtension, 'NamedAny'),
  });

const OPENAPI_V2: protobuf.INamespace = {
  nested: {
    openapi: {
      nested: {
        v2: {
          nested: {
            // Any.value (google.protobuf.Any, 1) is never used for JSON input: values travel as YAML text.
            Any: message({ yaml: one(2, 'string') }),
            NamedAny: named('Any'),
            Document: message({
              swagger: one(1, 'string'),
              info: one(2, 'Info'),
              host: one(3, 'string'),
              basePath: one(4, 'string'),
              schemes: many(5, 'string'),
              consumes: many(6, 'string'),
              produces: many(7, 'string'),
              paths: one(8, 'Paths'),
              definitions: one(9, 'Definitions'),
              parameters: one(10, 'ParameterDefinitions'),
              security: many(12, 'SecurityRequirement'),
              securityDefinitions: one(13, 'SecurityDefinitions'),
              vendorExtension: many(16, 'NamedAny'),
            }),
            Info: message({
              title: one(1, 'string'),
              version: one(2, 'string'),
              description: one(3, 'string'),
              vendorExtension: many(7, 'NamedAny'),
            }),
            Paths: message({ vendorExtension: many(1, 'NamedAny'), path: many(2, 'NamedPathItem') }),
            NamedPathItem: named('PathItem'),
            PathItem: message({
              ref: one(1, 'string'),
              get: one(2, 'Operation'),
              put: one(3, 'Operation'),
              post: one(4, 'Operation'),
              delete: one(5, 'Operation'),
              options: one(6, 'Operation'),
              head: one(7, 'Operation'),
              patch: one(8, 'Operation'),
              parameters: many(9, 'ParametersItem'),
              vendorExtension: many(10, 'NamedAny'),
            }),
            Operation: message({
              tags: many(1, 'string'),
              summary: one(2, 'string'),
              description: one(3, 'string'),
              operationId: one(5, 'string'),
              produces: many(6, 'string'),
              consumes: many(7, 'string'),
              parameters: many(8, 'ParametersItem'),
              responses: one(9, 'Responses'),
              schemes: many(10, 'string'),
              deprecated: one(11, 'bool'),
              vendorExtension: many(13, 'NamedAny'),
            }),
            ParametersItem: message({ parameter: one(1, 'Parameter'), jsonReference: one(2, 'JsonReference') }, {
              oneof: ['parameter', 'jsonReference'],
            }),
            JsonReference: message({ ref: one(1, 'string'), description: one(2, 'string') }),
            Parameter: message({ bodyParameter: one(1, 'BodyParameter'), nonBodyParameter: one(2, 'NonBodyParameter') }, {
              oneof: ['bodyParameter', 'nonBodyParameter'],
            }),
            BodyParameter: message({
              description: one(1, 'string'),
              name: one(2, 'string'),
              in: one(3, 'string'),
              required: one(4, 'bool'),
              schema: one(5, 'Schema'),
              vendorExtension: many(6, 'NamedAny'),
            }),
            NonBodyParameter: message(
              {
                queryParameterSubSchema: one(3, 'QueryParameterSubSchema'),
                pathParameterSubSchema: one(4, 'PathParameterSubSchema'),
              },
              { oneof: ['queryParameterSubSchema', 'pathParameterSubSchema'] },
            ),
            QueryParameterSubSchema: parameterSubSchema({
              required: 1, in: 2, description: 3, name: 4, type: 6, format: 7,
              default: 10, uniqueItems: 20, enum: 21, vendorExtension: 23,
            }),
            PathParameterSubSchema: parameterSubSchema({
              required: 1, in: 2, description: 3, name: 4, type: 5, format: 6,
              default: 9, uniqueItems: 19, enum: 20, vendorExtension: 22,
            }),
            Responses: message({ responseCode: many(1, 'NamedResponseValue'), vendorExtension: many(2, 'NamedAny') }),
            NamedResponseValue: named('ResponseValue'),
            ResponseValue: message({ response: one(1, 'Response'), jsonReference: one(2, 'JsonReference') }, {
              oneof: ['response', 'jsonReference'],
            }),
            Response: message({
              description: one(1, 'string'),
              schema: one(2, 'SchemaItem'),
              vendorExtension: many(5, 'NamedAny'),
            }),
            SchemaItem: message({ schema: one(1, 'Schema') }, { oneof: ['schema'] }),
            Definitions: message({ additionalProperties: many(1, 'NamedSchema') }),
            NamedSchema: named('Schema'),
            ParameterDefinitions: message({ additionalProperties: many(1, 'NamedParameter') }),
            NamedParameter: named('Parameter'),
            SecurityRequirement: message({ additionalProperties: many(1, 'NamedStringArray') }),
            NamedStringArray: named('StringArray'),
            StringArray: message({ value: many(1, 'string') }),
            SecurityDefinitions: message({ additionalProperties: many(1, 'NamedSecurityDefinitionsItem') }),
            NamedSecurityDefinitionsItem: named('SecurityDefinitionsItem'),
            SecurityDefinitionsItem: message({ apiKeySecurity: one(2, 'ApiKeySecurity') }, { oneof: ['apiKeySecurity'] }),
            ApiKeySecurity: message({
              type: one(1, 'string'),
              name: one(2, 'string'),
              in: one(3, 'string'),
              description: one(4, 'string'),
              vendorExtension: many(5, 'NamedAny'),
            }),
            Schema: message({
              ref: one(1, 'string'),
              format: one(2, 'string'),
              title: one(3, 'string'),
              description: one(4, 'string'),
              default: one(5, 'Any'),
              multipleOf: one(6, 'double'),
              maximum: one(7, 'double'),
              exclusiveMaximum: one(8, 'bool'),
              minimum: one(9, 'double'),
              exclusiveMinimum: one(10, 'bool'),
              maxLength: one(11, 'int64'),
              minLength: one(12, 'int64'),
              pattern: one(13, 'string'),
              maxItems: one(14, 'int64'),
              minItems: one(15, 'int64'),
              uniqueItems: one(16, 'bool'),
              maxProperties: one(17, 'int64'),
              minProperties: one(18, 'int64'),
              required: many(19, 'string'),
              enum: many(20, 'Any'),
              additionalProperties: one(21, 'AdditionalPropertiesItem'),
              type: one(22, 'TypeItem'),
              items: one(23, 'ItemsItem'),
              allOf: many(24, 'Schema'),
              properties: one(25, 'Properties'),
              discriminator: one(26, 'string'),
              readOnly: one(27, 'bool'),
              example: one(30, 'Any'),
              vendorExtension: many(31, 'NamedAny'),
            }),
            AdditionalPropertiesItem: message({ schema: one(1, 'Schema'), boolean: one(2, 'bool') }, {
              oneof: ['schema', 'boolean'],
            }),
            TypeItem: message({ value: many(1, 'string') }),
            ItemsItem: message({ schema: many(1, 'Schema') }),
            Properties: message({ additionalProperties: many(1, 'NamedSchema') }),
          },
        },
      },
    },
  },
};

let documentType: protobuf.Type | undefined;

/** The `openapi.v2.Document` message type. */
export function gnosticDocumentType(): protobuf.Type {
  documentType ??= protobuf.Root.fromJSON(OPENAPI_V2).lookupType('openapi.v2.Document');
  return documentType;
}
