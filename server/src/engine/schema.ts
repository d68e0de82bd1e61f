import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/** A JSON Schema validator, called like Ajv's: `validate(data)`, then `validate.errors`. */
export interface LazyValidator {
  (data: unknown): boolean;
  readonly errors: ErrorObject[] | null | undefined;
}

/**
 * Compiles `schema` on first use, not at import: the CLI's `--version`, and
 * every start-up, paid for both of Tactful's schemas. The schemas are ours and
 * fixed, so Ajv's check of them against the JSON Schema meta-schema (which
 * compiles the meta-schema first) is skipped; it cost more than the
 * compilation itself.
 */
export function lazyValidator(schema: object): LazyValidator {
  let compiled: ValidateFunction | undefined;
  const validate = (data: unknown) => (compiled ??= new Ajv({ allErrors: true, strict: false, validateSchema: false }).compile(schema))(data);
  return Object.defineProperty(validate, 'errors', { get: () => compiled?.errors }) as LazyValidator;
}
