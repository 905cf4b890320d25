// Import bench: gathering 1,000 scorecard files in one go, as the gather screen does it — one file
// after another, each in its own transaction (imports.importFile: the one reader, then the one rule
// set for incoming records, given the file's size on disk). The files are made first, on a separate
// source database, through the real repositories: one role, 100 candidates × 10 interviewers, every
// scorecard submitted with 300 characters of evidence per dimension and exported with
// scorecards.buildExport. Making them is not measured; importing them into a fresh,
// empty target database is. Run by `npm run bench` (test/tools/bench.mjs).
import { createDb } from '../../src/data/db';
import { createRepositories } from '../../src/data/repositories';
import type { ImportOutcome } from '../../src/data/import-repository';
import { servingRole } from '../fixtures/roles';
import { submitScorecard } from './bench-data';
import { publish } from './bench-result';

const CANDIDATES = 100;
const INTERVIEWERS = ['Ana Lopez', 'Łukasz Dvořák', 'Nguyễn Thị Zhōu', 'Ødegaard', 'Priya Raman', 'Siobhán O’Connor', 'Jean-Luc Müller', 'Kwame Mensah', 'Mei Chen', 'Tomás Ibáñez'];
const FILES = CANDIDATES * INTERVIEWERS.length;
const EVIDENCE_CHARS = 300;
const REIMPORT_EVERY = 20; // a second import of every 20th file: 50 files

type ExportedFile = { fileName: string; json: string; size: number };

/** What the gather screen passes with a dropped file: its size on disk (it takes scorecard, loop and packet files). */
const importOptions = (file: ExportedFile) => ({ byteLength: file.size });

const f1 = (x: number) => `${x.toFixed(1)} ms`;
const status = (text: string) => {
  const element = document.getElementById('status');
  if (element) element.textContent = text;
};

void publish(async () => {
  const stamp = Date.now();
  const source = createDb(`loopcard-bench-import-source-${stamp}`);
  const target = createDb(`loopcard-bench-import-target-${stamp}`);
  try {
    // The files, made as interviewers make them.
    const generationStarted = performance.now();
    const from = createRepositories(source);
    const role = await from.roles.create(servingRole);
    const encoder = new TextEncoder();
    const files: ExportedFile[] = [];
    for (let c = 0; c < CANDIDATES; c++) {
      status(`Making files: candidate ${c + 1} of ${CANDIDATES}…`);
      const candidate = await from.candidates.create({ name: `Bench Candidate ${String(c + 1).padStart(3, '0')}`, roleId: role.id, notes: '' });
      for (const [i, interviewerName] of INTERVIEWERS.entries()) {
        const interview = await from.interviews.addToLoop(candidate.id, { interviewerName, plannedAt: '' });
        const scorecard = await submitScorecard(from, interview.id, c + i, EVIDENCE_CHARS);
        const { fileName, json } = await from.scorecards.buildExport(scorecard.id, '0.1.0');
        files.push({ fileName, json, size: encoder.encode(json).length });
      }
    }
    const generationMs = performance.now() - generationStarted;
    if (files.length !== FILES) throw new Error(`Made ${files.length} files, expected ${FILES}.`);
    if (new Set(files.map((f) => f.fileName)).size !== FILES) throw new Error('Two exported files share a name.');
    const totalBytes = files.reduce((sum, f) => sum + f.size, 0);

    // The measurement: every file into the empty target database, one at a time.
    status(`Importing ${FILES} files…`);
    const into = createRepositories(target);
    const samples: number[] = [];
    const outcomes: ImportOutcome[] = [];
    const importStarted = performance.now();
    for (const file of files) {
      const started = performance.now();
      outcomes.push(await into.imports.importFile(file.fileName, file.json, importOptions(file)));
      samples.push(performance.now() - started);
    }
    const importMs = performance.now() - importStarted;

    const notAdded = outcomes.filter((o) => o.outcome !== 'added' || o.kind !== 'scorecard');
    if (notAdded.length > 0) throw new Error(`${notAdded.length} of ${FILES} files were not added; the first: ${notAdded[0]?.outcome} — ${notAdded[0]?.detail}`);
    const [scorecards, revisions, interviews, candidates, conflicts] = await Promise.all([
      target.scorecards.count(),
      target.scorecardRevisions.count(),
      target.interviews.count(),
      target.candidates.count(),
      target.conflicts.count(),
    ]);
    if (scorecards !== FILES || revisions !== FILES || interviews !== FILES || candidates !== CANDIDATES || conflicts !== 0) {
      throw new Error(`After the import the target holds ${scorecards} scorecards, ${revisions} revisions, ${interviews} interviews, ${candidates} candidates and ${conflicts} conflicts.`);
    }

    // Gathering the same files again changes nothing.
    status('Importing a sample again…');
    const again = files.filter((_, i) => i % REIMPORT_EVERY === 0);
    const againSamples: number[] = [];
    for (const file of again) {
      const started = performance.now();
      const outcome = await into.imports.importFile(file.fileName, file.json, importOptions(file));
      againSamples.push(performance.now() - started);
      if (outcome.outcome !== 'unchanged') throw new Error(`${file.fileName} imported a second time came back ${outcome.outcome}: ${outcome.detail}`);
    }
    if ((await target.scorecardRevisions.count()) !== FILES) throw new Error('The second import wrote revisions.');

    return {
      samples,
      series: { [`second import of ${again.length} files (all unchanged)`]: againSamples },
      extra: {
        'files': `${FILES.toLocaleString('en-US')} scorecard files: 1 role, ${CANDIDATES} candidates × ${INTERVIEWERS.length} interviewers, 1 submitted revision each, 5 × ${EVIDENCE_CHARS} chars of evidence`,
        'file size': `${(totalBytes / 2 ** 20).toFixed(2)} MiB in all, ${(totalBytes / FILES / 1024).toFixed(1)} KiB per file on average`,
        'making the files (not measured)': `${(generationMs / 1000).toFixed(1)} s`,
        'import total (wall)': `${(importMs / 1000).toFixed(2)} s`,
        'throughput': `${(FILES / (importMs / 1000)).toFixed(0)} files/s`,
        'outcomes': `${FILES} added; a second import of ${again.length} (every ${REIMPORT_EVERY}th): ${again.length} unchanged`,
        'first file (empty DB, adds role, rubric, candidate)': f1(samples[0] ?? NaN),
        'last 100 files, mean': f1(samples.slice(-100).reduce((a, b) => a + b, 0) / 100),
        'first 100 files, mean': f1(samples.slice(0, 100).reduce((a, b) => a + b, 0) / 100),
      },
    };
  } finally {
    source.close();
    target.close();
  }
});
