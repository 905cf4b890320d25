import { z } from 'zod';
import { InterviewerNameSchema } from '../domain/interview';
import type { RepositoryContext } from './repository-context';
import { validate } from './validation';

const INTERVIEWER_NAME_KEY = 'interviewerName';

/** Device-local preferences: who is using this device. */
export function createSettingsRepository({ db }: RepositoryContext) {
  return {
    async getInterviewerName(): Promise<string | null> {
      const row = await db.settings.get(INTERVIEWER_NAME_KEY);
      const parsed = z.string().safeParse(row?.value);
      return parsed.success ? parsed.data : null;
    },
    async setInterviewerName(name: string): Promise<string> {
      const value = validate('Your name', z.object({ name: InterviewerNameSchema }), { name }).name;
      await db.settings.put({ key: INTERVIEWER_NAME_KEY, value });
      return value;
    },
  };
}
