import type { CommitMetadata, IHttpService, ResultObject, Settings } from 'scorm-again';

const GENERAL_COMMIT_FAILURE = 391;
const failed = (errorMessage?: string): ResultObject => ({
  result: 'false',
  errorCode: GENERAL_COMMIT_FAILURE,
  ...(errorMessage ? { errorMessage } : {}),
});

/** Reads the LMS answer `{"result":"true","errorCode":0}`; any 2xx without one counts as stored. */
function resultOf(xhr: XMLHttpRequest): ResultObject {
  if (xhr.status < 200 || xhr.status > 299) return failed(`HTTP ${xhr.status}`);
  try {
    const body = JSON.parse(xhr.responseText) as Partial<ResultObject>;
    if (body && typeof body === 'object' && 'result' in body) {
      const ok = body.result === true || body.result === 'true';
      return {
        result: ok ? 'true' : 'false',
        errorCode: typeof body.errorCode === 'number' ? body.errorCode : ok ? 0 : 101,
      };
    }
  } catch {
    // Not JSON: the status said it was stored.
  }
  return { result: 'true', errorCode: 0 };
}

/**
 * How the player's SCO commits reach the API. scorm-again's own synchronous service sends every
 * terminate commit by sendBeacon, even when the page stays open; the player then asks the server
 * for the next SCO at once, and that request could overtake the beacon and be sequenced on the
 * SCO's old status. So commits go by synchronous XHR (what SCORM expects: LMSCommit returns once
 * the data is stored). Browsers refuse synchronous requests while a document is being dismissed,
 * which includes a SCO terminating in its own unload handler as the player removes its frame: then
 * the commit goes by a keepalive fetch that the player waits for (`settled`) before it asks the
 * server anything. Only when the whole page is being left does it go by sendBeacon, the request a
 * closing page is sure to send (text/plain, no custom headers).
 */
export class CommitService implements IHttpService {
  private settings: Settings;
  /** Set by the player on pagehide: the page is going away. */
  leaving = false;
  private readonly inFlight = new Set<Promise<unknown>>();

  /** `onStored` hears whether each commit was stored, so the player can say when one was not. */
  constructor(
    settings: Settings,
    private readonly onStored: (stored: boolean) => void,
  ) {
    this.settings = settings;
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
  }

  processHttpRequest(
    url: string,
    params: unknown,
    _immediate: boolean,
    _apiLog: unknown,
    _processListeners: unknown,
    metadata?: CommitMetadata,
  ): ResultObject {
    const handled = this.settings.requestHandler ? this.settings.requestHandler(params, metadata) : params;
    const body = JSON.stringify(handled ?? params);
    return this.leaving ? this.beacon(url, body) : this.post(url, body);
  }

  /** Resolves once every commit sent without waiting has been answered (or has failed). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** A commit the SCO cannot wait for: it is told "stored", as sendBeacon would tell it. */
  private background(url: string, body: string): ResultObject {
    if (this.leaving) return this.beacon(url, body);
    const request = fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      credentials: 'same-origin',
      keepalive: true,
    })
      // The SCO was already told "stored": only the player hears the answer.
      .then(
        (response) => this.onStored(response.ok),
        () => this.onStored(false),
      )
      .finally(() => this.inFlight.delete(request));
    this.inFlight.add(request);
    return { result: 'true', errorCode: 0 };
  }

  private beacon(url: string, body: string): ResultObject {
    const type = this.settings.terminationCommitContentType ?? 'text/plain;charset=UTF-8';
    const sent =
      typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(url, new Blob([body], { type }));
    return sent ? { result: 'true', errorCode: 0 } : failed('sendBeacon refused the commit');
  }

  private post(url: string, body: string): ResultObject {
    const xhr = new XMLHttpRequest();
    try {
      xhr.open('POST', url, false);
      xhr.setRequestHeader('Content-Type', 'application/json');
      for (const [name, value] of Object.entries(this.settings.xhrHeaders ?? {}))
        xhr.setRequestHeader(name, String(value));
      xhr.send(body);
      const result = resultOf(xhr);
      this.onStored(result.result === 'true');
      return result;
    } catch {
      // Refused outright: the SCO's document (or the page) is being dismissed.
      return this.background(url, body);
    }
  }
}
