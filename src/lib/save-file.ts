/**
 * Hands a file to the user: the share sheet on touch devices that can share files (a tablet sends
 * it to the lead by AirDrop, mail or chat), a download everywhere else.
 */
export async function saveFile(contents: string | Blob, fileName: string, type = 'application/json'): Promise<'shared' | 'downloaded' | 'cancelled'> {
  const blob = contents instanceof Blob ? contents : new Blob([contents], { type });
  const file = typeof File === 'function' ? new File([blob], fileName, { type }) : null;
  const touch = typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches;
  if (file && touch && typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] })) {
    try {
      await navigator.share({ files: [file], title: fileName });
      return 'shared';
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
      // Sharing failed for another reason: fall back to a download rather than lose the file.
    }
  }
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return 'downloaded';
}
