import type { z } from 'zod';

export type FieldIssue = { path: string; message: string };

/** A write that the domain schema refused. Nothing was written. */
export class ValidationError extends Error {
  readonly issues: FieldIssue[];
  constructor(entity: string, issues: FieldIssue[]) {
    super(`${entity} not saved: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join(' ')}`);
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

/** A write that breaks a rule needing stored data (a missing parent, a duplicate). Nothing was written. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

export function validate<S extends z.ZodType>(entity: string, schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ValidationError(
      entity,
      result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    );
  }
  return result.data;
}

/**
 * A save based on an older copy than the one stored: another tab (or device import) saved in
 * between. Nothing was written; `current` is what is stored now.
 */
export class StaleWriteError<T> extends Error {
  readonly current: T;
  constructor(message: string, current: T) {
    super(message);
    this.name = 'StaleWriteError';
    this.current = current;
  }
}
