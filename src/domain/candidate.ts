import { z } from 'zod';
import { IdSchema, TimestampSchema, optionalText, requiredText } from './fields';

export const CANDIDATE_NAME_MAX_LENGTH = 120;
export const CANDIDATE_NOTES_MAX_LENGTH = 2_000;

export const CandidateSchema = z
  .object({
    id: IdSchema,
    roleId: IdSchema,
    name: requiredText('Name', CANDIDATE_NAME_MAX_LENGTH),
    notes: optionalText('Screening notes', CANDIDATE_NOTES_MAX_LENGTH),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .strict();
export type Candidate = z.infer<typeof CandidateSchema>;

export const CandidateInputSchema = CandidateSchema.omit({ id: true, createdAt: true, updatedAt: true });
export type CandidateInput = z.infer<typeof CandidateInputSchema>;
export type CandidateFormValues = z.input<typeof CandidateInputSchema>;
