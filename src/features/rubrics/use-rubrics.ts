import { useLiveQuery } from 'dexie-react-hooks';
import { useRepositories } from '../../lib/repositories-context';
import { latestRubrics, type Rubric, type RubricVersionRef } from '../../domain/rubric';
import type { RubricDraft } from '../../domain/rubric-editing';
import type { RubricUsage } from '../../data/rubric-library-repository';
import { useLazyLiveQuery } from '../../lib/lazy-live-query';

export type LibraryEntry = { rubric: Rubric; versions: number; usage: RubricUsage };
export type Library = { entries: LibraryEntry[]; drafts: RubricDraft[] };

const NO_USE: RubricUsage = { roles: 0, interviews: 0, submittedScorecards: 0 };

/** The latest version of each rubric, with its count of versions and where it is used, and the drafts in progress. */
export function useLibrary(): Library | undefined {
  const repos = useRepositories();
  return useLazyLiveQuery(
    repos.rubricLibrary,
    async () => {
      const [all, usage, drafts] = await Promise.all([repos.rubrics.list(), repos.rubricLibrary.usageByVersion(), repos.rubricLibrary.listDrafts()]);
      const entries = latestRubrics(all).map((rubric) => ({
        rubric,
        versions: all.filter((r) => r.lineage === rubric.lineage).length,
        usage: usage.get(`${rubric.id}@${rubric.version}`) ?? NO_USE,
      }));
      return { entries, drafts };
    },
    [repos],
  ).value;
}

/** One version, null when it is not on this device; undefined while loading. */
export function useRubricVersion(ref: RubricVersionRef | null) {
  const repos = useRepositories();
  const id = ref?.id;
  const version = ref?.version;
  return useLiveQuery(async () => (id && version ? ((await repos.rubrics.get(id, version)) ?? null) : null), [repos, id, version]);
}

/** Every version of a rubric (its lineage), oldest first. */
export function useVersions(lineage: string | undefined) {
  const repos = useRepositories();
  return useLiveQuery(async () => (lineage ? repos.rubrics.listVersions(lineage) : []), [repos, lineage]);
}

export function useAllRubrics() {
  const repos = useRepositories();
  return useLiveQuery(() => repos.rubrics.list(), [repos]);
}

export function useUsage(ref: RubricVersionRef | null) {
  const repos = useRepositories();
  const id = ref?.id;
  const version = ref?.version;
  return useLazyLiveQuery(repos.rubricLibrary, async () => (id && version ? repos.rubricLibrary.usage({ id, version }) : NO_USE), [repos, id, version]).value;
}

/** The stored draft, as other tabs save it too; null when it is gone. */
export function useStoredDraft(id: string) {
  const repos = useRepositories();
  return useLazyLiveQuery(repos.rubricLibrary, async () => (await repos.rubricLibrary.getDraft(id)) ?? null, [repos, id]).value;
}

/** "2 roles, 5 interviews", or "Not used yet". */
export function usageText(usage: RubricUsage): string {
  const parts = [
    usage.roles > 0 && `${usage.roles} ${usage.roles === 1 ? 'role' : 'roles'}`,
    usage.interviews > 0 && `${usage.interviews} ${usage.interviews === 1 ? 'interview' : 'interviews'}`,
    usage.submittedScorecards > 0 && `${usage.submittedScorecards} submitted ${usage.submittedScorecards === 1 ? 'scorecard' : 'scorecards'}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'Not used yet';
}

/** `id@version`, as the comparison's address carries it. */
export function refParam(ref: RubricVersionRef): string {
  return `${ref.id}@${ref.version}`;
}

export function parseRefParam(value: string | null): RubricVersionRef | null {
  const match = value ? /^([A-Za-z0-9_-]{1,64})@([1-9][0-9]{0,8})$/.exec(value) : null;
  return match?.[1] && match[2] ? { id: match[1], version: Number(match[2]) } : null;
}

export function versionPath(ref: RubricVersionRef): string {
  return `/rubrics/${encodeURIComponent(ref.id)}/${ref.version}`;
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** How a version is named everywhere on these screens. */
export function versionTitle(rubric: Pick<Rubric, 'title' | 'version'>): string {
  return `${rubric.title} · version ${rubric.version}`;
}
