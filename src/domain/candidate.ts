import { z } from 'zod';
import { personName } from './person-name';
import { IdSchema, TimestampSchema, optionalText, REVISION_FIELDS } from './fields';

export const CANDIDATE_NAME_MAX_LENGTH = 120;
export const CANDIDATE_NOTES_MAX_LENGTH = 2_000;

export const CandidateSchema = z
  .object({
    id: IdSchema,
    roleId: IdSchema,
    name: personName('Name', CANDIDATE_NAME_MAX_LENGTH),
    notes: optionalText('Screening notes', CANDIDATE_NOTES_MAX_LENGTH),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    ...REVISION_FIELDS,
  })
  .strict();
export type Candidate = z.infer<typeof CandidateSchema>;

export const CandidateInputSchema = CandidateSchema.omit({ id: true, createdAt: true, updatedAt: true, rev: true, revHistory: true });
export type CandidateInput = z.infer<typeof CandidateInputSchema>;
export type CandidateFormValues = z.input<typeof CandidateInputSchema>;
