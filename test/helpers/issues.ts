import type { z } from 'zod';

export type PathIssue = { path: string; message: string; code: string };

/** The issues a schema raises for a value, with paths joined the way the repositories report them. */
export function issuesOf(schema: z.ZodType, value: unknown): PathIssue[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message, code: issue.code }));
}

/** The messages raised on one path. */
export function messagesAt(schema: z.ZodType, value: unknown, path: string): string[] {
  return issuesOf(schema, value)
    .filter((issue) => issue.path === path)
    .map((issue) => issue.message);
}
