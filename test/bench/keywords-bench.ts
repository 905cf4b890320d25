// Keyword scan bench: findKeywords over a pasted résumé of 200,000 characters (the limit), with a
// lane's keywords and a team stack, as the screen runs it on the main thread. One sample per scan.
import { RESUME_TEXT_MAX_LENGTH, findKeywords, sourcingKeywords } from '../../src/domain/sourcing';
import { publish } from './bench-result';

const RUNS = 30;
const SENTENCE =
  'Owned Kubeflow and Argo pipelines for the ranking team, cut p99 latency on the KServe endpoints, ran the on-call rotation; read about the Argonaut at a feasting. ';

void publish(async () => {
  const lane = sourcingKeywords('pipeline-owner', ['Vertex AI', 'C++', 'scikit-learn', 'Feast', 'Triton']);
  const keywords = [...lane.groups.flatMap((g) => g.keywords), ...lane.production];
  const text = SENTENCE.repeat(Math.ceil(RESUME_TEXT_MAX_LENGTH / SENTENCE.length)).slice(0, RESUME_TEXT_MAX_LENGTH);
  findKeywords(text, keywords); // warm-up
  const samples: number[] = [];
  let matches = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    const result = findKeywords(text, keywords);
    samples.push(performance.now() - started);
    if (!result.ok) throw new Error(result.message);
    matches = result.matches.length;
  }
  return { samples, extra: { characters: text.length, keywords: keywords.length, matches } };
});
