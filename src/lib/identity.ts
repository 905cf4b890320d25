import { useLiveQuery } from 'dexie-react-hooks';
import { useRepositories } from './repositories-context';
import { describeError } from './errors';

/**
 * Who is using this device, as they named themselves; null until they say, undefined while loading.
 * Kept in the local database so it survives reloads and is the same in every tab.
 */
export function useInterviewerName(): string | null | undefined {
  const repos = useRepositories();
  return useLiveQuery(() => repos.settings.getInterviewerName(), [repos]);
}

/** Saves the device's interviewer name; resolves to a message for the field, or null when saved. */
export function useSaveInterviewerName() {
  const repos = useRepositories();
  return async (name: string): Promise<string | null> => {
    try {
      await repos.settings.setInterviewerName(name);
      return null;
    } catch (error) {
      return describeError(error, 'saving');
    }
  };
}
