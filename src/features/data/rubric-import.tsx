import { useRef, useState } from 'react';
import { Notice } from '../../components/notice';
import type { ImportOutcome } from '../../data/import-repository';
import { RUBRIC_FILE_EXTENSION } from '../../domain/rubric-file';
import { useRepositories } from '../../lib/repositories-context';
import { describeError } from '../../lib/errors';

/** A rubric version another device shared: checked by the one reader, added to this device's rubrics. */
export function RubricImportSection() {
  const repos = useRepositories();
  const inputRef = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<ImportOutcome | null>(null);

  const read = async (file: File | undefined) => {
    if (!file) return;
    setResult(null);
    try {
      // Only rubric files here: another kind of file is refused with where it goes instead.
      setResult(await repos.imports.importFile(file.name, await file.text(), { byteLength: file.size, expect: ['rubric'] }));
    } catch (error) {
      setResult({ fileName: file.name, outcome: 'rejected', detail: describeError(error, 'importing') });
    }
    if (inputRef.current) inputRef.current.value = '';
  };

  return (
    <section aria-labelledby="rubric-files-heading" className="section" id="rubric-files">
      <h2 id="rubric-files-heading">Rubric files</h2>
      <p className="field-hint">
        A rubric file (<code>{RUBRIC_FILE_EXTENSION}</code>) holds one rubric version from another device. It is checked before anything is written, and a version
        already here is never replaced.
      </p>
      <button type="button" className="button button-secondary" onClick={() => inputRef.current?.click()}>
        Import a rubric file…
      </button>
      <input
        ref={inputRef}
        id="rubric-file"
        aria-label="Rubric file"
        tabIndex={-1}
        className="visually-hidden"
        type="file"
        accept={`${RUBRIC_FILE_EXTENSION},.json,application/json`}
        onChange={(e) => void read(e.target.files?.[0])}
      />
      {result && (
        <Notice tone={result.outcome === 'rejected' ? 'error' : 'success'} title={result.outcome === 'rejected' ? `${result.fileName} was not imported` : result.outcome === 'unchanged' ? 'Rubric already here' : 'Rubric imported'}>
          <p>{result.detail}</p>
        </Notice>
      )}
    </section>
  );
}
