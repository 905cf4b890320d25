import { useRef, useState } from 'react';
import { Link } from 'wouter';
import { Notice } from '../../components/notice';
import type { ImportOutcome } from '../../data/import-repository';
import { useRepositories } from '../../lib/repositories-context';
import { describeError } from '../../lib/errors';

/** For an interviewer's device: bring in the loop the hiring manager shared, then score on it. */
export function LoopImport() {
  const repos = useRepositories();
  const inputRef = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<ImportOutcome | null>(null);

  const read = async (file: File | undefined) => {
    if (!file) return;
    try {
      setResult(await repos.imports.importFile(file.name, await file.text(), { byteLength: file.size, expect: ['loop'] }));
    } catch (error) {
      setResult({ fileName: file.name, outcome: 'rejected', detail: describeError(error, 'importing') });
    }
    if (inputRef.current) inputRef.current.value = '';
  };

  return (
    <div className="loop-import">
      <button type="button" className="button button-secondary" onClick={() => inputRef.current?.click()}>
        Import a loop file
      </button>
      <input ref={inputRef} id="loop-file" aria-label="Loop file" tabIndex={-1} className="visually-hidden" type="file" accept=".json,application/json" onChange={(e) => void read(e.target.files?.[0])} />
      {result && (
        <Notice tone={result.outcome === 'rejected' ? 'error' : 'success'} title={result.outcome === 'rejected' ? `${result.fileName} was not imported` : result.outcome === 'conflict' ? 'Loop imported: a change needs your choice' : 'Loop imported'}>
          <p>
            {result.detail}{' '}
            {result.candidateId && result.outcome !== 'rejected' && <Link href={`/candidates/${result.candidateId}`}>Open the candidate</Link>}
          </p>
        </Notice>
      )}
    </div>
  );
}
