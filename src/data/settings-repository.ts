import { z } from 'zod';
import { InterviewerNameSchema } from '../domain/interview';
import type { RepositoryContext } from './repository-context';
import { validate } from './validation';
import { RECEIVED_LOOPS_SETTING as RECEIVED_LOOPS_KEY, TEAM_SERVER_SETTING, namesTeamServer } from '../domain/device-settings';

const INTERVIEWER_NAME_KEY = 'interviewerName';
const RECEIVED_LOOPS_MAX = 5_000;

/** Device-local preferences: who is using this device. */
export function createSettingsRepository({ db }: RepositoryContext) {
  return {
    /** Whether this device uses a team server (read without loading any sync code). */
    async teamServerConfigured(): Promise<boolean> {
      return namesTeamServer((await db.settings.get(TEAM_SERVER_SETTING))?.value);
    },
    async getInterviewerName(): Promise<string | null> {
      const row = await db.settings.get(INTERVIEWER_NAME_KEY);
      const parsed = z.string().safeParse(row?.value);
      return parsed.success ? parsed.data : null;
    },
    /** Whether this candidate's loop came to this device as a loop file (an interviewer's device for them). */
    async receivedLoop(candidateId: string): Promise<boolean> {
      const row = await db.settings.get(RECEIVED_LOOPS_KEY);
      const parsed = z.array(z.string()).safeParse(row?.value);
      return parsed.success && parsed.data.includes(candidateId);
    },
    async markReceivedLoop(candidateId: string): Promise<void> {
      await db.transaction('rw', db.settings, async () => {
        const row = await db.settings.get(RECEIVED_LOOPS_KEY);
        const parsed = z.array(z.string()).safeParse(row?.value);
        const ids = parsed.success ? parsed.data.filter((id) => id !== candidateId) : [];
        await db.settings.put({ key: RECEIVED_LOOPS_KEY, value: [...ids, candidateId].slice(-RECEIVED_LOOPS_MAX) });
      });
    },
    async setInterviewerName(name: string): Promise<string> {
      const value = validate('Your name', z.object({ name: InterviewerNameSchema }), { name }).name;
      await db.settings.put({ key: INTERVIEWER_NAME_KEY, value });
      return value;
    },
  };
}
