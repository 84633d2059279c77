/**
 * The SCO's iframe, made and removed by hand rather than by React: removing an iframe unloads its
 * page at once, so a SCO that terminates in its own unload handler (most do) has done so by the
 * time `remove()` returns, and the player knows whether it still has to end the session itself.
 * A fresh iframe per launch also keeps SCO pages out of the browser's back-button history.
 */
export class ScoFrame {
  private frame: HTMLIFrameElement | null = null;
  /** The last frame had focus when it was removed (the learner was working in the SCO). */
  private hadFocus = false;

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
    // Once the page has settled (the start panel may just have gone): if the SCO that ended held
    // focus, or focus was lost with a button that went away or was disabled (Previous, on reaching
    // the first part), keyboard users carry on in this SCO rather than at the top of the page.
    setTimeout(() => {
      const active = document.activeElement;
      const lost = !active || active === document.body || active.matches(':disabled');
      if (this.frame === frame && (this.hadFocus || lost)) frame.focus();
      this.hadFocus = false;
    }, 0);
  }

  /** Whether a SCO's page is on screen. */
  isShowing(): boolean {
    return this.frame !== null;
  }

  remove(): void {
    if (this.frame) this.hadFocus = document.activeElement === this.frame;
    this.frame?.remove();
    this.frame = null;
  }
}
