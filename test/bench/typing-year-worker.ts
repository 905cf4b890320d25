/// <reference lib="webworker" />
// Fills the typing bench's database with a year of data (test/bench/year-of-data.ts) off the page:
// the fill's garbage dies with this worker, so the page that is measured holds in its heap only what
// the app reads, as on an interviewer's device that has gathered the year over months.
import { createDb } from '../../src/data/db';
import { fillYearOfData } from './year-of-data';

export type FillMessage = { progress: string } | { done: true } | { error: string };

const post = (message: FillMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

self.onmessage = async (event: MessageEvent<{ dbName: string }>) => {
  try {
    const db = createDb(event.data.dbName);
    await db.open();
    await fillYearOfData(db, (progress) => post({ progress }));
    db.close();
    post({ done: true });
  } catch (error) {
    post({ error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error) });
  }
};
