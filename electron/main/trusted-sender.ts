/**
 * Which IPC senders are ours: the main window's top frame, showing our own renderer file.
 *
 * Electron's checklist: validate the sender of every IPC message (a navigated or injected frame must
 * not reach the API). Modelled on GitHub Desktop's trusted-ipc-sender.
 */
export interface SenderLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export class TrustedSenders {
  private readonly ids = new Set<number>();

  constructor(private readonly rendererUrlPrefix: string) {}

  add(webContentsId: number): void {
    this.ids.add(webContentsId);
  }

  remove(webContentsId: number): void {
    this.ids.delete(webContentsId);
  }

  /** True for a message from a trusted window's top frame on our renderer URL. */
  isTrusted(event: SenderLike): boolean {
    const frame = event.senderFrame;
    if (!frame || frame.parent) return false;
    return this.ids.has(event.sender.id) && frame.url.startsWith(this.rendererUrlPrefix);
  }
}
