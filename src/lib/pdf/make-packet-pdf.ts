import type { PacketContent } from '../../domain/packet';
import type { PdfMeta } from './packet-pdf';

/**
 * Makes the packet PDF in a worker (loaded only when exporting) and returns it as a Blob. Where a
 * worker cannot start, it is made on this thread instead, rather than not at all.
 */
export async function makePacketPdf(content: PacketContent, meta: PdfMeta): Promise<Blob> {
  const bytes = await inWorker(content, meta).catch(async (error: unknown) => {
    if (!(error instanceof WorkerUnavailable)) throw error;
    const [{ renderPacketPdf }, { loadPdfFonts }] = await Promise.all([import('./packet-pdf'), import('./fonts')]);
    return renderPacketPdf(content, await loadPdfFonts(), meta);
  });
  return new Blob([bytes], { type: 'application/pdf' });
}

class WorkerUnavailable extends Error {}

function inWorker(content: PacketContent, meta: PdfMeta): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./pdf-worker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      reject(new WorkerUnavailable(String(error)));
      return;
    }
    worker.onmessage = (event: MessageEvent<{ ok: true; bytes: ArrayBuffer } | { ok: false; message: string }>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.bytes);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new WorkerUnavailable(event.message));
    };
    worker.postMessage({ content, meta });
  });
}
