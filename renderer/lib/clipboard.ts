/**
 * Copies text to the clipboard. The async Clipboard API needs a secure context (loopback http and
 * Electron qualify); the textarea fallback covers the rest.
 */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard !== undefined && typeof navigator.clipboard.writeText === 'function') {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Permission refused (e.g. page not focused): try the old way.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('the clipboard refused the text');
}
