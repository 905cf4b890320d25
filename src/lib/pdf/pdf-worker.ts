/// <reference lib="webworker" />
import type { PacketContent } from '../../domain/packet';
import { renderPacketPdf, type PdfMeta } from './packet-pdf';
import { loadPdfFonts } from './fonts';

// Builds the PDF off the main thread, so typing and scrolling stay smooth while it is made.
type Request = { content: PacketContent; meta: PdfMeta };

self.onmessage = async (event: MessageEvent<Request>) => {
  try {
    const bytes = renderPacketPdf(event.data.content, await loadPdfFonts(), event.data.meta);
    (self as unknown as DedicatedWorkerGlobalScope).postMessage({ ok: true, bytes }, [bytes]);
  } catch (error) {
    (self as unknown as DedicatedWorkerGlobalScope).postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
