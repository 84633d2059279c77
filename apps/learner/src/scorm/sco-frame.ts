/**
 * The SCO's iframe, made and removed by hand rather than by React: removing an iframe unloads its
 * page at once, so a SCO that terminates in its own unload handler (most do) has done so by the
 * time `remove()` returns, and the player knows whether it still has to end the session itself.
 * A fresh iframe per launch also keeps SCO pages out of the browser's back-button history.
 */
export class ScoFrame {
  private frame: HTMLIFrameElement | null = null;

  constructor(private readonly host: () => HTMLElement | null) {}

  /** Shows the SCO at `url` (call once its runtime API is on the window). */
  show(url: string, title: string): void {
    this.remove();
    const host = this.host();
    if (!host) return;
    const frame = document.createElement('iframe');
    frame.className = 'scorm-frame';
    frame.title = title;
    // Fullscreen video and the like; the package is same-origin content a trainer uploaded.
    frame.allow = 'fullscreen; autoplay';
    frame.src = url;
    host.append(frame);
    this.frame = frame;
  }

  /** Whether a SCO's page is on screen. */
  isShowing(): boolean {
    return this.frame !== null;
  }

  remove(): void {
    this.frame?.remove();
    this.frame = null;
  }
}
